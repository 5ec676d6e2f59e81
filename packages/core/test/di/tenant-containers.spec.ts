import { expect } from 'chai';
import type { Container } from 'inversify';
import type { DarchaConfig } from '../../src/config/types.js';
import type { Database } from '../../src/db/database.js';
import { createRootContainer } from '../../src/di/root-container.js';
import { resolve, type TenantContainers } from '../../src/di/tenant-containers.js';
import { createToken, TOKENS } from '../../src/di/tokens.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import type { Logger } from '../../src/logging/logger.js';
import type { TenantRegistry } from '../../src/tenancy/types.js';

// Stand-ins for the root singletons: nothing here queries or logs, the containers only hand them out.
const config = { port: 3000 } as unknown as DarchaConfig;
const logger = { name: 'test-logger' } as unknown as Logger;
const db = { name: 'test-db' } as unknown as Database;
const tenants = { name: 'test-registry' } as unknown as TenantRegistry;

interface Greeter {
  tenantId: string;
  greet(): string;
}
const Greeter = createToken<Greeter>('test.Greeter');

describe('tenant containers', () => {
  let root: Container;
  let tenantContainers: TenantContainers;

  beforeEach(() => {
    ({ root, tenantContainers } = createRootContainer({ config, logger, db, tenants }));
  });

  it('gives each tenant its own child container holding its tenant id', () => {
    const chirchik = tenantContainers.get('chirchik');
    const djizak = tenantContainers.get('uz.jizzakh-region');
    expect(chirchik).to.not.equal(djizak);
    expect(resolve(chirchik, TOKENS.TenantId)).to.equal('chirchik');
    expect(resolve(djizak, TOKENS.TenantId)).to.equal('uz.jizzakh-region');
    expect(root.isBound(TOKENS.TenantId)).to.equal(false);
  });

  it('resolves the root singletons from a tenant container', () => {
    const chirchik = tenantContainers.get('chirchik');
    expect(resolve(chirchik, TOKENS.Config)).to.equal(config);
    expect(resolve(chirchik, TOKENS.Logger)).to.equal(logger);
    expect(resolve(chirchik, TOKENS.Database)).to.equal(db);
    expect(resolve(chirchik, TOKENS.TenantRegistry)).to.equal(tenants);
    expect(resolve(chirchik, TOKENS.TenantContainers)).to.equal(tenantContainers);
    expect(resolve(root, TOKENS.TenantContainers)).to.equal(tenantContainers);
  });

  it('returns the same cached container for the same tenant', () => {
    const first = tenantContainers.get('chirchik');
    expect(tenantContainers.get('chirchik')).to.equal(first);
    tenantContainers.get('djizak');
    expect(tenantContainers.size).to.equal(2);
  });

  it("binds a module's tenant-scoped values in every tenant's container, each seeing its tenant id", () => {
    const built: string[] = [];
    tenantContainers.addModule((container, tenantId) => {
      built.push(tenantId);
      container
        .bind(Greeter)
        .toDynamicValue((context) => {
          const id = context.get(TOKENS.TenantId);
          return { tenantId: id, greet: () => `Salom from ${id}` };
        })
        .inSingletonScope();
    });
    const chirchik = resolve(tenantContainers.get('chirchik'), Greeter);
    const djizak = resolve(tenantContainers.get('djizak'), Greeter);
    expect(chirchik.greet()).to.equal('Salom from chirchik');
    expect(djizak.greet()).to.equal('Salom from djizak');
    expect(chirchik).to.not.equal(djizak);
    expect(resolve(tenantContainers.get('chirchik'), Greeter)).to.equal(chirchik);
    expect(built).to.deep.equal(['chirchik', 'djizak']);
    expect(root.isBound(Greeter)).to.equal(false);
  });

  it('rebuilds cached containers after a module is added, so they gain its bindings', () => {
    const before = tenantContainers.get('chirchik');
    expect(before.isBound(Greeter)).to.equal(false);
    tenantContainers.addModule((container, tenantId) => {
      container.bind(Greeter).toConstantValue({ tenantId, greet: () => tenantId });
    });
    expect(tenantContainers.size).to.equal(0);
    const after = tenantContainers.get('chirchik');
    expect(after).to.not.equal(before);
    expect(resolve(after, Greeter).tenantId).to.equal('chirchik');
  });

  it('builds a new container on the next get after evict', () => {
    let builds = 0;
    tenantContainers.addModule(() => {
      builds++;
    });
    const before = tenantContainers.get('chirchik');
    const other = tenantContainers.get('djizak');
    tenantContainers.evict('chirchik');
    const after = tenantContainers.get('chirchik');
    expect(after).to.not.equal(before);
    expect(resolve(after, TOKENS.TenantId)).to.equal('chirchik');
    expect(tenantContainers.get('djizak')).to.equal(other);
    expect(builds).to.equal(3);
  });

  it('drops state bound in an evicted container', () => {
    const Counter = createToken<{ value: number }>('test.Counter');
    tenantContainers.addModule((container) => {
      container
        .bind(Counter)
        .toDynamicValue(() => ({ value: 0 }))
        .inSingletonScope();
    });
    resolve(tenantContainers.get('chirchik'), Counter).value = 5;
    expect(resolve(tenantContainers.get('chirchik'), Counter).value).to.equal(5);
    tenantContainers.evict('chirchik');
    expect(resolve(tenantContainers.get('chirchik'), Counter).value).to.equal(0);
  });

  it('returns a new container from rebuild, which later gets return', () => {
    const before = tenantContainers.get('chirchik');
    const rebuilt = tenantContainers.rebuild('chirchik');
    expect(rebuilt).to.not.equal(before);
    expect(resolve(rebuilt, TOKENS.TenantId)).to.equal('chirchik');
    expect(tenantContainers.get('chirchik')).to.equal(rebuilt);
  });

  it('refuses a malformed tenant id with DARCHA_TENANT_INVALID and caches nothing', () => {
    for (const id of ['Chirchik', '', 'chirchik/../uz', "x'; drop table tenants"]) {
      let caught: unknown;
      try {
        tenantContainers.get(id);
      } catch (error) {
        caught = error;
      }
      expect(isDarchaError(caught, 'DARCHA_TENANT_INVALID'), id).to.equal(true);
    }
    expect(() => tenantContainers.rebuild('Chirchik')).to.throw(/not a valid tenant id/);
    expect(tenantContainers.size).to.equal(0);
  });

  it("does not show one tenant's bindings to another tenant or to the root", () => {
    const Secret = createToken<string>('test.Secret');
    tenantContainers.get('chirchik').bind(Secret).toConstantValue('chirchik-only');
    const djizak = tenantContainers.get('djizak');
    expect(resolve(tenantContainers.get('chirchik'), Secret)).to.equal('chirchik-only');
    expect(djizak.isBound(Secret)).to.equal(false);
    expect(() => resolve(djizak, Secret)).to.throw();
    expect(root.isBound(Secret)).to.equal(false);
  });
});
