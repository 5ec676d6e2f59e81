import { expect } from 'chai';
import { createLogger } from '../../../src/logging/logger.js';
import { TimerScheduler } from '../../../src/workflow/timers/timer-scheduler.js';
import type { Inquiry } from '../../../src/workflow/inquiry/types.js';
import type { WorkflowDefinition } from '../../../src/workflow/definition/types.js';
import {
  DAY,
  dbEngine,
  HOUR,
  openEngineFixture,
  SIMPLE_SERVICE,
  type EngineFixture,
} from './engine-fixture.js';

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

describe(`workflow timers that act (${dbEngine})`, () => {
  let f: EngineFixture;
  const logger = createLogger({ level: 'silent' });
  const scheduler = (): TimerScheduler =>
    new TimerScheduler({ engine: f.engine, logger, tenantIds: () => Promise.resolve(['chirchik']) });
  const workflow: WorkflowDefinition = {
    key: 'agency-gas/acting',
    version: 1,
    names: { en: 'Acting' },
    sla: { unit: 'working_hours', value: 2, onBreach: { action: 'bump' } },
    states: {
      submitted: {
        type: 'start',
        publicStatus: 'submitted',
        names: { en: 'Submitted' },
        candidateRole: 'back_office',
      },
      in_review: {
        type: 'normal',
        publicStatus: 'in_progress',
        names: { en: 'In review' },
        candidateRole: 'back_office',
        sla: { unit: 'working_hours', value: 1, onBreach: { action: 'charge' } },
      },
      paid: {
        type: 'normal',
        publicStatus: 'in_progress',
        names: { en: 'Paid' },
        candidateRole: 'back_office',
      },
      done: { type: 'terminal', publicStatus: 'completed', names: { en: 'Done' } },
    },
    transitions: [
      { action: 'bump', from: ['submitted', 'paid'], to: 'paid', roles: ['system'], names: { en: 'Bump' } },
      {
        action: 'review',
        from: ['submitted'],
        to: 'in_review',
        roles: ['back_office'],
        names: { en: 'Review' },
      },
      {
        action: 'charge',
        from: ['in_review'],
        to: 'paid',
        roles: ['system'],
        requires: { payment: true },
        names: { en: 'Charge' },
      },
      {
        action: 'finish',
        from: ['paid', 'in_review', 'submitted'],
        to: 'done',
        roles: ['back_office'],
        names: { en: 'Finish' },
      },
    ],
  };

  before(async () => {
    f = await openEngineFixture();
    await f.workflows.publish('agency-gas', [workflow]);
    await f.services.publish('agency-gas', [
      {
        ...SIMPLE_SERVICE,
        code: 'gas.acting',
        workflow: workflow.key,
        sla: { unit: 'working_hours', value: 2 },
      },
    ]);
    await f.catalog.setEntry('chirchik', { serviceCode: 'gas.acting', offered: true, agencyCode: 'gorgas' });
  });
  after(() => f.close());

  it('runs the overall SLA action once, and never sets its timer again', async () => {
    const { inquiry } = await f.engine.file(
      'chirchik',
      f.filing({ serviceCode: 'gas.acting' }),
      f.actors.operator,
    );
    f.clock.advance(3 * HOUR);
    const outcomes: string[] = [];
    for (let pass = 0; pass < 3; pass++) {
      outcomes.push(
        ...(await scheduler().runOnce()).fired
          .filter((x) => x.inquiryId === inquiry.id)
          .map((x) => x.outcome),
      );
      f.clock.advance(DAY);
    }
    expect(outcomes).to.deep.equal(['action:bump']);
    const after = await f.engine.get('chirchik', inquiry.id);
    expect(after).to.include({ state: 'paid', version: 2 });
    expect(after.overallBreachedAt).to.not.equal(null);
  });

  it('retries a timer whose action fails unexpectedly later, without holding back the others', async () => {
    f.clock.set('2026-03-02T05:00:00Z'); // Monday 10:00
    const other = (
      await f.engine.file('chirchik', f.filing({ serviceCode: 'gas.acting' }), f.actors.operator)
    ).inquiry;
    f.clock.advance(HOUR); // 11:00
    const failing = (
      await f.engine.file('chirchik', f.filing({ serviceCode: 'gas.acting' }), f.actors.operator)
    ).inquiry;
    await f.engine.transition(
      'chirchik',
      failing.id,
      { action: 'review', expectedVersion: 1 },
      f.actors.officer,
    );
    f.payments.failWith = new Error('payment provider unreachable');
    // 12:30: the other's overall 2 hours (12:00) and the review's hour (12:00) are over.
    f.clock.advance(HOUR + 30 * 60_000);
    const pass = await scheduler().runOnce();
    const byInquiry = new Map(pass.fired.map((x) => [x.inquiryId, x.outcome]));
    expect(byInquiry.get(failing.id)).to.match(/^retry:payment provider unreachable/);
    expect(byInquiry.get(other.id)).to.equal('action:bump');
    expect(await f.engine.get('chirchik', failing.id)).to.include({ state: 'in_review', version: 2 });
    // Nothing is tried again before the retry delay; then, with the provider back and the invoice paid, it acts.
    expect((await scheduler().runOnce()).fired.filter((x) => x.inquiryId === failing.id)).to.deep.equal([]);
    delete f.payments.failWith;
    f.payments.paid.add(failing.id);
    f.clock.advance(10 * 60_000);
    const retried = await scheduler().runOnce();
    expect(retried.fired.filter((x) => x.inquiryId === failing.id).map((x) => x.outcome)).to.deep.include(
      'action:charge',
    );
  });
});
