import { APP_ROLE, type Migration } from '../db/types.js';

/**
 * Retention: the maintenance job deletes rows that have served their purpose (delivered outbox
 * events, fired timers, old idempotency keys, ended sessions, used phone codes). The app role may
 * now delete delivered outbox events, and each pruned table gets an index that finds the old rows
 * of one tenant without reading the rest.
 */
export const retention: Migration = {
  name: '0020_retention',
  async up(knex) {
    await knex.raw(`grant delete on outbox_events to ${APP_ROLE}`);
    await knex.raw(
      `create index outbox_events_delivered_idx on outbox_events (tenant_id, delivered_at) where status = 'delivered'`,
    );
    await knex.raw(
      `create index inquiry_timers_done_idx on inquiry_timers (tenant_id, fired_at) where status <> 'pending'`,
    );
    await knex.raw(`create index idempotency_keys_created_idx on idempotency_keys (tenant_id, created_at)`);
    await knex.raw(`create index staff_sessions_expires_idx on staff_sessions (tenant_id, expires_at)`);
    await knex.raw(`create index phone_challenges_expires_idx on phone_challenges (tenant_id, expires_at)`);
    await knex.raw(`create index platform_sessions_expires_idx on platform_sessions (expires_at)`);
  },
};
