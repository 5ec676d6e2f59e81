import { enableTenantIsolation } from '../db/tenant-table.js';
import type { Migration } from '../db/types.js';

/**
 * Inquiries and what belongs to them, all tenant tables:
 * - `tracking_counters`: the last tracking number per prefix and year; filing increments it in its
 *   own transaction, so numbers are gap-free (a rolled-back filing rolls the counter back too).
 * - `inquiries`: one request by one applicant, pinned to a service version and a workflow version,
 *   with `version` as its optimistic lock (it equals the number of history rows).
 * - `inquiry_history`: append-only (the app role may read and insert, never update or delete).
 * - `inquiry_attachments`: metadata of uploaded files; the bytes live in the file store by sha256.
 * - `idempotency_keys`: the first result of a request carrying an `Idempotency-Key`, per scope.
 */
export const inquiries: Migration = {
  name: '0010_inquiries',
  async up(knex) {
    await knex.schema.createTable('tracking_counters', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('prefix').notNullable();
      t.integer('year').notNullable();
      t.integer('last_value').notNullable();
      t.primary(['tenant_id', 'prefix', 'year']);
    });
    await knex.schema.createTable('inquiries', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.text('tracking_number').notNullable();
      t.text('kind').notNullable();
      t.text('service_code').notNullable();
      t.integer('service_version').notNullable();
      t.text('workflow_key').notNullable();
      t.integer('workflow_version').notNullable();
      t.uuid('parent_id');
      t.text('applicant_type').notNullable();
      t.jsonb('applicant').notNullable();
      t.text('applicant_key').notNullable(); // PINFL or TIN, for search
      t.text('locale').notNullable();
      t.jsonb('form_data').notNullable();
      t.text('channel').notNullable();
      t.text('agency_code');
      t.text('state').notNullable();
      t.text('public_status').notNullable();
      t.text('candidate_role');
      t.uuid('assignee_id');
      t.boolean('escalated').notNullable().defaultTo(false);
      t.timestamp('filed_at', { useTz: true }).notNullable();
      t.text('filed_by').notNullable();
      t.timestamp('state_entered_at', { useTz: true }).notNullable();
      t.timestamp('due_at', { useTz: true });
      t.timestamp('state_due_at', { useTz: true });
      t.timestamp('state_breached_at', { useTz: true });
      t.timestamp('overall_breached_at', { useTz: true });
      t.timestamp('paused_at', { useTz: true });
      t.timestamp('closed_at', { useTz: true });
      t.integer('version').notNullable().defaultTo(1);
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'tracking_number']);
      t.foreign(['tenant_id', 'parent_id']).references(['tenant_id', 'id']).inTable('inquiries');
      t.foreign(['tenant_id', 'agency_code']).references(['tenant_id', 'code']).inTable('agencies');
      t.foreign(['tenant_id', 'assignee_id']).references(['tenant_id', 'id']).inTable('staff_members');
      t.index(['tenant_id', 'parent_id']);
      t.index(['tenant_id', 'applicant_key']);
    });
    await knex.raw(`
      alter table inquiries
        add constraint inquiries_kind_check check (kind in ('service', 'information', 'appeal')),
        add constraint inquiries_channel_check check (channel in ('desk', 'online', 'api')),
        add constraint inquiries_applicant_type_check check (applicant_type in ('individual', 'legal_entity')),
        add constraint inquiries_public_status_check check (public_status in
          ('submitted', 'in_progress', 'action_required', 'ready', 'completed', 'rejected')),
        add constraint inquiries_version_check check (version >= 1),
        add constraint inquiries_applicant_check check (jsonb_typeof(applicant) = 'object'),
        add constraint inquiries_form_data_check check (jsonb_typeof(form_data) = 'object')
    `);
    await knex.schema.createTable('inquiry_history', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('inquiry_id').notNullable();
      t.integer('seq').notNullable(); // the inquiry's version after this change
      t.timestamp('at', { useTz: true }).notNullable();
      t.text('kind').notNullable();
      t.text('action');
      t.text('from_state');
      t.text('to_state').notNullable();
      t.integer('workflow_version').notNullable();
      t.text('actor_id').notNullable();
      t.text('actor_role').notNullable();
      t.text('on_behalf_of');
      t.text('comment');
      t.jsonb('documents').notNullable().defaultTo('[]');
      t.boolean('public').notNullable().defaultTo(false);
      t.jsonb('details').notNullable().defaultTo('{}');
      t.primary(['tenant_id', 'inquiry_id', 'seq']);
      t.foreign(['tenant_id', 'inquiry_id']).references(['tenant_id', 'id']).inTable('inquiries');
    });
    await knex.raw(`
      alter table inquiry_history
        add constraint inquiry_history_seq_check check (seq >= 1),
        add constraint inquiry_history_kind_check check (kind in
          ('filed', 'transition', 'assignment', 'migration', 'escalation', 'breach')),
        add constraint inquiry_history_documents_check check (jsonb_typeof(documents) = 'array'),
        add constraint inquiry_history_details_check check (jsonb_typeof(details) = 'object')
    `);
    await knex.schema.createTable('inquiry_attachments', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.uuid('inquiry_id').notNullable();
      t.text('document_code').notNullable();
      t.text('file_name').notNullable();
      t.text('media_type').notNullable();
      t.bigInteger('size_bytes').notNullable();
      t.text('sha256').notNullable();
      t.text('uploaded_by').notNullable();
      t.timestamp('uploaded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'id']);
      t.foreign(['tenant_id', 'inquiry_id']).references(['tenant_id', 'id']).inTable('inquiries');
      t.index(['tenant_id', 'inquiry_id']);
    });
    await knex.raw(`
      alter table inquiry_attachments
        add constraint inquiry_attachments_sha256_check check (sha256 ~ '^[0-9a-f]{64}$'),
        add constraint inquiry_attachments_size_check check (size_bytes >= 0)
    `);
    await knex.schema.createTable('idempotency_keys', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('scope').notNullable();
      t.text('key').notNullable();
      t.text('request_hash').notNullable();
      t.jsonb('result');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'scope', 'key']);
    });
    await enableTenantIsolation(knex, 'tracking_counters', ['select', 'insert', 'update']);
    await enableTenantIsolation(knex, 'inquiries', ['select', 'insert', 'update']);
    await enableTenantIsolation(knex, 'inquiry_history', ['select', 'insert']);
    await enableTenantIsolation(knex, 'inquiry_attachments', ['select', 'insert']);
    await enableTenantIsolation(knex, 'idempotency_keys', ['select', 'insert', 'update', 'delete']);
  },
};
