import { enableTenantIsolation, type Migration } from '@darcha/core';

/**
 * The centre's rooms and their booked hours. Tenant tables (row-level security on `tenant_id`, every
 * key and foreign key with `tenant_id`, as DESIGN.md "Database and tenancy" asks):
 * - `oss_rooms`: the rooms of the tenant's settings, copied when the plugin is enabled for it (event
 *   handlers, guards and routes get no settings); a room dropped from the settings is kept inactive,
 *   so that its past bookings still point at it.
 * - `oss_room_bookings`: one row per booked hour of a room. The primary key
 *   `(tenant_id, room_code, slot_start)` is what makes a double booking impossible, under concurrent
 *   confirmations too. `held_version` is the inquiry's version when the hours were held, so that
 *   releasing them for an older transition never frees a newer hold.
 */
export const roomBookingsMigration: Migration = {
  name: '0001_room_bookings',
  async up(knex) {
    await knex.schema.createTable('oss_rooms', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('code').notNullable();
      t.jsonb('names').notNullable();
      t.integer('capacity').notNullable();
      t.boolean('active').notNullable().defaultTo(true);
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'code']);
    });
    await knex.raw(`
      alter table oss_rooms
        add constraint oss_rooms_code_check check (code ~ '^[a-z][a-z0-9-]{0,39}$'),
        add constraint oss_rooms_capacity_check check (capacity > 0)
    `);
    await knex.schema.createTable('oss_room_bookings', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('room_code').notNullable();
      t.timestamp('slot_start', { useTz: true }).notNullable();
      t.uuid('inquiry_id').notNullable();
      t.integer('held_version').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'room_code', 'slot_start']);
      t.foreign(['tenant_id', 'room_code']).references(['tenant_id', 'code']).inTable('oss_rooms');
      t.foreign(['tenant_id', 'inquiry_id']).references(['tenant_id', 'id']).inTable('inquiries');
      t.index(['tenant_id', 'inquiry_id']);
    });
    await enableTenantIsolation(knex, 'oss_rooms', ['select', 'insert', 'update']);
    await enableTenantIsolation(knex, 'oss_room_bookings', ['select', 'insert', 'update', 'delete']);
  },
};
