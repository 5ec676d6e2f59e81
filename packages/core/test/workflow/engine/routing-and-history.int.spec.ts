import { expect } from 'chai';
import { dbEngine, HOUR, openEngineFixture, type EngineFixture } from './engine-fixture.js';

describe(`routing, history immutability and composite rules (${dbEngine})`, () => {
  let f: EngineFixture;
  before(async () => {
    f = await openEngineFixture({ routing: 'round_robin' });
  });
  after(() => f.close());

  it('assigns new inquiries round-robin among present officers of the agency, skipping the absent', async () => {
    // Back-office officers of Gorgas: officer, officer2 and the supervisor (who also holds back_office).
    const assignees: (string | null)[] = [];
    for (let i = 0; i < 3; i++)
      assignees.push((await f.engine.file('chirchik', f.filing(), f.actors.operator)).inquiry.assigneeId);
    expect(new Set(assignees).size).to.equal(3);
    const next = (await f.engine.file('chirchik', f.filing(), f.actors.operator)).inquiry.assigneeId;
    expect(next).to.equal(assignees[0]);
    await f.staff.addAbsence('chirchik', {
      staffId: assignees[1]!,
      startsAt: new Date(f.clock.now.getTime() - HOUR),
      endsAt: new Date(f.clock.now.getTime() + HOUR),
    });
    const during = [];
    for (let i = 0; i < 4; i++)
      during.push((await f.engine.file('chirchik', f.filing(), f.actors.operator)).inquiry.assigneeId);
    expect(during).to.not.include(assignees[1]);
  });

  it('assigns to the least-loaded officer when the city says so', async () => {
    await f.tenants.updateSettings('chirchik', { workflow: { routing: 'least_loaded' } });
    f.clock.advance(2 * HOUR); // the absence of the previous test is over
    const loads = async () =>
      f.db.withTenant('chirchik', async (trx) => {
        const rows: { assignee_id: string; n: string }[] = await trx('inquiries')
          .whereNull('closed_at')
          .whereNotNull('assignee_id')
          .groupBy('assignee_id')
          .select('assignee_id', trx.raw('count(*) as n'));
        return new Map(rows.map((r) => [r.assignee_id, Number(r.n)]));
      });
    for (let i = 0; i < 6; i++) {
      const before = await loads();
      const { inquiry } = await f.engine.file('chirchik', f.filing(), f.actors.operator);
      const lowest = Math.min(
        ...[f.actors.officer, f.actors.officer2, f.actors.supervisor].map((a) => before.get(a.id) ?? 0),
      );
      expect(before.get(inquiry.assigneeId!) ?? 0).to.equal(lowest);
    }
    await f.tenants.updateSettings('chirchik', { workflow: { routing: 'candidate_role' } });
    expect((await f.engine.file('chirchik', f.filing(), f.actors.operator)).inquiry.assigneeId).to.equal(
      null,
    );
  });

  it('keeps history append-only: the app role can neither change nor delete it', async () => {
    const { inquiry } = await f.engine.file('chirchik', f.filing(), f.actors.operator);
    for (const attempt of [
      (trx: Parameters<Parameters<typeof f.db.withTenant>[1]>[0]) =>
        trx('inquiry_history').where({ inquiry_id: inquiry.id }).update({ comment: 'rewritten' }),
      (trx: Parameters<Parameters<typeof f.db.withTenant>[1]>[0]) =>
        trx('inquiry_history').where({ inquiry_id: inquiry.id }).delete(),
    ]) {
      let message = '';
      try {
        await f.db.withTenant('chirchik', attempt);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).to.match(/permission denied/);
    }
    expect(await f.engine.history('chirchik', inquiry.id)).to.have.length(1);
  });

  it('rejects a composite inquiry at once when a child is rejected under the `reject` rule', async () => {
    const forms = { 'gas.simple': { account: '1234567' }, 'gas.simple-water': { account: '7654321' } };
    const strict = await f.engine.file(
      'chirchik',
      f.filing({ serviceCode: 'life.new-home-strict', formData: {}, childForms: forms }),
      f.actors.operator,
    );
    await f.engine.transition(
      'chirchik',
      strict.children[0]!.id,
      { action: 'reject', expectedVersion: 1, comment: 'Debt' },
      f.actors.supervisor,
    );
    expect(await f.engine.get('chirchik', strict.inquiry.id)).to.include({
      state: 'rejected',
      publicStatus: 'rejected',
    });
    expect((await f.engine.get('chirchik', strict.children[1]!.id)).closedAt).to.equal(null);

    // Under `continue`, a rejected child and an open one leave the parent open; all rejected rejects it.
    const lenient = await f.engine.file(
      'chirchik',
      f.filing({ serviceCode: 'life.new-home', formData: {}, childForms: forms }),
      f.actors.operator,
    );
    await f.engine.transition(
      'chirchik',
      lenient.children[0]!.id,
      { action: 'reject', expectedVersion: 1, comment: 'Debt' },
      f.actors.supervisor,
    );
    expect((await f.engine.get('chirchik', lenient.inquiry.id)).state).to.equal('in_progress');
    await f.engine.transition(
      'chirchik',
      lenient.children[1]!.id,
      { action: 'reject', expectedVersion: 1, comment: 'Debt' },
      f.actors.supervisor,
    );
    expect(await f.engine.get('chirchik', lenient.inquiry.id)).to.include({ state: 'rejected' });
  });
});
