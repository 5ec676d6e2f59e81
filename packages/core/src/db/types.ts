import type { Knex } from 'knex';

/** Which engine serves the platform database. */
export type DatabaseKind = 'pglite' | 'postgres';

/**
 * A transaction bound to one tenant: the tenant is set transaction-locally and the connection acts
 * as the app role, so row-level security admits that tenant's rows only. Repositories receive this
 * and still write `WHERE tenant_id = ?` for index use and Citus routing.
 */
export type TenantTransaction = Knex.Transaction;

/**
 * A transaction as the host role, for host-side modules only (tenant registry, domains). The host
 * role reaches the host tables; on tenant tables it is bound by row-level security like the app
 * role, so with no tenant set it sees no tenant rows.
 */
export type HostTransaction = Knex.Transaction;

/**
 * A forward-only schema migration. `up` runs inside a transaction as the owner role; a migration
 * that fails leaves nothing behind.
 *
 * @example
 * export const createAgencies: Migration = {
 *   name: '0001_agencies',
 *   async up(knex) {
 *     await knex.schema.createTable('agencies', (t) => { ... });
 *     await enableTenantIsolation(knex, 'agencies');
 *   },
 * };
 */
export interface Migration {
  /** `NNNN_snake_case`; applied in name order and recorded once. */
  name: string;
  up(knex: Knex): Promise<void>;
}

/** What `migrate` did or would do for one namespace. */
export interface MigrationState {
  namespace: string;
  applied: string[];
  pending: string[];
}

/** The app role every tenant request runs as: never a superuser, never bypasses RLS, owns no table. */
export const APP_ROLE = 'darcha_app';

/** The role host-side modules run as: host tables, and tenant tables only through RLS. */
export const HOST_ROLE = 'darcha_host';

/** The transaction-local setting that row-level security policies read. */
export const TENANT_SETTING = 'darcha.tenant_id';
