import { enableTenantIsolation } from '../db/tenant-table.js';
import type { Migration } from '../db/types.js';

/**
 * Each tenant's catalog decisions: a service offered (through one of its agencies, with local
 * overrides) or explicitly withheld. A tenant without an entry for a service inherits its nearest
 * ancestor's entry.
 */
export const catalogEntries: Migration = {
  name: '0007_catalog_entries',
  async up(knex) {
    await knex.schema.createTable('catalog_entries', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('service_code').notNullable();
      t.boolean('offered').notNullable();
      t.text('agency_code');
      t.jsonb('overrides').notNullable().defaultTo('{}');
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'service_code']);
      t.foreign(['tenant_id', 'agency_code']).references(['tenant_id', 'code']).inTable('agencies');
      t.index(['tenant_id', 'agency_code']);
    });
    await knex.raw(`
      alter table catalog_entries
        add constraint catalog_entries_overrides_check check (jsonb_typeof(overrides) = 'object')
    `);
    await enableTenantIsolation(knex, 'catalog_entries');
  },
};
