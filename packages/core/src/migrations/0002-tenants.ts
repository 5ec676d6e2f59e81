import { HOST_ROLE, type Migration } from '../db/types.js';

/**
 * Host tables of tenancy: `tenants` (the hierarchy country > region > city, with settings that
 * inherit downwards) and `tenant_domains` (host names that resolve to a tenant). No RLS: only
 * host-side modules reach them (as the host role); the app role has no privileges on them.
 */
export const tenants: Migration = {
  name: '0002_tenants',
  async up(knex) {
    await knex.schema.createTable('tenants', (t) => {
      t.text('id').primary();
      t.text('kind').notNullable();
      t.text('parent_id').references('id').inTable('tenants').onDelete('restrict');
      t.jsonb('names').notNullable();
      t.text('status').notNullable().defaultTo('active');
      t.text('status_reason');
      t.text('default_locale').notNullable().defaultTo('uz-Latn');
      t.text('time_zone').notNullable().defaultTo('Asia/Tashkent');
      t.jsonb('settings').notNullable().defaultTo('{}');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.index(['parent_id']);
    });
    await knex.raw(`
      alter table tenants
        add constraint tenants_kind_check check (kind in ('country', 'region', 'city')),
        add constraint tenants_status_check check (status in ('active', 'suspended', 'archived')),
        add constraint tenants_locale_check check (default_locale in ('uz-Latn', 'uz-Cyrl', 'ru', 'en')),
        add constraint tenants_names_check check (jsonb_typeof(names) = 'object'),
        add constraint tenants_settings_check check (jsonb_typeof(settings) = 'object'),
        add constraint tenants_parent_check check (parent_id is distinct from id)
    `);
    await knex.schema.createTable('tenant_domains', (t) => {
      t.text('host').primary();
      t.text('tenant_id').notNullable().references('id').inTable('tenants').onDelete('cascade');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.index(['tenant_id']);
    });
    await knex.raw(`grant select, insert, update, delete on tenants, tenant_domains to ${HOST_ROLE}`);
  },
};
