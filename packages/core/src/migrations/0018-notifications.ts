import { enableTenantIsolation } from '../db/tenant-table.js';
import { APP_ROLE, type Migration } from '../db/types.js';

/**
 * Notifications, both tenant tables:
 * - `notification_messages`: every message rendered for a citizen, one per outbox event and kind
 *   (`sms` or `email`), so a redelivered event never sends twice. `status` is `pending` while it
 *   is being sent, `sent` once a channel plugin took it, `recorded` when the built-in `database`
 *   channel only kept it (no provider installed), `failed` after a channel threw (the outbox
 *   retries it). `claimed_until` keeps two deliveries of one event from sending at the same
 *   time. `confidential` marks bodies a citizen is never shown (sign-in codes). Rows are
 *   never deleted (no delete grant).
 * - `notification_templates`: a tenant's own text of a core message, per template and locale.
 */
export const notifications: Migration = {
  name: '0018_notifications',
  async up(knex) {
    await knex.schema.createTable('notification_messages', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      // Insertion order, to list messages made in the same instant in the order they were made.
      t.bigIncrements('seq', { primaryKey: false });
      t.uuid('event_id').notNullable();
      t.text('event_type').notNullable();
      t.uuid('inquiry_id');
      t.text('template').notNullable();
      t.text('kind').notNullable();
      t.text('channel_id').notNullable();
      t.text('recipient').notNullable();
      t.text('locale').notNullable();
      t.text('subject');
      t.text('body').notNullable();
      t.boolean('confidential').notNullable().defaultTo(false);
      t.text('status').notNullable().defaultTo('pending');
      t.integer('attempts').notNullable().defaultTo(0);
      t.text('last_error');
      // While a delivery is handing the message to a channel: another one waits until then.
      t.timestamp('claimed_until', { useTz: true });
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('sent_at', { useTz: true });
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'event_id', 'kind'], { indexName: 'notification_messages_event_unique' });
      t.foreign(['tenant_id', 'inquiry_id']).references(['tenant_id', 'id']).inTable('inquiries');
      t.index(['tenant_id', 'inquiry_id', 'created_at'], 'notification_messages_inquiry_idx');
      t.index(['tenant_id', 'created_at'], 'notification_messages_created_idx');
    });
    await knex.raw(`
      alter table notification_messages
        add constraint notification_messages_kind_check check (kind in ('sms', 'email')),
        add constraint notification_messages_status_check
          check (status in ('pending', 'recorded', 'sent', 'failed')),
        add constraint notification_messages_locale_check check (locale in ('uz-Latn', 'uz-Cyrl', 'ru', 'en')),
        add constraint notification_messages_attempts_check check (attempts >= 0),
        add constraint notification_messages_sent_check
          check ((status in ('recorded', 'sent')) = (sent_at is not null))
    `);

    await knex.schema.createTable('notification_templates', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('template').notNullable();
      t.text('locale').notNullable();
      t.text('subject');
      t.text('body').notNullable();
      t.text('updated_by').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'template', 'locale']);
    });
    await knex.raw(`
      alter table notification_templates
        add constraint notification_templates_locale_check check (locale in ('uz-Latn', 'uz-Cyrl', 'ru', 'en')),
        add constraint notification_templates_body_check check (length(body) between 1 and 5000),
        add constraint notification_templates_subject_check check (subject is null or length(subject) between 1 and 300)
    `);

    await enableTenantIsolation(knex, 'notification_messages', ['select', 'insert', 'update']);
    await knex.raw(`grant usage on sequence notification_messages_seq_seq to ${APP_ROLE}`);
    await enableTenantIsolation(knex, 'notification_templates');
  },
};
