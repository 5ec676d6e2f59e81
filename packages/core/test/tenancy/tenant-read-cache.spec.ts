import { expect } from 'chai';
import type { Tenant } from '../../src/index.js';
import { TenantReadCache } from '../../src/tenancy/tenant-read-cache.js';

const chirchik = { id: 'chirchik', status: 'active' } as Tenant;

describe('tenant read cache', () => {
  it('keeps a tenant and a missing domain until a write', async () => {
    const cache = new TenantReadCache();
    cache.setTenant('chirchik', chirchik, cache.generation);
    cache.setDomain('oss.chirchik.uz', undefined, cache.generation);
    expect(cache.tenant('chirchik')).to.deep.equal({ value: chirchik });
    expect(cache.domain('oss.chirchik.uz')).to.deep.equal({ value: undefined });
    expect(await cache.afterWrite(Promise.resolve('written'))).to.equal('written');
    expect(cache.tenant('chirchik')).to.equal(undefined);
    expect(cache.domain('oss.chirchik.uz')).to.equal(undefined);
  });

  it('does not keep what a read began to fetch before a write, nor what a write left behind', async () => {
    const cache = new TenantReadCache();
    const before = cache.generation;
    let finish!: () => void;
    const write = cache.afterWrite(new Promise<void>((resolve) => (finish = resolve)));
    cache.setTenant('chirchik', chirchik, before); // the read started before the write
    expect(cache.tenant('chirchik')).to.equal(undefined);
    cache.setTenant('chirchik', chirchik, cache.generation); // read while the write is in flight
    finish();
    await write;
    expect(cache.tenant('chirchik')).to.equal(undefined);
  });

  it('empties itself after a failed write too', async () => {
    const cache = new TenantReadCache();
    const failing = cache.afterWrite(Promise.reject(new Error('refused')));
    cache.setTenant('chirchik', chirchik, cache.generation);
    await failing.catch(() => undefined);
    expect(cache.tenant('chirchik')).to.equal(undefined);
  });
});
