import { enableTenantIsolation } from '../db/tenant-table.js';
import type { Migration } from '../db/types.js';

/**
 * Per-tenant plugin enablement: the tenant's own decision (`enabled` true or false; null means it
 * inherits its nearest ancestor's decision), its own settings for the plugin (merged over its
 * ancestors'), the plugin version it was last enabled with, and when the plugin was first enabled
 * for it (its seed data ran then).
 */
export const tenantPlugins: Migration = {
  name: '0004_tenant_plugins',
  async up(knex) {
    await knex.schema.createTable('tenant_plugins', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('plugin_id').notNullable();
      t.boolean('enabled'); // null: no decision of its own, the tenant inherits its ancestor's
      t.jsonb('settings').notNullable().defaultTo('{}');
      t.text('enabled_version');
      t.timestamp('first_enabled_at', { useTz: true });
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'plugin_id']);
    });
    await enableTenantIsolation(knex, 'tenant_plugins');
  },
};
