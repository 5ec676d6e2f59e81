import { enableTenantIsolation } from '../db/tenant-table.js';
import type { Migration } from '../db/types.js';

/**
 * Each city's agencies (Gorgas is Chirchik's `gas` agency) and the desks (windows) of its OSS hall,
 * a desk optionally staffed by one agency. Tenant tables: a city sees only its own.
 */
export const agencies: Migration = {
  name: '0006_agencies',
  async up(knex) {
    await knex.schema.createTable('agencies', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('code').notNullable();
      t.text('kind').notNullable();
      t.jsonb('names').notNullable();
      t.jsonb('contacts').notNullable().defaultTo('{}');
      t.jsonb('working_hours').notNullable().defaultTo('{}');
      t.boolean('active').notNullable().defaultTo(true);
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'code']);
      t.index(['tenant_id', 'kind']);
    });
    await knex.schema.createTable('desks', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('code').notNullable();
      t.jsonb('names').notNullable();
      t.text('agency_code');
      t.boolean('active').notNullable().defaultTo(true);
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'code']);
      t.foreign(['tenant_id', 'agency_code']).references(['tenant_id', 'code']).inTable('agencies');
      t.index(['tenant_id', 'agency_code']);
    });
    await knex.raw(`
      alter table agencies
        add constraint agencies_names_check check (jsonb_typeof(names) = 'object'),
        add constraint agencies_contacts_check check (jsonb_typeof(contacts) = 'object'),
        add constraint agencies_working_hours_check check (jsonb_typeof(working_hours) = 'object')
    `);
    await knex.raw(
      `alter table desks add constraint desks_names_check check (jsonb_typeof(names) = 'object')`,
    );
    await enableTenantIsolation(knex, 'agencies');
    await enableTenantIsolation(knex, 'desks');
  },
};
