import { expect } from 'chai';
import type { Database } from '../../../src/db/database.js';
import { openTestDatabase } from '../../../src/db/testing.js';
import { claimOutboxEvents } from '../../../src/workflow/outbox/claim-outbox-events.js';
import { listDeadEvents, outboxBacklog, retryDeadEvent } from '../../../src/workflow/outbox/outbox-admin.js';
import { OutboxDispatcher } from '../../../src/workflow/outbox/outbox-dispatcher.js';
import type { OutboxDispatcherOptions } from '../../../src/workflow/outbox/outbox-dispatcher-options.js';
import type { NewOutboxEvent, OutboxEvent } from '../../../src/workflow/outbox/outbox-types.js';
import { recordOutboxOutcomes } from '../../../src/workflow/outbox/record-outbox-outcomes.js';
import { writeOutboxEvents } from '../../../src/workflow/outbox/write-outbox-events.js';
import { captureLogger, createCities, expectCode, ManualClock, RecordingSubscriber } from './fixtures.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
const INQUIRY = '7f0c1c9e-2b1a-4c52-9a55-0d6f5b3c2a10';

describe(`outbox dispatcher (${engine})`, () => {
  let db: Database;
  let clock: ManualClock;
  let log: ReturnType<typeof captureLogger>;

  beforeEach(async () => {
    db = await openTestDatabase();
    await createCities(db);
    clock = new ManualClock();
    log = captureLogger();
  });
  afterEach(() => db.close());

  function dispatcher(
    subscribers: RecordingSubscriber[],
    options: Partial<OutboxDispatcherOptions> = {},
  ): OutboxDispatcher {
    return new OutboxDispatcher({
      db,
      logger: log.logger,
      tenantIds: () => Promise.resolve(['chirchik', 'djizak']),
      subscribers: () => subscribers,
      clock: clock.now,
      backoff: (attempts) => attempts * 1_000,
      ...options,
    });
  }

  function write(tenantId: string, events: NewOutboxEvent[]): Promise<string[]> {
    return db.withTenant(tenantId, (trx) => writeOutboxEvents(trx, tenantId, events));
  }

  function filed(n: number): NewOutboxEvent {
    return { type: 'inquiry.filed', inquiryId: INQUIRY, payload: { inquiryId: INQUIRY, n } };
  }

  async function stored(tenantId: string, id: string): Promise<OutboxEvent> {
    const { events } = await listAll(tenantId);
    const event = events.find((e) => e.id === id);
    if (!event) throw new Error(`no event ${id}`);
    return event;
  }

  /** Every event of a tenant, read through the tenant's own transaction. */
  async function listAll(tenantId: string): Promise<{ events: OutboxEvent[] }> {
    const rows: Record<string, unknown>[] = await db.withTenant(tenantId, (trx) =>
      trx('outbox_events').where({ tenant_id: tenantId }).orderBy('seq'),
    );
    return {
      events: rows.map((r) => ({
        id: r['id'] as string,
        tenantId: r['tenant_id'] as string,
        type: r['type'] as string,
        inquiryId: r['inquiry_id'] as string | null,
        payload: r['payload'] as Record<string, unknown>,
        status: r['status'] as OutboxEvent['status'],
        attempts: r['attempts'] as number,
        nextAttemptAt: r['next_attempt_at'] as Date,
        lastError: r['last_error'] as string | null,
        deliveredTo: r['delivered_to'] as string[],
        createdAt: r['created_at'] as Date,
        deliveredAt: r['delivered_at'] as Date | null,
      })),
    };
  }

  it('never delivers events written in a transaction that rolled back', async () => {
    const subscriber = new RecordingSubscriber('core:effects');
    const failure = await db
      .withTenant('chirchik', async (trx) => {
        await writeOutboxEvents(trx, 'chirchik', [filed(1)]);
        throw new Error('the transition failed after writing its events');
      })
      .catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(Error);
    expect(await dispatcher([subscriber]).runOnce()).to.deep.equal({ delivered: 0, failed: 0, dead: 0 });
    expect(subscriber.received).to.deep.equal([]);
    expect((await outboxBacklog(db, 'chirchik')).pending).to.equal(0);
  });

  it('delivers committed events once, oldest first, to each subscriber that handles them', async () => {
    const effects = new RecordingSubscriber('core:effects');
    const gas = new RecordingSubscriber('plugin:agency-gas', ['inquiry.transitioned']);
    const ids = await write('chirchik', [
      filed(1),
      { type: 'inquiry.transitioned', payload: { inquiryId: INQUIRY, to: 'review' } },
      filed(3),
    ]);
    const outbox = dispatcher([effects, gas]);
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 3, failed: 0, dead: 0 });
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 0, failed: 0, dead: 0 });
    expect(effects.ids()).to.deep.equal(ids);
    expect(gas.ids()).to.deep.equal([ids[1]]);
    expect(effects.received[0]).to.deep.include({
      tenantId: 'chirchik',
      type: 'inquiry.filed',
      inquiryId: INQUIRY,
      payload: { inquiryId: INQUIRY, n: 1 },
      attempts: 0,
    });
    const second = await stored('chirchik', ids[1]!);
    expect(second).to.deep.include({
      status: 'delivered',
      deliveredTo: ['core:effects', 'plugin:agency-gas'],
    });
    expect(second.deliveredAt?.toISOString()).to.equal(clock.now().toISOString());
    expect((await stored('chirchik', ids[0]!)).deliveredTo).to.deep.equal(['core:effects']);
    expect(log.lines().filter((l) => Number(l['level']) >= 40)).to.deep.equal([]);
  });

  describe('several inquiries at once', () => {
    const A = INQUIRY;
    const B = '2b6f4c1e-8d3a-4e0b-9f7c-1a2b3c4d5e6f';
    const C = '9c8d7e6f-5a4b-4c3d-8e2f-1a0b9c8d7e6f';
    const about = (inquiryId: string, n: number): NewOutboxEvent => ({
      type: 'inquiry.filed',
      inquiryId,
      payload: { label: `${inquiryId === A ? 'A' : inquiryId === B ? 'B' : 'C'}${n}` },
    });

    /** A subscriber that logs starts and ends by label, and holds A1 until `releaseA1()`. */
    function gatedSubscriber() {
      const log: string[] = [];
      let inFlight = 0;
      let most = 0;
      let releaseA1: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (releaseA1 = resolve));
      const subscriber = {
        name: 'core:effects',
        handles: () => true,
        deliver: async (event: OutboxEvent) => {
          const label = String(event.payload['label']);
          log.push(`start ${label}`);
          most = Math.max(most, ++inFlight);
          if (label === 'A1') await gate;
          else await new Promise((resolve) => setImmediate(resolve));
          inFlight -= 1;
          log.push(`end ${label}`);
          if (['B1', 'B2', 'C1'].every((l) => log.includes(`end ${l}`))) releaseA1();
        },
      };
      return { subscriber, log, most: () => most, releaseA1: () => releaseA1() };
    }

    it('delivers other inquiries while one is slow, each inquiry oldest first, at most `concurrency` at a time', async () => {
      await write('chirchik', [about(A, 1), about(B, 1), about(A, 2), about(C, 1), about(B, 2), about(A, 3)]);
      const gated = gatedSubscriber();
      const outbox = dispatcher([], { subscribers: () => [gated.subscriber], concurrency: 2 });
      const run = outbox.runOnce();
      // A1 is held until B's and C's events are through: a dispatcher that waited for A1 would hang here.
      const timer = setTimeout(gated.releaseA1, 5_000);
      expect(await run).to.deep.equal({ delivered: 6, failed: 0, dead: 0 });
      clearTimeout(timer);
      const at = (entry: string) => gated.log.indexOf(entry);
      for (const other of ['B1', 'B2', 'C1']) expect(at(`end ${other}`)).to.be.below(at('end A1'));
      expect(at('end A1')).to.be.below(at('start A2'));
      expect(at('end A2')).to.be.below(at('start A3'));
      expect(at('end B1')).to.be.below(at('start B2'));
      expect(gated.most()).to.equal(2);
    });

    it('records the rest of the batch when the dispatcher itself fails on one event', async () => {
      const [first, second] = await write('chirchik', [about(A, 1), about(B, 1)]);
      const subscriber = new RecordingSubscriber('core:effects');
      subscriber.deliver = async (event: OutboxEvent) => {
        subscriber.received.push(event);
        if (event.payload['label'] === 'A1') throw new Error('billing system unreachable');
      };
      const outbox = dispatcher([subscriber], {
        backoff: () => {
          throw new Error('a backoff that fails');
        },
      });
      expect(await outbox.runOnce()).to.deep.equal({ delivered: 1, failed: 0, dead: 0 });
      expect(await stored('chirchik', first!)).to.deep.include({ status: 'pending', attempts: 0 });
      expect((await stored('chirchik', second!)).status).to.equal('delivered');
      expect(log.lines().filter((l) => l['msg'] === 'outbox delivery failed')).to.have.length(1);
    });

    it('delivers the whole batch in order with a concurrency of 1', async () => {
      await write('chirchik', [about(A, 1), about(B, 1), about(A, 2), about(C, 1)]);
      const received: string[] = [];
      const subscriber = {
        name: 'core:effects',
        handles: () => true,
        deliver: async (event: OutboxEvent) => {
          received.push(String(event.payload['label']));
        },
      };
      const outbox = dispatcher([], { subscribers: () => [subscriber], concurrency: 1 });
      expect(await outbox.runOnce()).to.deep.equal({ delivered: 4, failed: 0, dead: 0 });
      expect(received).to.deep.equal(['A1', 'B1', 'A2', 'C1']);
    });
  });

  it('marks events that no subscriber handles as delivered', async () => {
    const [id] = await write('chirchik', [{ type: 'certificate.issued', payload: {} }]);
    const gas = new RecordingSubscriber('plugin:agency-gas', ['inquiry.filed']);
    expect(await dispatcher([gas]).runOnce()).to.deep.equal({ delivered: 1, failed: 0, dead: 0 });
    expect(await stored('chirchik', id!)).to.deep.include({ status: 'delivered', deliveredTo: [] });
    expect(gas.received).to.deep.equal([]);
  });

  it('retries a failing subscriber with backoff and does not call the one that succeeded again', async () => {
    const effects = new RecordingSubscriber('core:effects');
    const gas = new RecordingSubscriber('plugin:agency-gas');
    gas.failing = true;
    const [id] = await write('chirchik', [filed(1)]);
    const outbox = dispatcher([effects, gas]);
    const start = clock.now().getTime();

    expect(await outbox.runOnce()).to.deep.equal({ delivered: 0, failed: 1, dead: 0 });
    let event = await stored('chirchik', id!);
    expect(event).to.deep.include({ status: 'pending', attempts: 1, deliveredTo: ['core:effects'] });
    expect(event.lastError).to.equal('plugin:agency-gas: plugin:agency-gas is down');
    expect(event.nextAttemptAt.getTime()).to.equal(start + 1_000);

    clock.advance(999);
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 0, failed: 0, dead: 0 });
    clock.advance(1);
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 0, failed: 1, dead: 0 });
    event = await stored('chirchik', id!);
    expect(event.attempts).to.equal(2);
    expect(event.nextAttemptAt.getTime()).to.equal(start + 1_000 + 2_000);

    gas.failing = false;
    clock.advance(2_000);
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 1, failed: 0, dead: 0 });
    expect(effects.ids()).to.deep.equal([id]);
    expect(gas.ids()).to.deep.equal([id, id, id]);
    expect(gas.received.map((e) => e.attempts)).to.deep.equal([0, 1, 2]);
    event = await stored('chirchik', id!);
    expect(event).to.deep.include({
      status: 'delivered',
      deliveredTo: ['core:effects', 'plugin:agency-gas'],
    });
    const warnings = log.lines().filter((l) => l['msg'] === 'outbox subscriber failed');
    expect(warnings.map((w) => w['subscriber'])).to.deep.equal(['plugin:agency-gas', 'plugin:agency-gas']);
  });

  it('makes an event dead after maxAttempts; an admin lists it and sends it again', async () => {
    const effects = new RecordingSubscriber('core:effects');
    const gas = new RecordingSubscriber('plugin:agency-gas');
    gas.failing = true;
    const [id] = await write('chirchik', [filed(1)]);
    const outbox = dispatcher([effects, gas], { maxAttempts: 3 });
    const results = [];
    for (let i = 0; i < 3; i++) {
      results.push(await outbox.runOnce());
      clock.advance(60_000);
    }
    expect(results).to.deep.equal([
      { delivered: 0, failed: 1, dead: 0 },
      { delivered: 0, failed: 1, dead: 0 },
      { delivered: 0, failed: 0, dead: 1 },
    ]);
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 0, failed: 0, dead: 0 });
    expect(gas.received).to.have.length(3);
    expect(
      log.lines().filter((l) => l['msg'] === 'outbox event is dead after its last attempt'),
    ).to.have.length(1);

    const { events, nextAfter } = await listDeadEvents(db, 'chirchik');
    expect(nextAfter).to.equal(null);
    expect(events.map((e) => [e.id, e.attempts, e.deliveredTo])).to.deep.equal([[id, 3, ['core:effects']]]);
    expect(await outboxBacklog(db, 'chirchik')).to.deep.include({ pending: 0, dead: 1, delivered: 0 });

    const retried = await retryDeadEvent(db, 'chirchik', id!, { now: clock.now() });
    expect(retried).to.deep.include({ status: 'pending', attempts: 0, deliveredTo: ['core:effects'] });
    await expectCode(retryDeadEvent(db, 'chirchik', id!), 'DARCHA_OUTBOX_EVENT_NOT_DEAD');
    gas.failing = false;
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 1, failed: 0, dead: 0 });
    expect(effects.ids()).to.deep.equal([id]);
    expect(gas.received).to.have.length(4);
    expect((await listDeadEvents(db, 'chirchik')).events).to.deep.equal([]);
  });

  it('counts a handler that overruns its timeout as failed', async () => {
    const hung = {
      name: 'plugin:agency-slow',
      handles: () => true,
      deliver: () => new Promise<void>(() => undefined),
    };
    const [id] = await write('chirchik', [filed(1)]);
    const outbox = new OutboxDispatcher({
      db,
      logger: log.logger,
      tenantIds: () => Promise.resolve(['chirchik']),
      subscribers: () => [hung],
      clock: clock.now,
      subscriberTimeoutMs: 20,
      leaseMs: 1_000,
    });
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 0, failed: 1, dead: 0 });
    const event = await stored('chirchik', id!);
    expect(event.lastError).to.match(/^plugin:agency-slow: DARCHA_OUTBOX_DELIVERY_TIMEOUT: /);
    expect(event.nextAttemptAt.getTime()).to.be.greaterThan(clock.now().getTime());
  });

  it('delivers each event once when two dispatchers run at the same time', async () => {
    const ids = await write(
      'chirchik',
      Array.from({ length: 40 }, (_, i) => filed(i)),
    );
    const first = new RecordingSubscriber('core:effects');
    const second = new RecordingSubscriber('core:effects');
    const a = dispatcher([first], { batchSize: 3 });
    const b = dispatcher([second], { batchSize: 3 });
    const drain = async (outbox: OutboxDispatcher) => {
      let delivered = 0;
      for (;;) {
        const result = await outbox.runOnce();
        if (result.delivered === 0) return delivered;
        delivered += result.delivered;
      }
    };
    const [byA, byB] = await Promise.all([drain(a), drain(b)]);
    expect(byA + byB).to.equal(40);
    const all = [...first.ids(), ...second.ids()];
    expect([...all].sort()).to.deep.equal([...ids].sort());
    expect((await outboxBacklog(db, 'chirchik')).delivered).to.equal(40);
  });

  it('takes over the events of a dispatcher that died holding their lease, once the lease runs out', async () => {
    const ids = await write('chirchik', [filed(1), filed(2)]);
    const deadLease = new Date(clock.now().getTime() + 30_000);
    const claimed = await db.withTenant('chirchik', (trx) =>
      claimOutboxEvents(trx, 'chirchik', { now: clock.now(), leaseUntil: deadLease, limit: 10 }),
    );
    expect(claimed.map((r) => r.id)).to.deep.equal(ids);

    const effects = new RecordingSubscriber('core:effects');
    const outbox = dispatcher([effects]);
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 0, failed: 0, dead: 0 });
    clock.advance(30_000);
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 0, failed: 0, dead: 0 });
    clock.advance(1);
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 2, failed: 0, dead: 0 });
    expect(effects.ids()).to.deep.equal(ids);

    // The dead dispatcher wakes up and reports a failure: its lease is gone, so nothing changes.
    const late = await db.withTenant('chirchik', (trx) =>
      recordOutboxOutcomes(trx, 'chirchik', deadLease, [
        {
          id: ids[0]!,
          status: 'dead',
          attempts: 8,
          delivered_to: [],
          last_error: 'stale',
          next_attempt_at: clock.now().toISOString(),
          delivered_at: null,
        },
      ]),
    );
    expect(late.size).to.equal(0);
    expect((await stored('chirchik', ids[0]!)).status).to.equal('delivered');
  });

  it('frees the rest of a batch that its lease would not cover, for the next pass', async () => {
    const ids = await write('chirchik', [filed(1), filed(2)]);
    const slow = new RecordingSubscriber('core:effects');
    const deliver = slow.deliver.bind(slow);
    // The first delivery uses up 25 s of the 30 s lease: no time is left for a 10 s handler.
    slow.deliver = async (event) => {
      await deliver(event);
      clock.advance(25_000);
    };
    const outbox = dispatcher([slow]);
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 1, failed: 0, dead: 0 });
    expect(slow.ids()).to.deep.equal([ids[0]]);
    expect(await stored('chirchik', ids[1]!)).to.deep.include({
      status: 'pending',
      attempts: 0,
      lastError: null,
    });
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 1, failed: 0, dead: 0 });
    expect(slow.ids()).to.deep.equal(ids);
  });

  it("never hands out one city's events under another tenant", async () => {
    const [chirchikEvent] = await write('chirchik', [filed(1)]);
    const [djizakEvent] = await write('djizak', [filed(2)]);

    // Even asked for chirchik's rows by name, a djizak transaction sees none of them.
    const leaked = await db.withTenant('djizak', (trx) =>
      claimOutboxEvents(trx, 'chirchik', {
        now: clock.now(),
        leaseUntil: new Date(clock.now().getTime() + 30_000),
        limit: 10,
      }),
    );
    expect(leaked).to.deep.equal([]);

    const effects = new RecordingSubscriber('core:effects');
    const onlyDjizak = dispatcher([effects], { tenantIds: () => Promise.resolve(['djizak']) });
    expect(await onlyDjizak.runOnce()).to.deep.equal({ delivered: 1, failed: 0, dead: 0 });
    expect(effects.received.map((e) => [e.id, e.tenantId])).to.deep.equal([[djizakEvent, 'djizak']]);
    expect((await stored('chirchik', chirchikEvent!)).status).to.equal('pending');

    expect(await dispatcher([effects]).runOnce()).to.deep.equal({ delivered: 1, failed: 0, dead: 0 });
    expect(effects.received.map((e) => [e.id, e.tenantId])).to.deep.equal([
      [djizakEvent, 'djizak'],
      [chirchikEvent, 'chirchik'],
    ]);
  });

  it('keeps dispatching the other tenants when one fails', async () => {
    const [id] = await write('djizak', [filed(1)]);
    const effects = new RecordingSubscriber('core:effects');
    const outbox = dispatcher([effects], { tenantIds: () => Promise.resolve(['Not A Tenant', 'djizak']) });
    expect(await outbox.runOnce()).to.deep.equal({ delivered: 1, failed: 0, dead: 0 });
    expect(effects.ids()).to.deep.equal([id]);
    const errors = log.lines().filter((l) => l['msg'] === 'outbox dispatch failed for tenant');
    expect(errors.map((e) => e['tenantId'])).to.deep.equal(['Not A Tenant']);
  });

  it('refuses two subscribers with one name before dispatching anything', async () => {
    await write('chirchik', [filed(1)]);
    const outbox = dispatcher([
      new RecordingSubscriber('core:effects'),
      new RecordingSubscriber('core:effects'),
    ]);
    await expectCode(outbox.runOnce(), 'DARCHA_OUTBOX_SUBSCRIBER_DUPLICATE');
    expect((await outboxBacklog(db, 'chirchik')).pending).to.equal(1);
  });

  it('delivers soon after wake(), survives a failing pass, and stops after the batch in flight', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered: () => void = () => undefined;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const slow = {
      name: 'core:effects',
      handles: () => true,
      deliver: async () => {
        entered();
        await gate;
      },
    };
    let calls = 0;
    const outbox = dispatcher([], {
      subscribers: () => [slow],
      pollIntervalMs: 3_600_000,
      tenantIds: () => {
        calls += 1;
        return calls === 1
          ? Promise.reject(new Error('registry unreachable'))
          : Promise.resolve(['chirchik']);
      },
    });
    outbox.start();
    try {
      const [id] = await write('chirchik', [filed(1)]);
      outbox.wake();
      await inHandler;
      const stopped = outbox.stop();
      expect(outbox.running).to.equal(false);
      release();
      await stopped;
      expect((await stored('chirchik', id!)).status).to.equal('delivered');
    } finally {
      release();
      await outbox.stop();
    }
    expect(log.lines().filter((l) => l['msg'] === 'outbox pass failed')).to.have.length(1);
  });
});
