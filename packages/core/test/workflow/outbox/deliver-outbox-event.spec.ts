import { expect } from 'chai';
import { deliverOutboxEvent } from '../../../src/workflow/outbox/deliver-outbox-event.js';
import type { OutboxEvent, OutboxSubscriber } from '../../../src/workflow/outbox/outbox-types.js';
import { outboxEvent } from './fixtures.js';

function event(): OutboxEvent {
  return outboxEvent({ inquiryId: '5b1e3c9a-0d6f-4c52-9a55-2b1a7f0c1c9e' });
}

/** A subscriber that asks the delivery for `key` and keeps what it got. */
function asking(name: string, key: string, load: () => Promise<object>, got: object[]): OutboxSubscriber {
  return {
    name,
    handles: () => true,
    async deliver(_event, delivery) {
      got.push(await delivery!.shared(key, load));
    },
  };
}

describe('deliverOutboxEvent', () => {
  it('runs a shared load once for all the subscribers of one delivery, and again for the next', async () => {
    let loads = 0;
    const load = async () => ({ load: ++loads });
    const got: object[] = [];
    const subscribers = [asking('a', 'inquiry:x', load, got), asking('b', 'inquiry:x', load, got)];

    const attempt = await deliverOutboxEvent(event(), subscribers, 1000);

    expect(attempt.succeeded).to.deep.equal(['a', 'b']);
    expect(loads).to.equal(1);
    expect(got[0]).to.equal(got[1]);
    await deliverOutboxEvent(event(), subscribers, 1000);
    expect(loads).to.equal(2);
    expect(got[2]).to.deep.equal({ load: 2 });
  });

  it('keeps different keys apart', async () => {
    let loads = 0;
    const load = async () => ({ load: ++loads });
    const got: object[] = [];

    await deliverOutboxEvent(event(), [asking('a', 'one', load, got), asking('b', 'two', load, got)], 1000);

    expect(loads).to.equal(2);
    expect(got[0]).not.to.equal(got[1]);
  });

  it('fails every subscriber that shares a load that fails, a synchronous throw included', async () => {
    const load = (): Promise<object> => {
      throw new Error('database down');
    };
    const subscribers = [asking('a', 'k', load, []), asking('b', 'k', load, [])];

    const attempt = await deliverOutboxEvent(event(), subscribers, 1000);

    expect(attempt.succeeded).to.deep.equal([]);
    expect(attempt.failures.map((f) => [f.subscriber, f.message])).to.deep.equal([
      ['a', 'database down'],
      ['b', 'database down'],
    ]);
  });
});
