import { expect } from 'chai';
import fc from 'fast-check';
import { isDarchaError } from '../../../src/errors/darcha-error.js';
import type { Actor } from '../../../src/workflow/inquiry/types.js';
import { DAY, dbEngine, openEngineFixture, simpleWorkflow, type EngineFixture } from './engine-fixture.js';

const ACTIONS = [
  ...new Set(simpleWorkflow().transitions.map((t) => t.action)),
  'claim',
  'release',
  'no_such_action',
];

describe(`workflow engine properties (${dbEngine})`, () => {
  let f: EngineFixture;
  let actors: Actor[];
  before(async () => {
    f = await openEngineFixture();
    actors = [
      f.actors.operator,
      f.actors.officer,
      f.actors.officer2,
      f.actors.supervisor,
      { id: 'citizen:1', kind: 'citizen', roles: ['citizen'], applicantKey: '31234567890123' },
      { id: 'system', kind: 'system', roles: ['system'] },
    ];
  });
  after(() => f.close());

  it('random action sequences: history length equals version, state equals the last entry, nothing outside the definition succeeds', async () => {
    const workflow = simpleWorkflow();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            action: fc.constantFrom(...ACTIONS),
            actor: fc.nat({ max: 5 }),
            comment: fc.boolean(),
            stale: fc.boolean(),
            days: fc.nat({ max: 8 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (steps) => {
          f.clock.set('2026-03-02T05:00:00Z');
          let inquiry = (await f.engine.file('chirchik', f.filing(), f.actors.operator)).inquiry;
          for (const step of steps) {
            const actor = actors[step.actor]!;
            const version = step.stale && inquiry.version > 1 ? inquiry.version - 1 : inquiry.version;
            const before = inquiry;
            f.clock.advance(step.days * DAY);
            try {
              if (step.action === 'claim')
                inquiry = (await f.engine.claim('chirchik', inquiry.id, version, actor)).inquiry;
              else if (step.action === 'release')
                inquiry = (await f.engine.release('chirchik', inquiry.id, version, actor)).inquiry;
              else {
                const input = {
                  action: step.action,
                  expectedVersion: version,
                  ...(step.comment ? { comment: 'because' } : {}),
                };
                inquiry = (await f.engine.transition('chirchik', inquiry.id, input, actor)).inquiry;
                const allowed = workflow.transitions.find(
                  (t) => t.action === step.action && t.from.includes(before.state),
                );
                expect(allowed, `${step.action} from ${before.state}`).to.not.equal(undefined);
                expect(inquiry.state).to.equal(allowed!.to);
              }
              expect(version).to.equal(before.version);
            } catch (error) {
              if (!isDarchaError(error)) throw error;
              expect(error.kind).to.not.equal('internal');
              inquiry = await f.engine.get('chirchik', inquiry.id);
              expect(inquiry.version).to.equal(before.version);
            }
          }
          const history = await f.engine.history('chirchik', inquiry.id);
          expect(history).to.have.length(inquiry.version);
          expect(history.map((h) => h.seq)).to.deep.equal(history.map((_, i) => i + 1));
          expect(history.at(-1)!.toState).to.equal(inquiry.state);
          for (const entry of history.filter((h) => h.kind === 'transition')) {
            const transition = workflow.transitions.find((t) => t.action === entry.action);
            expect(transition?.from).to.include(entry.fromState);
            expect(transition?.to).to.equal(entry.toState);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
