import { setTimeout as delay } from 'node:timers/promises';
import { expect } from 'chai';
import {
  currentContext,
  currentTenant,
  runWithContext,
  updateContext,
  type RequestContext,
} from '../../src/context/request-context.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('request context', () => {
  it('has no context outside runWithContext', () => {
    expect(currentContext()).to.equal(undefined);
  });

  it('throws DARCHA_TENANT_MISSING from currentTenant() outside a context', () => {
    const error = thrown(() => currentTenant());
    expect(isDarchaError(error, 'DARCHA_TENANT_MISSING')).to.equal(true);
    expect(isDarchaError(error) && error.hint).to.include('X-Darcha-Tenant');
  });

  it('throws DARCHA_TENANT_MISSING from currentTenant() in a context whose tenant is not resolved yet', () => {
    const error = runWithContext({ requestId: 'req-1' }, () => thrown(() => currentTenant()));
    expect(isDarchaError(error, 'DARCHA_TENANT_MISSING')).to.equal(true);
  });

  it('sets the tenant with updateContext, visible after later awaits', async () => {
    const seen = await runWithContext({ requestId: 'req-2' }, async () => {
      updateContext({ tenantId: 'chirchik', userId: 'officer-7' });
      await delay(1);
      return { tenant: currentTenant(), context: currentContext() };
    });
    expect(seen.tenant).to.equal('chirchik');
    expect(seen.context).to.deep.equal({ requestId: 'req-2', tenantId: 'chirchik', userId: 'officer-7' });
    expect(currentContext()).to.equal(undefined);
  });

  it('returns the value of the work it runs', () => {
    expect(runWithContext({ requestId: 'req-3', tenantId: 'djizak' }, () => `${currentTenant()}!`)).to.equal(
      'djizak!',
    );
  });

  it('does not change the context object it was given', () => {
    const given: RequestContext = { requestId: 'req-4' };
    runWithContext(given, () => updateContext({ tenantId: 'chirchik' }));
    expect(given).to.deep.equal({ requestId: 'req-4' });
  });

  it('keeps the contexts of 50 interleaved concurrent requests apart', async () => {
    const tasks = Array.from({ length: 50 }, (_, i) =>
      runWithContext({ requestId: `req-${i}` }, async () => {
        const seen: string[] = [];
        await delay((i * 7) % 11);
        updateContext({ tenantId: `city-${i}` });
        for (let step = 0; step < 3; step++) {
          await delay((i * 13 + step * 5) % 9);
          seen.push(`${currentContext()?.requestId}:${currentTenant()}`);
          await Promise.resolve();
        }
        return seen;
      }),
    );
    const results = await Promise.all(tasks);
    results.forEach((seen, i) => {
      expect(seen).to.deep.equal([`req-${i}:city-${i}`, `req-${i}:city-${i}`, `req-${i}:city-${i}`]);
    });
    expect(currentContext()).to.equal(undefined);
  });

  it('gives a nested runWithContext its own context and restores the outer one', async () => {
    await runWithContext({ requestId: 'outer', tenantId: 'chirchik' }, async () => {
      await runWithContext({ requestId: 'job', tenantId: 'djizak' }, async () => {
        await delay(1);
        expect(currentTenant()).to.equal('djizak');
      });
      expect(currentTenant()).to.equal('chirchik');
      expect(currentContext()?.requestId).to.equal('outer');
    });
  });

  it('throws DARCHA_CONTEXT_MISSING from updateContext() outside a context', () => {
    const error = thrown(() => updateContext({ tenantId: 'chirchik' }));
    expect(isDarchaError(error, 'DARCHA_CONTEXT_MISSING')).to.equal(true);
    expect(currentContext()).to.equal(undefined);
  });
});
