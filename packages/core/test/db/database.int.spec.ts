import { expect } from 'chai';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import { enableTenantIsolation } from '../../src/db/tenant-table.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`tenant isolation through withTenant (${engine})`, () => {
  let db: Database;

  before(async () => {
    db = await openTestDatabase();
    // A tenant table with full privileges, made the way a plugin's migration makes one.
    await db.migrate('test_notes', [
      {
        name: '0001_notes',
        async up(knex) {
          await knex.schema.createTable('notes', (t) => {
            t.text('tenant_id').notNullable().references('id').inTable('tenants');
            t.integer('id').notNullable();
            t.text('body').notNullable();
            t.primary(['tenant_id', 'id']);
          });
          await enableTenantIsolation(knex, 'notes');
          await knex.raw('grant select on notes to darcha_host');
        },
      },
    ]);
    const tenants = new PostgresTenantRegistry(db);
    await tenants.create({ id: 'uz', kind: 'country', names: { en: 'Uzbekistan' }, defaultLocale: 'en' });
    for (let i = 0; i < 10; i++) {
      await tenants.create({
        id: `city-${i}`,
        kind: 'city',
        parentId: 'uz',
        names: { 'uz-Latn': `Shahar ${i}` },
      });
    }
    // Seed each city with its own rows, written as that city.
    for (let i = 0; i < 10; i++) {
      await db.withTenant(`city-${i}`, (trx) =>
        trx('audit_log').insert(
          Array.from({ length: 5 }, (_, n) => ({
            tenant_id: `city-${i}`,
            actor: `officer-${i}`,
            action: `seed.${n}`,
          })),
        ),
      );
      await db.withTenant(`city-${i}`, (trx) =>
        trx('notes').insert({ tenant_id: `city-${i}`, id: 1, body: `note of city ${i}` }),
      );
    }
  });

  after(() => db.close());

  it('shows a tenant only its own rows, even without a WHERE clause', async () => {
    const rows = await db.withTenant('city-1', (trx) => trx('audit_log').select('tenant_id'));
    expect(rows.length).to.be.greaterThan(0);
    expect(new Set(rows.map((r) => r.tenant_id))).to.deep.equal(new Set(['city-1']));
  });

  it('refuses to insert a row for another tenant', async () => {
    const attempt = db.withTenant('city-1', (trx) =>
      trx('audit_log').insert({ tenant_id: 'city-2', actor: 'intruder', action: 'forge' }),
    );
    await expectRejected(attempt, /row-level security/);
    const forged = await db.withTenant('city-2', (trx) => trx('audit_log').where({ actor: 'intruder' }));
    expect(forged).to.have.length(0);
  });

  it("cannot read, update or delete another tenant's rows by naming them", async () => {
    const [read, updated, deleted] = await db.withTenant('city-1', async (trx) => [
      await trx('notes').where({ tenant_id: 'city-2' }),
      await trx('notes').where({ tenant_id: 'city-2' }).update({ body: 'overwritten' }),
      await trx('notes').where({ tenant_id: 'city-2' }).delete(),
    ]);
    expect(read).to.have.length(0);
    expect(updated).to.equal(0);
    expect(deleted).to.equal(0);
    const theirs = await db.withTenant('city-2', (trx) => trx('notes').where({ tenant_id: 'city-2' }));
    expect(theirs.map((r) => r.body)).to.deep.equal(['note of city 2']);
  });

  it('cannot move its own row to another tenant', async () => {
    await expectRejected(
      db.withTenant('city-1', (trx) =>
        trx('notes').where({ tenant_id: 'city-1', id: 1 }).update({ tenant_id: 'city-2' }),
      ),
      /row-level security/,
    );
  });

  it('runs as the app role, which is neither superuser nor exempt from RLS', async () => {
    const role = await db.withTenant('city-1', (trx) =>
      trx.raw(
        `select current_user as name, r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user`,
      ),
    );
    expect(role.rows[0]).to.deep.equal({ name: 'darcha_app', rolsuper: false, rolbypassrls: false });
  });

  it('keeps the audit log append-only for the app role', async () => {
    await expectRejected(
      db.withTenant('city-1', (trx) => trx('audit_log').update({ actor: 'someone-else' })),
      /permission denied/,
    );
  });

  it('gives the app role no access to host tables', async () => {
    await expectRejected(
      db.withTenant('city-1', (trx) => trx('tenants').select('id')),
      /permission denied/,
    );
  });

  it('sees zero rows when no tenant is set, as the app role or the host role', async () => {
    const [asApp, auditAsApp] = await db.withHost(async (trx) => {
      await trx.raw(`select set_config('role', 'darcha_app', true)`);
      return [await trx('notes').select('tenant_id'), await trx('audit_log').select('tenant_id')];
    });
    expect(asApp).to.have.length(0);
    expect(auditAsApp).to.have.length(0);
    // The host role was granted SELECT on notes by the migration above; RLS still hides every row.
    const asHost = await db.withHost((trx) => trx('notes').select('tenant_id'));
    expect(asHost).to.have.length(0);
  });

  it('does not leak the tenant or role through the pool after a transaction', async () => {
    await db.withTenant('city-3', (trx) => trx('audit_log').first());
    const after = await db.withHost((trx) =>
      trx.raw(
        `select current_user as name, coalesce(current_setting('darcha.tenant_id', true), '') as tenant`,
      ),
    );
    expect(after.rows[0].name).to.not.equal('darcha_app');
    expect(after.rows[0].tenant).to.equal('');
  });

  it('keeps 200 concurrent withTenant calls across 10 tenants apart', async () => {
    const calls = Array.from({ length: 200 }, async (_, n) => {
      const tenantId = `city-${n % 10}`;
      const rows = await db.withTenant(tenantId, async (trx) => {
        await trx('audit_log').insert({ tenant_id: tenantId, actor: `worker-${n}`, action: 'concurrent' });
        return trx('audit_log').select('tenant_id', 'actor');
      });
      return { tenantId, rows };
    });
    const results = await Promise.all(calls);
    for (const { tenantId, rows } of results) {
      const foreign = rows.filter((r) => r.tenant_id !== tenantId);
      expect(foreign, `rows seen by ${tenantId}`).to.have.length(0);
    }
    const count = await db.withTenant('city-4', (trx) =>
      trx('audit_log').where({ action: 'concurrent' }).count(),
    );
    expect(Number(count[0]!['count'])).to.equal(20);
  });

  it('rolls back everything a failed withTenant call wrote', async () => {
    await expectRejected(
      db.withTenant('city-5', async (trx) => {
        await trx('audit_log').insert({ tenant_id: 'city-5', actor: 'half', action: 'half-written' });
        throw new Error('boom');
      }),
      /boom/,
    );
    const rows = await db.withTenant('city-5', (trx) => trx('audit_log').where({ action: 'half-written' }));
    expect(rows).to.have.length(0);
  });

  it('refuses malformed tenant ids before touching the database', async () => {
    for (const bad of ['', 'Chirchik', "x'; drop table tenants; --", '1city', 'a'.repeat(64)]) {
      await expectRejected(
        db.withTenant(bad, () => Promise.resolve()),
        /not a valid tenant id/,
        'DARCHA_TENANT_INVALID',
      );
    }
  });

  it('refuses a transaction opened inside another', async () => {
    await expectRejected(
      db.withTenant('city-1', () => db.withTenant('city-2', () => Promise.resolve())),
      /inside withTenant\("city-1"\)/,
      'DARCHA_DB_NESTED_TRANSACTION',
    );
  });
});

async function expectRejected(promise: Promise<unknown>, message: RegExp, code?: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect((error as Error).message).to.match(message);
    if (code) expect(isDarchaError(error, code), `expected ${code}, got ${String(error)}`).to.equal(true);
    return;
  }
  expect.fail(`expected a rejection matching ${message}`);
}
