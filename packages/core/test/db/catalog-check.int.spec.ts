import { expect } from 'chai';
import { CORE_HOST_TABLES, checkTenantCatalog, type CatalogViolation } from '../../src/db/catalog-check.js';
import type { Database } from '../../src/db/database.js';
import { enableTenantIsolation } from '../../src/db/tenant-table.js';
import { openTestDatabase } from '../../src/db/testing.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`tenant table rules in the catalog (${engine})`, () => {
  let db: Database;
  const check = (): Promise<CatalogViolation[]> =>
    db.withHost((trx) => checkTenantCatalog(trx, { hostTables: CORE_HOST_TABLES }));

  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(() => db.close());

  it("finds core's schema sound: every tenant table isolated, every other table a known host table", async () => {
    expect(await check()).to.deep.equal([]);
  });

  it('flags a table with neither tenant_id nor a place on the host list', async () => {
    await db.migrate('throwaway', [
      {
        name: '0001_loose',
        up: (knex) => knex.schema.createTable('loose', (t) => t.integer('id').primary()),
      },
    ]);
    expect(await check()).to.deep.include({
      table: 'loose',
      rule: 'tenant-id-column',
      message: 'has no tenant_id column and is not on the host-table list',
    });
  });

  it('flags every rule a careless tenant table breaks', async () => {
    await db.migrate('throwaway', [
      {
        name: '0001_careless',
        async up(knex) {
          await knex.schema.createTable('careless', (t) => {
            t.integer('id').primary(); // primary key without tenant_id
            t.text('tenant_id'); // nullable
            t.text('code').unique(); // a global unique: leaks other cities' codes through "duplicate key"
            t.text('name').index(); // index that does not lead with tenant_id
          });
          await knex.schema.createTable('careless_child', (t) => {
            t.text('tenant_id').notNullable();
            t.integer('id').notNullable();
            t.integer('careless_id').references('id').inTable('careless'); // FK without tenant_id
            t.primary(['tenant_id', 'id']);
          });
          // RLS on the child only, and not forced, with a policy that forgets the tenant
          await knex.raw('alter table careless_child enable row level security');
          await knex.raw('create policy everyone on careless_child using (true)');
        },
      },
    ]);
    const rules = (table: string): string[] =>
      violations
        .filter((v) => v.table === table)
        .map((v) => v.rule)
        .sort();
    const violations = await check();
    expect(rules('careless')).to.deep.equal(
      [
        'index-order',
        'primary-key',
        'rls-enabled',
        'rls-forced',
        'tenant-id-column',
        'tenant-policy',
        'unique-key',
      ].sort(),
    );
    expect(rules('careless_child')).to.deep.equal([
      'foreign-key',
      'rls-forced',
      'tenant-policy',
      'tenant-policy',
    ]);
  });

  it('accepts a tenant table made the documented way, with a composite foreign key', async () => {
    await db.migrate('throwaway', [
      {
        name: '0001_offices',
        async up(knex) {
          await knex.schema.createTable('offices', (t) => {
            t.text('tenant_id').notNullable().references('id').inTable('tenants');
            t.text('code').notNullable();
            t.primary(['tenant_id', 'code']);
          });
          await knex.schema.createTable('counters', (t) => {
            t.text('tenant_id').notNullable();
            t.integer('number').notNullable();
            t.text('agency_code').notNullable();
            t.primary(['tenant_id', 'number']);
            t.foreign(['tenant_id', 'agency_code']).references(['tenant_id', 'code']).inTable('offices');
            t.index(['tenant_id', 'agency_code']);
          });
          await enableTenantIsolation(knex, 'offices');
          await enableTenantIsolation(knex, 'counters');
        },
      },
    ]);
    expect(await check()).to.deep.equal([]);
  });

  it('flags a host table that the app role can reach', async () => {
    await db.migrate('throwaway', [
      {
        name: '0001_grant',
        up: async (knex) => {
          await knex.raw('grant select on tenants to darcha_app');
        },
      },
    ]);
    expect(await check()).to.deep.equal([
      { table: 'tenants', rule: 'host-table-privileges', message: 'host table is reachable by darcha_app' },
    ]);
  });
});
