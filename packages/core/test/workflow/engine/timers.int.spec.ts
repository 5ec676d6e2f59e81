import { expect } from 'chai';
import { createLogger } from '../../../src/logging/logger.js';
import { TimerScheduler } from '../../../src/workflow/timers/timer-scheduler.js';
import type { Inquiry } from '../../../src/workflow/inquiry/types.js';
import { DAY, dbEngine, HOUR, openEngineFixture, type EngineFixture } from './engine-fixture.js';

describe(`workflow timers (${dbEngine})`, () => {
  let f: EngineFixture;
  const logger = createLogger({ level: 'silent' });
  const scheduler = (): TimerScheduler =>
    new TimerScheduler({
      engine: f.engine,
      logger,
      tenantIds: () => Promise.resolve(['chirchik', 'djizak']),
    });

  before(async () => {
    f = await openEngineFixture();
  });
  after(() => f.close());
  beforeEach(async () => {
    f.clock.set('2026-03-02T05:00:00Z');
    // Each test starts with no pending timers from earlier tests.
    await f.db.withTenant('chirchik', (trx) =>
      trx('inquiry_timers').where({ status: 'pending' }).update({ status: 'skipped' }),
    );
  });

  async function inReview(): Promise<Inquiry> {
    const { inquiry } = await f.engine.file('chirchik', f.filing(), f.actors.operator);
    return (
      await f.engine.transition(
        'chirchik',
        inquiry.id,
        { action: 'review', expectedVersion: 1 },
        f.actors.officer,
      )
    ).inquiry;
  }

  it('escalates a state SLA breach once, even with two schedulers polling at the same time', async () => {
    const inquiry = await inReview();
    expect(await scheduler().runOnce()).to.deep.include({ fired: [] });
    f.clock.advance(6 * HOUR); // past 15:00, the 4 working hours of review
    const [a, b] = await Promise.all([scheduler().runOnce(), scheduler().runOnce()]);
    const fired = [...a.fired, ...b.fired].filter((x) => x.inquiryId === inquiry.id);
    expect(fired.map((x) => x.outcome)).to.deep.equal(['escalated']);
    const after = await f.engine.get('chirchik', inquiry.id);
    expect(after).to.include({ escalated: true, version: 3 });
    expect(after.stateBreachedAt).to.not.equal(null);
    const again = await scheduler().runOnce();
    expect(again.fired.filter((x) => x.inquiryId === inquiry.id)).to.deep.equal([]);
    const history = await f.engine.history('chirchik', inquiry.id);
    expect(history.at(-1)).to.include({ kind: 'escalation', actorId: 'system', seq: 3 });
    await f.db.withTenant('chirchik', async (trx) => {
      const events = await trx('outbox_events').where({ inquiry_id: inquiry.id, type: 'inquiry.breached' });
      expect(events).to.have.length(1);
    });
  });

  it('never fires a timer set for an older version, and timers survive a restart', async () => {
    const inquiry = await inReview();
    // The officer finishes before the deadline: the state timer is replaced by none.
    await f.engine.claim('chirchik', inquiry.id, 2, f.actors.officer);
    await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'finish', expectedVersion: 3 },
      f.actors.officer,
    );
    f.clock.advance(10 * DAY);
    const pass = await scheduler().runOnce();
    expect(pass.fired.filter((x) => x.inquiryId === inquiry.id)).to.deep.equal([]);
    // A new scheduler (a restarted process) finds timers written by the old one.
    f.clock.set('2026-03-02T05:00:00Z');
    const other = await inReview();
    f.clock.advance(6 * HOUR);
    const restarted = await scheduler().runOnce();
    expect(restarted.fired.filter((x) => x.inquiryId === other.id).map((x) => x.outcome)).to.deep.equal([
      'escalated',
    ]);
  });

  it('runs the automatic action of a paused state when the applicant never answers, after a reminder', async () => {
    let inquiry = await inReview();
    ({ inquiry } = await f.engine.transition(
      'chirchik',
      inquiry.id,
      { action: 'ask', expectedVersion: 2, comment: 'Passport' },
      f.actors.officer,
    ));
    f.clock.advance(DAY + 6 * HOUR); // past halfway from Monday 10:00 to Wednesday 18:00
    const reminded = await scheduler().runOnce();
    expect(reminded.fired.filter((x) => x.inquiryId === inquiry.id).map((x) => x.outcome)).to.deep.equal([
      'reminded',
    ]);
    f.clock.advance(3 * DAY);
    const pass = await scheduler().runOnce();
    expect(pass.fired.filter((x) => x.inquiryId === inquiry.id).map((x) => x.outcome)).to.deep.equal([
      'action:expire',
    ]);
    const expired = await f.engine.get('chirchik', inquiry.id);
    expect(expired).to.include({ state: 'expired', publicStatus: 'rejected' });
    const last = (await f.engine.history('chirchik', inquiry.id)).at(-1)!;
    expect(last).to.include({ action: 'expire', actorId: 'system', actorRole: 'system' });
  });

  it('breaches the overall SLA when the inquiry waits too long in total', async () => {
    const { inquiry } = await f.engine.file('chirchik', f.filing(), f.actors.operator);
    f.clock.advance(4 * DAY); // past Thursday 18:00
    const pass = await scheduler().runOnce();
    expect(pass.fired.filter((x) => x.inquiryId === inquiry.id).map((x) => x.outcome)).to.deep.equal([
      'escalated',
    ]);
    expect((await f.engine.get('chirchik', inquiry.id)).overallBreachedAt).to.not.equal(null);
  });
});
