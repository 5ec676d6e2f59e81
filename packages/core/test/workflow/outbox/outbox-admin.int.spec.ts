import { expect } from 'chai';
import { listAudit } from '../../../src/audit/audit-log.js';
import type { Database } from '../../../src/db/database.js';
import { openTestDatabase } from '../../../src/db/testing.js';
import { listDeadEvents, outboxBacklog, retryDeadEvent } from '../../../src/workflow/outbox/outbox-admin.js';
import { writeOutboxEvents } from '../../../src/workflow/outbox/write-outbox-events.js';
import { createCities, expectCode } from './fixtures.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe(`outbox administration (${engine})`, () => {
  let db: Database;
  /** Dead events of chirchik, oldest first. */
  let dead: string[];
  let pending: string;
  let djizakDead: string;

  before(async () => {
    db = await openTestDatabase();
    await createCities(db);
    // Five events written in one transaction share created_at: the pages must still be stable.
    dead = await writeAndKill('chirchik', 5);
    [pending] = await db.withTenant('chirchik', (trx) =>
      writeOutboxEvents(trx, 'chirchik', [{ type: 'inquiry.assigned', payload: {} }]),
    );
    [djizakDead] = await writeAndKill('djizak', 1);
  });
  after(() => db.close());

  async function writeAndKill(tenantId: string, count: number): Promise<string[]> {
    return db.withTenant(tenantId, async (trx) => {
      const ids = await writeOutboxEvents(
        trx,
        tenantId,
        Array.from({ length: count }, (_, n) => ({ type: 'inquiry.filed', payload: { n } })),
      );
      await trx('outbox_events').where({ tenant_id: tenantId }).whereIn('id', ids).update({
        status: 'dead',
        attempts: 8,
        last_error: 'plugin:agency-gas: down',
        delivered_to: '["core:effects"]',
      });
      return ids;
    });
  }

  it('lists dead events newest first, a page at a time', async () => {
    const pages: string[][] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listDeadEvents(db, 'chirchik', { limit: 2, ...(after ? { after } : {}) });
      pages.push(page.events.map((e) => e.id));
      if (page.nextAfter === null) break;
      after = page.nextAfter;
    }
    expect(pages).to.deep.equal([[dead[4], dead[3]], [dead[2], dead[1]], [dead[0]]]);
    const [first] = (await listDeadEvents(db, 'chirchik', { limit: 1 })).events;
    expect(first).to.deep.include({
      tenantId: 'chirchik',
      status: 'dead',
      attempts: 8,
      lastError: 'plugin:agency-gas: down',
      deliveredTo: ['core:effects'],
    });
  });

  it('refuses a malformed page and an unknown cursor', async () => {
    const invalid = await expectCode(
      listDeadEvents(db, 'chirchik', { limit: 0, after: 'nope' }),
      'DARCHA_OUTBOX_QUERY_INVALID',
    );
    expect(invalid.details['errors']).to.have.length(2);
    await expectCode(listDeadEvents(db, 'chirchik', { after: UNKNOWN }), 'DARCHA_OUTBOX_EVENT_NOT_FOUND');
  });

  it("never shows or retries another city's dead events", async () => {
    const ids = (await listDeadEvents(db, 'djizak')).events.map((e) => e.id);
    expect(ids).to.deep.equal([djizakDead]);
    await expectCode(retryDeadEvent(db, 'chirchik', djizakDead), 'DARCHA_OUTBOX_EVENT_NOT_FOUND');
    await expectCode(listDeadEvents(db, 'chirchik', { after: djizakDead }), 'DARCHA_OUTBOX_EVENT_NOT_FOUND');
  });

  it('puts a dead event back in line, keeping who already has it, and audits the retry', async () => {
    const now = new Date(Date.now() + 3_600_000);
    const retried = await retryDeadEvent(db, 'chirchik', dead[0]!, { now, actor: 'admin-1' });
    expect(retried).to.deep.include({
      id: dead[0],
      status: 'pending',
      attempts: 0,
      deliveredTo: ['core:effects'],
    });
    expect(retried.nextAttemptAt.toISOString()).to.equal(now.toISOString());
    const audit = await db.withTenant('chirchik', (trx) =>
      listAudit(trx, 'chirchik', { subjectType: 'outbox_event' }),
    );
    expect(audit.map((a) => [a.action, a.subjectId, a.actor])).to.deep.equal([
      ['outbox.retry', dead[0], 'admin-1'],
    ]);
    expect((await listDeadEvents(db, 'chirchik')).events.map((e) => e.id)).to.not.include(dead[0]);
  });

  it('answers coded errors for an unknown event and for one that is not dead', async () => {
    const notFound = await expectCode(
      retryDeadEvent(db, 'chirchik', UNKNOWN),
      'DARCHA_OUTBOX_EVENT_NOT_FOUND',
    );
    expect(notFound.kind).to.equal('not_found');
    await expectCode(retryDeadEvent(db, 'chirchik', 'not-a-uuid'), 'DARCHA_OUTBOX_EVENT_NOT_FOUND');
    const notDead = await expectCode(retryDeadEvent(db, 'chirchik', pending), 'DARCHA_OUTBOX_EVENT_NOT_DEAD');
    expect(notDead).to.deep.include({ kind: 'conflict' });
    expect(notDead.details).to.deep.include({ status: 'pending' });
  });

  it('counts events by status and tells the age of the oldest pending one', async () => {
    const backlog = await outboxBacklog(db, 'djizak');
    expect(backlog).to.deep.equal({
      pending: 0,
      due: 0,
      delivered: 0,
      dead: 1,
      oldestPendingAt: null,
      oldestPendingAgeMs: null,
    });
    const createdAt = async (id: string) =>
      (
        (await db.withTenant('chirchik', (trx) =>
          trx('outbox_events').where({ tenant_id: 'chirchik', id }).first('created_at'),
        )) as { created_at: Date }
      ).created_at;
    const oldest = await createdAt(dead[0]!);
    const now = new Date((await createdAt(pending)).getTime() + 90_000);
    // Two pending: the one never attempted is due, the retried one only in an hour.
    expect(await outboxBacklog(db, 'chirchik', { now })).to.deep.equal({
      pending: 2,
      due: 1,
      delivered: 0,
      dead: 4,
      oldestPendingAt: oldest,
      oldestPendingAgeMs: now.getTime() - oldest.getTime(),
    });
  });
});
