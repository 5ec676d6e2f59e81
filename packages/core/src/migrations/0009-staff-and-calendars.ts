import { enableTenantIsolation } from '../db/tenant-table.js';
import type { Migration } from '../db/types.js';

/**
 * Who works inquiries and when the city works:
 * - `staff_members`: a city's staff with their roles and the agencies they belong to (the identity
 *   issue adds sign-in to these rows); `last_assigned_at` drives round-robin routing.
 * - `staff_absences`: an officer away between two instants, and the colleague who acts for them.
 * - `tenant_calendars`: a tenant's working calendar (time zone, week, holidays); a city without a
 *   row uses its nearest ancestor's.
 */
export const staffAndCalendars: Migration = {
  name: '0009_staff_and_calendars',
  async up(knex) {
    await knex.schema.createTable('staff_members', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.text('display_name').notNullable();
      t.specificType('roles', 'text[]').notNullable().defaultTo('{}');
      t.specificType('agency_codes', 'text[]').notNullable().defaultTo('{}');
      t.boolean('active').notNullable().defaultTo(true);
      t.timestamp('last_assigned_at', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'id']);
    });
    await knex.raw(`create index staff_members_active_idx on staff_members using btree (tenant_id, active)`);
    await knex.schema.createTable('staff_absences', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.uuid('staff_id').notNullable();
      t.uuid('delegate_id');
      t.timestamp('starts_at', { useTz: true }).notNullable();
      t.timestamp('ends_at', { useTz: true }).notNullable();
      t.text('reason');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'id']);
      t.foreign(['tenant_id', 'staff_id']).references(['tenant_id', 'id']).inTable('staff_members');
      t.foreign(['tenant_id', 'delegate_id']).references(['tenant_id', 'id']).inTable('staff_members');
      t.index(['tenant_id', 'staff_id', 'ends_at']);
      t.index(['tenant_id', 'delegate_id', 'ends_at']);
    });
    await knex.raw(`
      alter table staff_absences
        add constraint staff_absences_period_check check (ends_at > starts_at),
        add constraint staff_absences_delegate_check check (delegate_id is distinct from staff_id)
    `);
    await knex.schema.createTable('tenant_calendars', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.jsonb('definition').notNullable();
      t.text('updated_by');
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id']);
    });
    await knex.raw(
      `alter table tenant_calendars add constraint tenant_calendars_definition_check check (jsonb_typeof(definition) = 'object')`,
    );
    await enableTenantIsolation(knex, 'staff_members');
    await enableTenantIsolation(knex, 'staff_absences');
    await enableTenantIsolation(knex, 'tenant_calendars');
  },
};
