import { expect } from 'chai';
import type { Knex } from 'knex';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import { CORE_NAMESPACE, coreMigrations } from '../../src/migrations/index.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`migrations (${engine})`, () => {
  let db: Database;

  beforeEach(async () => {
    db = await openTestDatabase({ migrate: false });
  });
  afterEach(() => db.close());

  it('applies core migrations once; a rerun is a no-op', async () => {
    const before = await db.migrationState(CORE_NAMESPACE, coreMigrations);
    expect(before.applied).to.deep.equal([]);
    expect(before.pending).to.deep.equal(coreMigrations.map((m) => m.name));
    const first = await db.migrate(CORE_NAMESPACE, coreMigrations);
    expect(first.applied).to.deep.equal(coreMigrations.map((m) => m.name));
    expect(first.pending).to.deep.equal([]);
    const second = await db.migrate(CORE_NAMESPACE, coreMigrations);
    expect(second).to.deep.equal(first);
    const rows = await db.withHost((trx) =>
      trx.raw(`select count(*)::int as n from pg_tables where tablename = 'darcha_migrations_core'`),
    );
    expect(rows.rows[0].n).to.equal(1);
  });

  it('keeps each namespace in its own migrations table', async () => {
    await db.migrate(CORE_NAMESPACE, coreMigrations);
    const plugin = [{ name: '0001_gas_tariffs', up: (knex: never) => Promise.resolve(knex) }];
    const state = await db.migrate('agency_gas', plugin);
    expect(state).to.deep.equal({ namespace: 'agency_gas', applied: ['0001_gas_tariffs'], pending: [] });
    expect((await db.migrationState(CORE_NAMESPACE, coreMigrations)).applied).to.have.length(
      coreMigrations.length,
    );
  });

  it('leaves nothing behind when a migration fails, and reports it with a code', async () => {
    await db.migrate(CORE_NAMESPACE, coreMigrations);
    const broken = [
      {
        name: '0001_half',
        async up(knex: Knex) {
          await knex.schema.createTable('half_done', (t) => t.integer('id'));
          await knex.raw('select * from no_such_table');
        },
      },
    ];
    try {
      await db.migrate('broken', broken);
      expect.fail('the broken migration should have failed');
    } catch (error) {
      expect(isDarchaError(error, 'DARCHA_DB_MIGRATION_FAILED'), String(error)).to.equal(true);
      expect((error as Error).message).to.include('"broken"');
    }
    const state = await db.migrationState('broken', broken);
    expect(state.pending).to.deep.equal(['0001_half']);
    const exists = await db.withHost((trx) =>
      trx.raw(`select count(*)::int as n from pg_tables where tablename = 'half_done'`),
    );
    expect(exists.rows[0].n).to.equal(0);
  });

  it('refuses badly named migrations before running any', async () => {
    const cases: [string, { name: string }[], RegExp][] = [
      ['core', [{ name: 'create_things' }], /not of the form NNNN_snake_case/],
      ['core', [{ name: '0002_b' }, { name: '0001_a' }], /comes after/],
      ['core', [{ name: '0001_a' }, { name: '0001_a' }], /appears twice/],
      ['Bad-Namespace', [{ name: '0001_a' }], /namespace "Bad-Namespace"/],
    ];
    for (const [namespace, names, message] of cases) {
      const migrations = names.map((m) => ({ ...m, up: () => Promise.resolve() }));
      try {
        await db.migrate(namespace, migrations);
        expect.fail(`expected ${namespace} ${names.map((n) => n.name).join(',')} to be refused`);
      } catch (error) {
        expect(isDarchaError(error, 'DARCHA_DB_MIGRATION_INVALID'), String(error)).to.equal(true);
        expect((error as Error).message).to.match(message);
      }
    }
  });

  it('creates runtime roles that are not superusers, do not bypass RLS and own no table', async () => {
    await db.migrate(CORE_NAMESPACE, coreMigrations);
    const result = await db.withHost((trx) =>
      trx.raw(`
        select r.rolname, r.rolsuper, r.rolbypassrls, r.rolcanlogin,
               (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
          from pg_roles r where r.rolname in ('darcha_app', 'darcha_host') order by r.rolname`),
    );
    expect(result.rows).to.deep.equal([
      { rolname: 'darcha_app', rolsuper: false, rolbypassrls: false, rolcanlogin: false, owned: 0 },
      { rolname: 'darcha_host', rolsuper: false, rolbypassrls: false, rolcanlogin: false, owned: 0 },
    ]);
  });
});
