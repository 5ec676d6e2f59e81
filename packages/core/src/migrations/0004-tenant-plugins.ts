import { enableTenantIsolation } from '../db/tenant-table.js';
import type { Migration } from '../db/types.js';

/**
 * Per-tenant plugin enablement: enabled or not, the tenant's own settings for the plugin, and the
 * plugin version it was last enabled with. A row is an explicit decision of that tenant; without
 * one, the tenant inherits its nearest ancestor's decision.
 */
export const tenantPlugins: Migration = {
  name: '0004_tenant_plugins',
  async up(knex) {
    await knex.schema.createTable('tenant_plugins', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('plugin_id').notNullable();
      t.boolean('enabled').notNullable();
      t.jsonb('settings').notNullable().defaultTo('{}');
      t.text('enabled_version');
      t.timestamp('first_enabled_at', { useTz: true });
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'plugin_id']);
    });
    await enableTenantIsolation(knex, 'tenant_plugins');
  },
};
