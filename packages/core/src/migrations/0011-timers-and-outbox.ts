import { enableTenantIsolation } from '../db/tenant-table.js';
import { APP_ROLE, type Migration } from '../db/types.js';

/**
 * Work that happens later, all tenant tables claimed with `FOR UPDATE SKIP LOCKED`:
 * - `inquiry_timers`: SLA breaches, reminders and automatic actions; a timer fires only while the
 *   inquiry's version is still `inquiry_version`, and is marked fired in the same transaction.
 * - `outbox_events`: domain events written in the transaction that caused them and delivered after
 *   commit, at least once, with retries, backoff and a dead-letter state.
 * - `workflow_migration_runs`: each explicit move of in-flight inquiries to a new workflow version.
 */
export const timersAndOutbox: Migration = {
  name: '0011_timers_and_outbox',
  async up(knex) {
    await knex.schema.createTable('inquiry_timers', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.uuid('inquiry_id').notNullable();
      t.text('kind').notNullable();
      t.timestamp('fire_at', { useTz: true }).notNullable();
      t.integer('inquiry_version').notNullable();
      t.jsonb('reaction').notNullable();
      t.text('status').notNullable().defaultTo('pending');
      t.timestamp('fired_at', { useTz: true });
      t.text('outcome');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'id']);
      t.foreign(['tenant_id', 'inquiry_id']).references(['tenant_id', 'id']).inTable('inquiries');
      t.index(['tenant_id', 'inquiry_id']);
    });
    await knex.raw(`
      alter table inquiry_timers
        add constraint inquiry_timers_kind_check check (kind in ('state_sla', 'overall_sla', 'reminder', 'auto_action')),
        add constraint inquiry_timers_status_check check (status in ('pending', 'fired', 'skipped'))
    `);
    await knex.raw(
      `create index inquiry_timers_due_idx on inquiry_timers (tenant_id, fire_at) where status = 'pending'`,
    );
    await knex.schema.createTable('outbox_events', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.bigIncrements('seq', { primaryKey: false });
      t.text('type').notNullable();
      t.uuid('inquiry_id');
      t.jsonb('payload').notNullable();
      t.text('status').notNullable().defaultTo('pending');
      t.integer('attempts').notNullable().defaultTo(0);
      t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('locked_until', { useTz: true });
      t.jsonb('delivered_to').notNullable().defaultTo('[]');
      t.text('last_error');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('delivered_at', { useTz: true });
      t.primary(['tenant_id', 'id']);
      t.index(['tenant_id', 'inquiry_id']);
    });
    await knex.raw(`
      alter table outbox_events
        add constraint outbox_events_status_check check (status in ('pending', 'delivered', 'dead')),
        add constraint outbox_events_payload_check check (jsonb_typeof(payload) = 'object'),
        add constraint outbox_events_delivered_to_check check (jsonb_typeof(delivered_to) = 'array')
    `);
    await knex.raw(
      `create index outbox_events_due_idx on outbox_events (tenant_id, next_attempt_at, seq) where status = 'pending'`,
    );
    await knex.raw(
      `create index outbox_events_dead_idx on outbox_events (tenant_id, created_at) where status = 'dead'`,
    );
    await knex.schema.createTable('workflow_migration_runs', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.text('workflow_key').notNullable();
      t.integer('from_version').notNullable();
      t.integer('to_version').notNullable();
      t.jsonb('state_map').notNullable();
      t.text('status').notNullable().defaultTo('running');
      t.integer('moved').notNullable().defaultTo(0);
      t.integer('failed').notNullable().defaultTo(0);
      t.jsonb('failures').notNullable().defaultTo('[]');
      t.text('started_by').notNullable();
      t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('finished_at', { useTz: true });
      t.primary(['tenant_id', 'id']);
      t.index(['tenant_id', 'workflow_key']);
    });
    await knex.raw(`
      alter table workflow_migration_runs
        add constraint workflow_migration_runs_status_check check (status in ('running', 'finished', 'failed'))
    `);
    await enableTenantIsolation(knex, 'inquiry_timers', ['select', 'insert', 'update', 'delete']);
    await enableTenantIsolation(knex, 'outbox_events', ['select', 'insert', 'update']);
    await knex.raw(`grant usage on sequence outbox_events_seq_seq to ${APP_ROLE}`);
    await enableTenantIsolation(knex, 'workflow_migration_runs', ['select', 'insert', 'update']);
  },
};
