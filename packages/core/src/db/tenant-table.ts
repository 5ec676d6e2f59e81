import type { Knex } from 'knex';
import { APP_ROLE, TENANT_SETTING } from './types.js';

/** What the app role may do on a tenant table. Append-only tables (history, audit) omit update/delete. */
export type TenantTablePrivilege = 'select' | 'insert' | 'update' | 'delete';

/**
 * Turns a table that has a `tenant_id` column into a tenant table: row-level security enabled and
 * forced (the owner too is filtered), one policy whose `USING` and `WITH CHECK` admit only the
 * transaction's tenant, and the app role's privileges. Call it in the migration that creates the table.
 *
 * @example
 * await knex.schema.createTable('agencies', (t) => {
 *   t.text('tenant_id').notNullable().references('id').inTable('tenants');
 *   t.text('code').notNullable();
 *   t.primary(['tenant_id', 'code']);
 * });
 * await enableTenantIsolation(knex, 'agencies');
 */
export async function enableTenantIsolation(
  knex: Knex,
  table: string,
  privileges: readonly TenantTablePrivilege[] = ['select', 'insert', 'update', 'delete'],
): Promise<void> {
  const predicate = `tenant_id = nullif(current_setting('${TENANT_SETTING}', true), '')`;
  await knex.raw('alter table ?? enable row level security', [table]);
  await knex.raw('alter table ?? force row level security', [table]);
  await knex.raw(`create policy tenant_isolation on ?? using (${predicate}) with check (${predicate})`, [
    table,
  ]);
  if (privileges.length > 0) {
    await knex.raw(`grant ${privileges.join(', ')} on ?? to ${APP_ROLE}`, [table]);
  }
}
