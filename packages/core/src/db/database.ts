import type { Knex } from 'knex';
import { DarchaError } from '../errors/darcha-error.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import { assertMigrations, migrationTableName } from './migration-names.js';
import { runSessionTransaction } from './session-transaction.js';
import { runInTransactionScope } from './transaction-scope.js';
import {
  APP_ROLE,
  HOST_ROLE,
  TENANT_SETTING,
  type DatabaseKind,
  type HostTransaction,
  type Migration,
  type MigrationState,
  type TenantTransaction,
} from './types.js';

/** What `openDatabase` hands to the Database: the knex instance and how to shut the engine down. */
export interface DatabaseEngine {
  kind: DatabaseKind;
  /** Where the data lives, without credentials: a directory or `host:port/database`. */
  location: string;
  knex: Knex;
  close(): Promise<void>;
}

/**
 * The platform database. Tenant data is reached only through {@link Database.withTenant}; host tables
 * through {@link Database.withHost}. The underlying connection pool is private to this module.
 */
export class Database {
  readonly kind: DatabaseKind;
  readonly location: string;
  readonly #knex: Knex;
  readonly #engine: DatabaseEngine;
  #closing: Promise<void> | undefined;

  constructor(engine: DatabaseEngine) {
    this.kind = engine.kind;
    this.location = engine.location;
    this.#knex = engine.knex;
    this.#engine = engine;
  }

  /**
   * Runs `work` in one transaction bound to `tenantId`: the tenant is set transaction-locally
   * (`set_config(..., true)`, so it cannot leak through the pool) and the transaction acts as the
   * app role, so row-level security applies even where the login user is a superuser (PGlite).
   * Both are sent with `BEGIN` in the same round trip (`SessionPgClient`).
   * Commits when `work` resolves, rolls back when it throws.
   */
  async withTenant<T>(tenantId: string, work: (trx: TenantTransaction) => Promise<T>): Promise<T> {
    assertTenantId(tenantId);
    this.#assertOpen();
    return runInTransactionScope('tenant', tenantId, (scope) =>
      runSessionTransaction(this.#knex, { [TENANT_SETTING]: tenantId, role: APP_ROLE }, scope, work),
    );
  }

  /**
   * Runs `work` in one transaction as the host role, for host-side modules (tenant registry,
   * domains). Plugins and request handlers use `withTenant` instead.
   */
  async withHost<T>(work: (trx: HostTransaction) => Promise<T>): Promise<T> {
    this.#assertOpen();
    return runInTransactionScope('host', undefined, (scope) =>
      runSessionTransaction(this.#knex, { role: HOST_ROLE }, scope, work),
    );
  }

  /** Applies the pending migrations of one namespace, in name order; a rerun is a no-op. */
  async migrate(namespace: string, migrations: readonly Migration[]): Promise<MigrationState> {
    assertMigrations(namespace, migrations);
    this.#assertOpen();
    const config = this.#migratorConfig(namespace, migrations);
    try {
      await this.#knex.migrate.latest(config);
    } catch (error) {
      throw new DarchaError({
        code: 'DARCHA_DB_MIGRATION_FAILED',
        kind: 'internal',
        message: `Migrating "${namespace}" on ${this.location} failed: ${(error as Error).message}`,
        hint: 'The run was rolled back as a whole (pending migrations of a namespace run in one transaction); fix the migration and run `darcha migrate` again.',
        details: { namespace },
        cause: error,
      });
    }
    return this.migrationState(namespace, migrations);
  }

  /** Which migrations of a namespace are applied and which are pending, without changing anything. */
  async migrationState(namespace: string, migrations: readonly Migration[]): Promise<MigrationState> {
    assertMigrations(namespace, migrations);
    this.#assertOpen();
    const table = migrationTableName(namespace);
    const exists = await this.#knex.schema.hasTable(table);
    const applied = exists ? (await this.#knex(table).orderBy('id').pluck('name')).map(String) : [];
    const done = new Set(applied);
    return { namespace, applied, pending: migrations.map((m) => m.name).filter((n) => !done.has(n)) };
  }

  /** Round trip to the database; resolves with the server's version string. */
  async ping(): Promise<string> {
    this.#assertOpen();
    const result = await this.#knex.raw<{ rows: { version: string }[] }>('select version() as version');
    return result.rows[0]?.version ?? 'unknown';
  }

  /** Closes the pool and the engine (and releases the PGlite directory lock); safe to call twice. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#knex.destroy();
      await this.#engine.close();
    })();
    return this.#closing;
  }

  get closed(): boolean {
    return this.#closing !== undefined;
  }

  #assertOpen(): void {
    if (this.#closing === undefined) return;
    throw new DarchaError({
      code: 'DARCHA_DB_CLOSED',
      kind: 'unavailable',
      message: `The database at ${this.location} is closed.`,
      hint: 'The platform is shutting down; retry against a running instance.',
    });
  }

  #migratorConfig(namespace: string, migrations: readonly Migration[]): Knex.MigratorConfig {
    const byName = new Map(migrations.map((m) => [m.name, m]));
    return {
      tableName: migrationTableName(namespace),
      migrationSource: {
        getMigrations: () => Promise.resolve([...byName.keys()]),
        getMigrationName: (name: string) => name,
        getMigration: (name: string) => {
          const migration = byName.get(name)!;
          return Promise.resolve({ up: (knex: Knex) => migration.up(knex), down: () => Promise.resolve() });
        },
      },
    };
  }
}
