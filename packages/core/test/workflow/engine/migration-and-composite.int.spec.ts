import { expect } from 'chai';
import { isDarchaError, type DarchaError } from '../../../src/errors/darcha-error.js';
import { migrateWorkflowVersion } from '../../../src/workflow/engine/migrate-workflow-version.js';
import type { WorkflowDefinition } from '../../../src/workflow/definition/types.js';
import type { Actor } from '../../../src/workflow/inquiry/types.js';
import { DAY, dbEngine, openEngineFixture, simpleWorkflow, type EngineFixture } from './engine-fixture.js';

async function refusal(promise: Promise<unknown>): Promise<DarchaError> {
  try {
    await promise;
  } catch (error) {
    if (isDarchaError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Version 2 renames `in_review` to `checking` and adds nothing else. */
function simpleV2(): WorkflowDefinition {
  const v1 = simpleWorkflow();
  const { in_review: review, ...others } = v1.states;
  return {
    ...v1,
    version: 2,
    states: { ...others, checking: review! },
    transitions: v1.transitions.map((t) => ({
      ...t,
      from: t.from.map((s) => (s === 'in_review' ? 'checking' : s)),
      to: t.to === 'in_review' ? 'checking' : t.to,
    })),
  };
}

describe(`workflow versions and composite inquiries (${dbEngine})`, () => {
  let f: EngineFixture;
  before(async () => {
    f = await openEngineFixture();
  });
  after(() => f.close());

  it('refuses to change a published version, files new inquiries on the new version, and migrates in-flight ones', async () => {
    const changed = { ...simpleWorkflow(), names: { en: 'Changed' } };
    expect((await refusal(f.workflows.publish('agency-gas', [changed]))).code).to.equal(
      'DARCHA_WORKFLOW_VERSION_IMMUTABLE',
    );
    const old = (await f.engine.file('chirchik', f.filing(), f.actors.operator)).inquiry;
    const reviewing = (await f.engine.file('chirchik', f.filing(), f.actors.operator)).inquiry;
    await f.engine.transition(
      'chirchik',
      reviewing.id,
      { action: 'review', expectedVersion: 1 },
      f.actors.officer,
    );
    const closed = (await f.engine.file('chirchik', f.filing(), f.actors.operator)).inquiry;
    await f.engine.transition(
      'chirchik',
      closed.id,
      { action: 'reject', expectedVersion: 1, comment: 'x' },
      f.actors.officer,
    );

    const waiting = (await f.engine.file('chirchik', f.filing(), f.actors.operator)).inquiry;
    await f.engine.transition(
      'chirchik',
      waiting.id,
      { action: 'review', expectedVersion: 1 },
      f.actors.officer,
    );
    const paused = (
      await f.engine.transition(
        'chirchik',
        waiting.id,
        { action: 'ask', expectedVersion: 2, comment: 'Photo' },
        f.actors.officer,
      )
    ).inquiry;
    expect(paused.pausedAt).to.not.equal(null);

    await f.workflows.publish('agency-gas', [simpleV2()]);
    const fresh = (await f.engine.file('chirchik', f.filing(), f.actors.operator)).inquiry;
    expect(fresh.workflowVersion).to.equal(2);
    // The pinned inquiry still works on version 1.
    expect((await f.engine.get('chirchik', old.id)).workflowVersion).to.equal(1);

    f.clock.advance(DAY); // a working day spent waiting for the applicant
    const bad = await refusal(
      migrateWorkflowVersion(
        f.engine,
        'chirchik',
        { workflowKey: 'agency-gas/simple', from: 1, to: 2 },
        f.actors.supervisor,
      ),
    );
    expect(bad.code).to.equal('DARCHA_WORKFLOW_MIGRATION_INVALID');
    expect(bad.message).to.contain('"in_review"');
    const report = await migrateWorkflowVersion(
      f.engine,
      'chirchik',
      {
        workflowKey: 'agency-gas/simple',
        from: 1,
        to: 2,
        stateMap: { in_review: 'checking', waiting: 'checking' },
        batchSize: 1,
      },
      f.actors.supervisor,
    );
    expect(report.moved).to.be.at.least(2);
    const moved = await f.engine.get('chirchik', reviewing.id);
    expect(moved).to.include({ workflowVersion: 2, state: 'checking', version: 3 });
    expect((await f.engine.history('chirchik', reviewing.id)).at(-1)).to.include({
      kind: 'migration',
      fromState: 'in_review',
      toState: 'checking',
    });
    expect((await f.engine.get('chirchik', closed.id)).workflowVersion).to.equal(1);
    // Out of the paused state: the clock runs again, the due date moved by the time spent waiting.
    const resumed = await f.engine.get('chirchik', waiting.id);
    expect(resumed).to.include({ state: 'checking', pausedAt: null, workflowVersion: 2 });
    expect(resumed.dueAt!.getTime() - paused.dueAt!.getTime()).to.equal(DAY);
    const next = await f.engine.transition(
      'chirchik',
      moved.id,
      { action: 'reject', expectedVersion: 3, comment: 'x' },
      f.actors.officer,
    );
    expect(next.inquiry.state).to.equal('rejected');
  });

  it('completes a composite inquiry when all its children are closed, and shows combined progress', async () => {
    const { inquiry: parent, children } = await f.engine.file(
      'chirchik',
      f.filing({
        serviceCode: 'life.new-home',
        formData: {},
        childForms: { 'gas.simple': { account: '1234567' }, 'gas.simple-water': { account: '7654321' } },
      }),
      f.actors.operator,
    );
    const [gas, water] = children;
    await f.engine.transition(
      'chirchik',
      gas!.id,
      { action: 'reject', expectedVersion: 1, comment: 'Debt' },
      f.actors.officer,
    );
    let progress = await f.engine.children('chirchik', parent.id);
    expect(progress.progress).to.deep.equal({ total: 2, completed: 0, rejected: 1, open: 1 });
    expect((await f.engine.get('chirchik', parent.id)).state).to.equal('in_progress');
    await f.engine.transition(
      'chirchik',
      water!.id,
      { action: 'review', expectedVersion: 1 },
      f.actors.officer,
    );
    await f.engine.claim('chirchik', water!.id, 2, f.actors.officer);
    await f.engine.transition(
      'chirchik',
      water!.id,
      { action: 'finish', expectedVersion: 3 },
      f.actors.officer,
    );
    progress = await f.engine.children('chirchik', parent.id);
    expect(progress.progress).to.deep.equal({ total: 2, completed: 1, rejected: 1, open: 0 });
    const done = await f.engine.get('chirchik', parent.id);
    // `continue`: one child completed, so the parent completes.
    expect(done).to.include({ state: 'completed', publicStatus: 'completed', version: 2 });
    expect((await f.engine.history('chirchik', parent.id)).at(-1)).to.include({
      action: 'complete',
      actorId: 'system',
    });
  });

  it('reopens a composite parent when a rejected child is appealed, and completes it when all are done', async () => {
    const forms = { 'gas.simple': { account: '1234567' }, 'gas.simple-water': { account: '7654321' } };
    const { inquiry: parent, children } = await f.engine.file(
      'chirchik',
      f.filing({ serviceCode: 'life.new-home-strict', formData: {}, childForms: forms }),
      f.actors.operator,
    );
    expect(parent.workflowVersion).to.equal(2);
    const [gas, water] = children;
    await f.engine.transition(
      'chirchik',
      gas!.id,
      { action: 'reject', expectedVersion: 1, comment: 'Debt' },
      f.actors.officer,
    );
    expect((await f.engine.get('chirchik', parent.id)).state).to.equal('rejected');
    const applicant: Actor = {
      id: 'citizen:1',
      kind: 'citizen',
      roles: ['citizen'],
      applicantKey: '31234567890123',
    };
    await f.engine.transition(
      'chirchik',
      gas!.id,
      { action: 'appeal', expectedVersion: 2, comment: 'Paid since' },
      applicant,
    );
    expect(await f.engine.get('chirchik', parent.id)).to.include({ state: 'in_progress', closedAt: null });
    for (const child of [gas!, water!]) {
      let current = await f.engine.get('chirchik', child.id);
      if (current.state === 'submitted') {
        current = (
          await f.engine.transition(
            'chirchik',
            child.id,
            { action: 'review', expectedVersion: current.version },
            f.actors.officer,
          )
        ).inquiry;
      }
      current = (await f.engine.claim('chirchik', child.id, current.version, f.actors.officer)).inquiry;
      await f.engine.transition(
        'chirchik',
        child.id,
        { action: 'finish', expectedVersion: current.version },
        f.actors.officer,
      );
    }
    expect(await f.engine.get('chirchik', parent.id)).to.include({ state: 'completed' });
    const actions = (await f.engine.history('chirchik', parent.id)).map((h) => h.action);
    expect(actions).to.deep.equal([null, 'reject', 'reopen', 'complete']);
  });
});
