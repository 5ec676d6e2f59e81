import { expect } from 'chai';
import type { Database } from '../../../src/db/database.js';
import { isDarchaError, type DarchaError } from '../../../src/errors/darcha-error.js';
import type { FieldError } from '../../../src/errors/field-error.js';
import { outboxDispatcherSettings } from '../../../src/workflow/outbox/outbox-dispatcher-options.js';
import { captureLogger } from './fixtures.js';

describe('outbox dispatcher options', () => {
  const base = {
    db: {} as Database,
    logger: captureLogger().logger,
    tenantIds: () => Promise.resolve([]),
    subscribers: () => [],
  };

  it('fills in the defaults', () => {
    expect(outboxDispatcherSettings(base)).to.deep.include({
      batchSize: 50,
      leaseMs: 30_000,
      maxAttempts: 8,
      pollIntervalMs: 1_000,
      subscriberTimeoutMs: 10_000,
      concurrency: 4,
    });
  });

  it('refuses numbers that are not positive whole ones, and a lease shorter than the timeout', () => {
    const check = (options: Record<string, number>) => {
      try {
        outboxDispatcherSettings({ ...base, ...options });
      } catch (error) {
        expect(isDarchaError(error, 'DARCHA_OUTBOX_OPTIONS_INVALID')).to.equal(true);
        return ((error as DarchaError).details['errors'] as FieldError[]).map((e) => e.field);
      }
      return expect.fail('expected DARCHA_OUTBOX_OPTIONS_INVALID');
    };
    expect(check({ batchSize: 0, maxAttempts: 1.5 })).to.deep.equal(['batchSize', 'maxAttempts']);
    expect(check({ concurrency: 0 })).to.deep.equal(['concurrency']);
    expect(check({ leaseMs: 5_000 })).to.deep.equal(['leaseMs']);
  });
});
