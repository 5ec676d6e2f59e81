import { enableTenantIsolation } from '../db/tenant-table.js';
import type { Migration } from '../db/types.js';

/**
 * Citizens' ratings of closed inquiries and the supervisor reviews that low ratings open. Tenant tables:
 * - `ratings`: one row per inquiry (the primary key `(tenant_id, inquiry_id)` makes "once only" hold
 *   under races too), append-only for the app role; the service and agency are copied from the
 *   inquiry so that averages need no join and survive a catalog change.
 * - `rating_reviews`: one review per rating of 3 or less, open until a supervisor closes it with a
 *   resolution note.
 */
export const ratings: Migration = {
  name: '0019_ratings',
  async up(knex) {
    await knex.schema.createTable('ratings', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('inquiry_id').notNullable();
      t.smallint('score').notNullable();
      t.text('comment');
      t.text('service_code').notNullable();
      t.text('agency_code');
      t.text('outcome').notNullable();
      t.timestamp('rated_at', { useTz: true }).notNullable();
      t.text('rated_by').notNullable();
      t.primary(['tenant_id', 'inquiry_id']);
      t.foreign(['tenant_id', 'inquiry_id']).references(['tenant_id', 'id']).inTable('inquiries');
      t.foreign(['tenant_id', 'agency_code']).references(['tenant_id', 'code']).inTable('agencies');
      t.index(['tenant_id', 'rated_at']);
      t.index(['tenant_id', 'agency_code', 'rated_at']);
      t.index(['tenant_id', 'service_code', 'rated_at']);
    });
    await knex.raw(`
      alter table ratings
        add constraint ratings_score_check check (score between 1 and 5),
        add constraint ratings_comment_check check (comment is null or char_length(comment) between 1 and 1000),
        add constraint ratings_outcome_check check (outcome in ('completed', 'rejected'))
    `);
    await knex.schema.createTable('rating_reviews', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.uuid('inquiry_id').notNullable();
      t.smallint('score').notNullable();
      t.text('agency_code');
      t.text('status').notNullable().defaultTo('open');
      t.timestamp('opened_at', { useTz: true }).notNullable();
      t.timestamp('closed_at', { useTz: true });
      t.text('closed_by');
      t.text('resolution');
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'inquiry_id']);
      t.foreign(['tenant_id', 'inquiry_id']).references(['tenant_id', 'inquiry_id']).inTable('ratings');
      t.foreign(['tenant_id', 'agency_code']).references(['tenant_id', 'code']).inTable('agencies');
      t.index(['tenant_id', 'status', 'agency_code', 'opened_at']);
    });
    await knex.raw(`
      alter table rating_reviews
        add constraint rating_reviews_score_check check (score between 1 and 3),
        add constraint rating_reviews_status_check check (
          (status = 'open' and closed_at is null and closed_by is null and resolution is null) or
          (status = 'closed' and closed_at is not null and closed_by is not null and resolution is not null)
        ),
        add constraint rating_reviews_resolution_check check (resolution is null or char_length(resolution) between 1 and 2000)
    `);
    await enableTenantIsolation(knex, 'ratings', ['select', 'insert']);
    await enableTenantIsolation(knex, 'rating_reviews', ['select', 'insert', 'update']);
  },
};
