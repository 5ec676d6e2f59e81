import { expect } from 'chai';
import type { Database } from '../../../src/db/database.js';
import { openTestDatabase } from '../../../src/db/testing.js';
import { claimOutboxEvents } from '../../../src/workflow/outbox/claim-outbox-events.js';
import { writeOutboxEvents } from '../../../src/workflow/outbox/write-outbox-events.js';
import { createCities, ManualClock } from './fixtures.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`claiming outbox events (${engine})`, () => {
  let db: Database;
  let clock: ManualClock;

  before(async () => {
    db = await openTestDatabase();
    await createCities(db);
    clock = new ManualClock();
  });
  after(() => db.close());

  function claim(limit: number) {
    const now = clock.now();
    return db.withTenant('chirchik', (trx) =>
      claimOutboxEvents(trx, 'chirchik', { now, leaseUntil: new Date(now.getTime() + 30_000), limit }),
    );
  }

  it('gives claims made at the same time disjoint events, in order of writing', async () => {
    const ids = await db.withTenant('chirchik', (trx) =>
      writeOutboxEvents(
        trx,
        'chirchik',
        Array.from({ length: 40 }, (_, n) => ({ type: 'inquiry.filed', payload: { n } })),
      ),
    );
    const claims = await Promise.all(Array.from({ length: 8 }, () => claim(5)));
    const claimed = claims.flatMap((rows) => rows.map((r) => r.id));
    expect(new Set(claimed).size).to.equal(claimed.length);
    expect(claimed.length).to.equal(40);
    for (const rows of claims) {
      const positions = rows.map((r) => ids.indexOf(r.id));
      expect(positions).to.deep.equal([...positions].sort((a, b) => a - b));
    }
    expect(await claim(5)).to.deep.equal([]);
  });
});
