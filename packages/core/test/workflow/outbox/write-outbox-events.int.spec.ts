import { expect } from 'chai';
import type { Database } from '../../../src/db/database.js';
import { openTestDatabase } from '../../../src/db/testing.js';
import type { NewOutboxEvent } from '../../../src/workflow/outbox/outbox-types.js';
import { outboxInsertQuery, writeOutboxEvents } from '../../../src/workflow/outbox/write-outbox-events.js';
import { createCities, expectCode } from './fixtures.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
const INQUIRY = '7f0c1c9e-2b1a-4c52-9a55-0d6f5b3c2a10';

describe(`writing outbox events (${engine})`, () => {
  let db: Database;

  before(async () => {
    db = await openTestDatabase();
    await createCities(db);
  });
  after(() => db.close());

  it('writes many events in order, pending and due, and returns their ids', async () => {
    const ids = await db.withTenant('chirchik', (trx) =>
      writeOutboxEvents(trx, 'chirchik', [
        {
          type: 'inquiry.filed',
          inquiryId: INQUIRY,
          payload: { inquiryId: INQUIRY, form: { meters: [1, 2] } },
        },
        { type: 'workflow.effect', payload: { effect: 'agency-gas/seal-meter' } },
      ]),
    );
    const rows: Record<string, unknown>[] = await db.withTenant('chirchik', (trx) =>
      trx('outbox_events').where({ tenant_id: 'chirchik' }).whereIn('id', ids).orderBy('seq'),
    );
    expect(rows.map((r) => r['id'])).to.deep.equal(ids);
    expect(rows[0]).to.deep.include({
      type: 'inquiry.filed',
      inquiry_id: INQUIRY,
      payload: { inquiryId: INQUIRY, form: { meters: [1, 2] } },
      status: 'pending',
      attempts: 0,
      delivered_to: [],
      locked_until: null,
    });
    expect(rows[1]).to.deep.include({ inquiry_id: null });
  });

  it('writes nothing for an empty list', async () => {
    expect(await db.withTenant('djizak', (trx) => writeOutboxEvents(trx, 'djizak', []))).to.deep.equal([]);
  });

  it('lists every invalid event field and writes none of the events', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const events = [
      { type: 'inquiry.filed', payload: {} },
      { type: 'Inquiry Filed', inquiryId: 'CHR-2026-000123', payload: [] },
      { type: 'inquiry', payload: cyclic },
    ] as unknown as NewOutboxEvent[];
    const error = await expectCode(
      db.withTenant('djizak', (trx) => writeOutboxEvents(trx, 'djizak', events)),
      'DARCHA_OUTBOX_EVENT_INVALID',
    );
    expect((error.details['errors'] as { field: string }[]).map((e) => e.field)).to.deep.equal([
      '/1/type',
      '/1/inquiryId',
      '/1/payload',
      '/2/type',
      '/2/payload',
    ]);
    const count = await db.withTenant('djizak', (trx) =>
      trx('outbox_events').where({ tenant_id: 'djizak' }).count(),
    );
    expect(Number((count[0] as { count: string }).count)).to.equal(0);
  });

  it('hands out the insert as a query the engine can put in a CTE', async () => {
    const returned = await db.withTenant('djizak', async (trx) => {
      const { query, ids } = outboxInsertQuery(trx, 'djizak', [
        { type: 'inquiry.assigned', payload: { assigneeId: 'officer-7' } },
      ]);
      const rows: { id: string }[] = await trx
        .with('written', query.returning('id'))
        .select('id')
        .from('written');
      return { ids, rows };
    });
    expect(returned.rows.map((r) => r.id)).to.deep.equal(returned.ids);
  });
});
