import { expect } from 'chai';
import {
  decideOutcome,
  describeFailures,
  LAST_ERROR_MAX_LENGTH,
  releaseOutcome,
} from '../../../src/workflow/outbox/outbox-outcome.js';
import type { OutboxEvent } from '../../../src/workflow/outbox/outbox-types.js';
import { outboxEvent } from './fixtures.js';

const NOW = new Date('2026-03-02T09:00:00.000Z');

const EARLIER = new Date('2026-03-02T08:59:00.000Z');

function event(overrides: Partial<OutboxEvent> = {}): OutboxEvent {
  return outboxEvent({ id: 'e1', nextAttemptAt: EARLIER, createdAt: EARLIER, ...overrides });
}

const policy = { now: NOW, maxAttempts: 3, backoff: (attempts: number) => attempts * 1_000 };

describe('outbox outcomes', () => {
  it('marks an event delivered when no subscriber failed, keeping earlier deliveries', () => {
    const outcome = decideOutcome(
      event({ deliveredTo: ['core:effects'], attempts: 2, lastError: 'plugin:a: down' }),
      { succeeded: ['plugin:a'], failures: [] },
      policy,
    );
    expect(outcome).to.deep.equal({
      kind: 'delivered',
      update: {
        id: 'e1',
        status: 'delivered',
        attempts: 2,
        delivered_to: ['core:effects', 'plugin:a'],
        last_error: 'plugin:a: down',
        next_attempt_at: '2026-03-02T08:59:00.000Z',
        delivered_at: NOW.toISOString(),
      },
    });
  });

  it('schedules a retry after a failure and gives up at maxAttempts', () => {
    const failed = decideOutcome(
      event({ attempts: 1 }),
      { succeeded: ['core:effects'], failures: [{ subscriber: 'plugin:a', message: 'down' }] },
      policy,
    );
    expect(failed.kind).to.equal('failed');
    expect(failed.update).to.deep.include({
      status: 'pending',
      attempts: 2,
      delivered_to: ['core:effects'],
      last_error: 'plugin:a: down',
      next_attempt_at: '2026-03-02T09:00:02.000Z',
    });
    const dead = decideOutcome(
      event({ attempts: 2 }),
      { succeeded: [], failures: [{ subscriber: 'plugin:a', message: 'down' }] },
      policy,
    );
    expect(dead.kind).to.equal('dead');
    expect(dead.update).to.deep.include({ status: 'dead', attempts: 3 });
  });

  it('releases an event it did not attempt without changing it', () => {
    expect(releaseOutcome(event()).update).to.deep.include({
      status: 'pending',
      attempts: 0,
      delivered_at: null,
    });
  });

  it('cuts a long error to the stored length', () => {
    const text = describeFailures([{ subscriber: 'plugin:a', message: 'x'.repeat(5_000) }]);
    expect(text).to.have.length(LAST_ERROR_MAX_LENGTH);
    expect(text.endsWith('…')).to.equal(true);
  });
});
