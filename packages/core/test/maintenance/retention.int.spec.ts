import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { createLogger } from '../../src/logging/logger.js';
import { RetentionJob } from '../../src/maintenance/retention-job.js';
import { writeOutboxEvents } from '../../src/workflow/outbox/write-outbox-events.js';
import { dbEngine, openEngineFixture, type EngineFixture } from '../workflow/engine/engine-fixture.js';

const DAY = 86_400_000;
const NOW = new Date('2026-07-20T12:00:00+05:00');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

describe(`the retention job (${dbEngine})`, () => {
  let fx: EngineFixture;
  /** Ids of the rows that must survive, by table. */
  const kept: Record<string, string[]> = {};

  before(async () => {
    fx = await openEngineFixture();
    const { inquiry } = await fx.engine.file('chirchik', fx.filing(), fx.actors.operator);
    await fx.db.withTenant('chirchik', async (trx) => {
      const events = await writeOutboxEvents(trx, 'chirchik', [
        { type: 'inquiry.filed', inquiryId: inquiry.id, payload: { n: 1 } },
        { type: 'inquiry.filed', inquiryId: inquiry.id, payload: { n: 2 } },
        { type: 'inquiry.filed', inquiryId: inquiry.id, payload: { n: 3 } },
        { type: 'inquiry.filed', inquiryId: inquiry.id, payload: { n: 4 } },
      ]);
      const [oldDelivered, freshDelivered, oldDead, oldPending] = events as [string, string, string, string];
      const set = (id: string, values: Record<string, unknown>) =>
        trx('outbox_events').where({ tenant_id: 'chirchik', id }).update(values);
      await set(oldDelivered, { status: 'delivered', delivered_at: ago(8), created_at: ago(8) });
      await set(freshDelivered, { status: 'delivered', delivered_at: ago(6) });
      await set(oldDead, { status: 'dead', created_at: ago(30) });
      await set(oldPending, { created_at: ago(30) });
      kept['outbox_events'] = [freshDelivered, oldDead, oldPending];

      const timer = (status: string, firedAt: Date | null) => ({
        tenant_id: 'chirchik',
        id: randomUUID(),
        inquiry_id: inquiry.id,
        kind: 'state_sla',
        fire_at: ago(40),
        inquiry_version: 1,
        reaction: JSON.stringify({}),
        status,
        fired_at: firedAt,
      });
      const timers = [timer('fired', ago(31)), timer('skipped', ago(29)), timer('pending', null)];
      await trx('inquiry_timers').insert(timers);
      kept['inquiry_timers'] = [timers[1]!.id, timers[2]!.id];

      await trx('idempotency_keys').insert([
        { tenant_id: 'chirchik', scope: 'file', key: 'old-key-1', request_hash: 'x', created_at: ago(8) },
        { tenant_id: 'chirchik', scope: 'file', key: 'new-key-1', request_hash: 'x', created_at: ago(1) },
      ]);
      kept['idempotency_keys'] = ['new-key-1'];

      const session = (expires: Date, revoked: Date | null) => ({
        tenant_id: 'chirchik',
        id: randomBytes(32).toString('hex'),
        staff_id: fx.actors.operator.id,
        csrf_token: 'csrf',
        created_at: ago(10),
        last_seen_at: ago(3),
        expires_at: expires,
        revoked_at: revoked,
      });
      const sessions = [session(ago(2), null), session(ago(-1), ago(2)), session(ago(-1), null)];
      await trx('staff_sessions').insert(sessions);
      kept['staff_sessions'] = [sessions[2]!.id];

      const challenge = (expires: Date) => ({
        tenant_id: 'chirchik',
        id: randomUUID(),
        phone: '+998901234567',
        code_hash: 'h',
        expires_at: expires,
        created_at: ago(3),
      });
      const challenges = [challenge(ago(2)), challenge(ago(0.5))];
      await trx('phone_challenges').insert(challenges);
      kept['phone_challenges'] = [challenges[1]!.id];
    });
    await fx.db.withTenant('djizak', (trx) =>
      trx('idempotency_keys').insert({
        tenant_id: 'djizak',
        scope: 'file',
        key: 'old-key-2',
        request_hash: 'x',
        created_at: ago(8),
      }),
    );
  });
  after(() => fx.close());

  it('deletes finished rows past their retention in every city, and nothing else', async () => {
    const job = new RetentionJob({
      db: fx.db,
      logger: createLogger({ level: 'silent' }),
      tenantIds: async () => ['chirchik', 'djizak'],
      clock: () => NOW,
    });
    const pass = await job.runOnce();
    expect(pass.failedTenants).to.deep.equal([]);
    expect(pass.pruned).to.deep.include({
      timers: 1,
      idempotencyKeys: 2,
      staffSessions: 2,
      phoneChallenges: 1,
    });
    // Filing wrote its own event (pending, fresh): only the old delivered one goes.
    expect(pass.pruned.outboxEvents).to.equal(1);
    await fx.db.withTenant('chirchik', async (trx) => {
      const ids = async (table: string, column = 'id') =>
        (await trx(table).where({ tenant_id: 'chirchik' }).pluck(column)) as string[];
      expect(await ids('outbox_events')).to.include.members(kept['outbox_events']!);
      expect(await ids('inquiry_timers')).to.include.members(kept['inquiry_timers']!);
      expect(await ids('idempotency_keys', 'key')).to.deep.equal(kept['idempotency_keys']);
      expect(await ids('staff_sessions')).to.deep.equal(kept['staff_sessions']);
      expect(await ids('phone_challenges')).to.deep.equal(kept['phone_challenges']);
    });
    const again = await job.runOnce();
    expect(Object.values(again.pruned).every((n) => n === 0)).to.equal(true);
  });

  it('runs the other housekeeping tasks of each city and sums what they changed', async () => {
    const seen: string[] = [];
    const job = new RetentionJob({
      db: fx.db,
      logger: createLogger({ level: 'silent' }),
      tenantIds: async () => ['chirchik', 'djizak'],
      tenantTasks: [
        {
          name: 'expiredInvoices',
          run: async (tenantId) => {
            seen.push(tenantId);
            return tenantId === 'chirchik' ? 2 : 1;
          },
        },
      ],
      clock: () => NOW,
    });
    const pass = await job.runOnce();
    expect(seen).to.deep.equal(['chirchik', 'djizak']);
    expect(pass.tasks).to.deep.equal({ expiredInvoices: 3 });
  });

  it('logs a city whose pass fails and goes on with the others', async () => {
    const job = new RetentionJob({
      db: fx.db,
      logger: createLogger({ level: 'silent' }),
      tenantIds: async () => ['Not A Tenant', 'chirchik'],
      clock: () => NOW,
    });
    const pass = await job.runOnce();
    expect(pass.failedTenants).to.deep.equal(['Not A Tenant']);
  });
});
