import { enableTenantIsolation } from '../db/tenant-table.js';
import { HOST_ROLE, type Migration } from '../db/types.js';

/**
 * Identity and access. Host tables (no RLS, host role only):
 * - `platform_users`: operators of the whole installation, with their password hash and lockout;
 * - `platform_sessions`: their sessions, keyed by the SHA-256 of the token;
 * - `platform_secrets`: secrets the platform made for itself (the HMAC key of receipt codes when
 *   `auth.secret` is not configured), kept so that they survive restarts.
 *
 * Tenant tables:
 * - `staff_members` gains a login (unique within the tenant), a password hash, lockout and desks;
 * - `staff_sessions`: staff sessions, keyed by the SHA-256 of the token;
 * - `api_keys`: integrations' keys, stored as the SHA-256 of the key;
 * - `phone_challenges`: one-time codes sent to citizens' phones, stored as an HMAC.
 */
export const identity: Migration = {
  name: '0014_identity',
  async up(knex) {
    await knex.schema.createTable('platform_users', (t) => {
      t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
      t.text('login').notNullable().unique();
      t.text('display_name').notNullable();
      t.text('password_hash').notNullable();
      t.specificType('roles', 'text[]').notNullable().defaultTo('{}');
      t.boolean('active').notNullable().defaultTo(true);
      t.integer('failed_sign_ins').notNullable().defaultTo(0);
      t.timestamp('locked_until', { useTz: true });
      t.text('created_by');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw(`
      alter table platform_users
        add constraint platform_users_login_check check (login = lower(login) and length(login) between 3 and 100),
        add constraint platform_users_roles_check check (roles <@ array['platform_admin']::text[]),
        add constraint platform_users_failed_sign_ins_check check (failed_sign_ins >= 0)
    `);
    await knex.schema.createTable('platform_sessions', (t) => {
      t.text('id').primary();
      t.uuid('user_id').notNullable().references('id').inTable('platform_users').onDelete('cascade');
      t.text('csrf_token').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('last_seen_at', { useTz: true }).notNullable();
      t.timestamp('expires_at', { useTz: true }).notNullable();
      t.timestamp('revoked_at', { useTz: true });
      t.index(['user_id']);
    });
    await knex.raw(
      `alter table platform_sessions add constraint platform_sessions_id_check check (id ~ '^[0-9a-f]{64}$')`,
    );
    await knex.schema.createTable('platform_secrets', (t) => {
      t.text('name').primary();
      t.text('value').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw(
      `grant select, insert, update, delete on platform_users, platform_sessions to ${HOST_ROLE}`,
    );
    await knex.raw(`grant select, insert on platform_secrets to ${HOST_ROLE}`);

    await knex.raw(`
      alter table staff_members
        add column login text,
        add column password_hash text,
        add column failed_sign_ins integer not null default 0,
        add column locked_until timestamptz,
        add column desk_codes text[] not null default '{}',
        add column password_changed_at timestamptz,
        add constraint staff_members_login_check check (login is null or (login = lower(login) and length(login) between 3 and 100)),
        add constraint staff_members_failed_sign_ins_check check (failed_sign_ins >= 0)
    `);
    await knex.raw(
      `create unique index staff_members_login_unique on staff_members (tenant_id, login) where login is not null`,
    );

    await knex.schema.createTable('staff_sessions', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('id').notNullable();
      t.uuid('staff_id').notNullable();
      t.text('csrf_token').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('last_seen_at', { useTz: true }).notNullable();
      t.timestamp('expires_at', { useTz: true }).notNullable();
      t.timestamp('revoked_at', { useTz: true });
      t.primary(['tenant_id', 'id']);
      t.foreign(['tenant_id', 'staff_id']).references(['tenant_id', 'id']).inTable('staff_members');
      t.index(['tenant_id', 'staff_id']);
    });
    await knex.raw(
      `alter table staff_sessions add constraint staff_sessions_id_check check (id ~ '^[0-9a-f]{64}$')`,
    );

    await knex.schema.createTable('api_keys', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.text('name').notNullable();
      t.text('role').notNullable();
      t.specificType('agency_codes', 'text[]').notNullable().defaultTo('{}');
      t.text('prefix').notNullable();
      t.text('secret_hash').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.text('created_by').notNullable();
      t.timestamp('last_used_at', { useTz: true });
      t.timestamp('revoked_at', { useTz: true });
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'secret_hash']);
      t.index(['tenant_id', 'created_at']);
    });
    await knex.raw(
      `alter table api_keys add constraint api_keys_secret_hash_check check (secret_hash ~ '^[0-9a-f]{64}$')`,
    );

    await knex.schema.createTable('phone_challenges', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable();
      t.text('phone').notNullable();
      t.text('code_hash').notNullable();
      t.integer('attempts').notNullable().defaultTo(0);
      t.timestamp('expires_at', { useTz: true }).notNullable();
      t.timestamp('confirmed_at', { useTz: true });
      t.timestamp('consumed_at', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.primary(['tenant_id', 'id']);
      t.index(['tenant_id', 'phone', 'created_at']);
    });
    await knex.raw(`
      alter table phone_challenges
        add constraint phone_challenges_phone_check check (phone ~ '^\\+998[0-9]{9}$'),
        add constraint phone_challenges_attempts_check check (attempts >= 0)
    `);

    await enableTenantIsolation(knex, 'staff_sessions', ['select', 'insert', 'update', 'delete']);
    await enableTenantIsolation(knex, 'api_keys', ['select', 'insert', 'update']);
    await enableTenantIsolation(knex, 'phone_challenges', ['select', 'insert', 'update', 'delete']);
  },
};
