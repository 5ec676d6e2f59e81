import type { Migration } from '../db/types.js';

/**
 * The indexes behind staff inboxes (`packages/core/src/workflow/inbox/`), on `inquiries`. Each leads
 * with `tenant_id`; the work queues are partial on `closed_at is null`, so they hold only open
 * inquiries and stay small while the closed history grows. Open queues sort by the due date with
 * undated inquiries last, written `case when due_at is null then 'infinity' else due_at end`, and
 * then `id`: one key that a keyset cursor resumes from with a single row comparison. It is a `case`
 * and not `coalesce` because under row-level security only leak-proof conditions may become index
 * conditions, and PostgreSQL counts `case` as leak-proof but not `coalesce`. The inbox writes the
 * expression exactly as here.
 *
 * Every index is written on each filing, and an update that changes an indexed column (or one in an
 * index's `where`) cannot be a HOT update; so there are seven, and none holds `state`,
 * `public_status`, `state_due_at`, `paused_at` or `version`, which change on every transition:
 * - `inquiries_inbox_role_idx`: unassigned open inquiries by candidate role (bucket `role`);
 * - `inquiries_inbox_assignee_idx`: open inquiries by assignee (bucket `mine`);
 * - `inquiries_inbox_agency_idx`: open inquiries by agency (bucket `agency`);
 * - `inquiries_inbox_open_idx`: every open inquiry (`all_open`, `due_soon`, `overdue`, counts);
 * - `inquiries_inbox_escalated_idx`: the few escalated open inquiries (`escalated`);
 * - `inquiries_inbox_filed_idx`: every inquiry, newest first (`closed`, sort by filing, filing dates);
 * - `inquiries_tracking_prefix_idx`: tracking-number prefixes, whatever the database's collation
 *   (`text_pattern_ops` compares bytes, so a prefix is one range: `~>=~ 'CHR-2026-00' and ~<~ 'CHR-2026-01'`).
 */
export const inboxIndexes: Migration = {
  name: '0012_inbox_indexes',
  async up(knex) {
    const due = `(case when due_at is null then 'infinity'::timestamptz else due_at end)`;
    await knex.raw(`create index inquiries_inbox_role_idx on inquiries
      (tenant_id, candidate_role, ${due}, id) where closed_at is null and assignee_id is null`);
    await knex.raw(`create index inquiries_inbox_assignee_idx on inquiries
      (tenant_id, assignee_id, ${due}, id) where closed_at is null`);
    await knex.raw(`create index inquiries_inbox_agency_idx on inquiries
      (tenant_id, agency_code, ${due}, id) where closed_at is null`);
    await knex.raw(`create index inquiries_inbox_open_idx on inquiries
      (tenant_id, ${due}, id) where closed_at is null`);
    await knex.raw(`create index inquiries_inbox_escalated_idx on inquiries
      (tenant_id, ${due}, id) where closed_at is null and escalated`);
    await knex.raw(`create index inquiries_inbox_filed_idx on inquiries (tenant_id, filed_at desc, id desc)`);
    await knex.raw(`create index inquiries_tracking_prefix_idx on inquiries
      (tenant_id, tracking_number text_pattern_ops)`);
  },
};
