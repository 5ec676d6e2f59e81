import { expect } from 'chai';
import { exponentialBackoff } from '../../../src/workflow/outbox/outbox-backoff.js';

describe('outbox backoff', () => {
  it('doubles from the base up to the cap, with the upper half random', () => {
    const low = exponentialBackoff({ random: () => 0 });
    const high = exponentialBackoff({ random: () => 0.999_999 });
    expect([1, 2, 3, 4].map(low)).to.deep.equal([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map(high)).to.deep.equal([1_000, 2_000, 4_000, 8_000]);
    expect(low(30)).to.equal(300_000);
    expect(high(1_000)).to.equal(600_000);
  });
});
