import type { Knex } from 'knex';
import type { InboxBucket } from './inbox-query.js';
import type { InboxViewer } from './types.js';

/** A piece of SQL with its `?` bindings. */
export interface SqlFragment {
  sql: string;
  bindings: Knex.Value[];
}

/**
 * The due sort key of open queues: the overall due date, undated inquiries last. Written exactly as
 * in the inbox indexes (migration `0012_inbox_indexes`), or PostgreSQL will not use them; and as a
 * `case`, not `coalesce`, which row-level security does not let become an index condition.
 */
export const DUE_KEY = `case when due_at is null then 'infinity'::timestamptz else due_at end`;

/** The instants a bucket is judged against. */
export interface BucketClock {
  /** Now, from the inbox's clock: what is due by now is overdue. */
  now: Date;
  /** The `due_soon` horizon; only that bucket reads it. */
  dueBefore: Date;
}

const OPEN = 'closed_at is null';

/**
 * Which rows of `inquiries` belong to a bucket for a viewer, as a `where` fragment. The list and
 * the counts use the same fragment, so a badge always equals the length of its list.
 */
export function bucketCondition(bucket: InboxBucket, viewer: InboxViewer, clock: BucketClock): SqlFragment {
  switch (bucket) {
    case 'role':
      return roleCondition(viewer);
    case 'mine':
      return and(OPEN, oneOf('assignee_id', [viewer.id, ...viewer.actingFor], 'uuid'));
    case 'agency':
      return and(OPEN, oneOf('agency_code', viewer.agencyCodes, 'text'));
    case 'due_soon':
      // Due in (now, dueBefore], overall or in the current state; what is due by now is overdue.
      return {
        sql: `${OPEN} and paused_at is null and ((due_at > ? and due_at <= ?) or (state_due_at > ? and state_due_at <= ?))`,
        bindings: [clock.now, clock.dueBefore, clock.now, clock.dueBefore],
      };
    case 'overdue':
      // A paused inquiry's clock is stopped: its stored due dates move on when it resumes.
      return {
        sql: `${OPEN} and (state_breached_at is not null or overall_breached_at is not null or (paused_at is null and (due_at <= ? or state_due_at <= ?)))`,
        bindings: [clock.now, clock.now],
      };
    case 'escalated':
      return { sql: `${OPEN} and escalated`, bindings: [] };
    case 'all_open':
      return { sql: OPEN, bindings: [] };
    case 'closed':
      return { sql: 'closed_at is not null', bindings: [] };
  }
}

/**
 * Unassigned open inquiries waiting for a role the viewer holds. `back_office` is bound to the
 * viewer's agencies when they have any (the rule `Actor` follows when acting).
 */
function roleCondition(viewer: InboxViewer): SqlFragment {
  const scoped = viewer.roles.includes('back_office') && viewer.agencyCodes.length > 0;
  const roles = scoped ? viewer.roles.filter((r) => r !== 'back_office') : viewer.roles;
  const parts: SqlFragment[] = [];
  if (roles.length > 0) parts.push(oneOf('candidate_role', roles, 'text'));
  if (scoped)
    parts.push(and(`candidate_role = 'back_office'`, oneOf('agency_code', viewer.agencyCodes, 'text')));
  const match =
    parts.length === 0
      ? { sql: 'false', bindings: [] }
      : parts.length === 1
        ? parts[0]!
        : { sql: parts.map((p) => `(${p.sql})`).join(' or '), bindings: parts.flatMap((p) => p.bindings) };
  return and(`${OPEN} and assignee_id is null`, match);
}

/**
 * `column = value`, or `column = any(values)` for several. A single value keeps the index scan in
 * sort order (PostgreSQL 15 sorts again after an `any` over several values).
 */
function oneOf(column: string, values: readonly string[], type: 'text' | 'uuid'): SqlFragment {
  return values.length === 1
    ? { sql: `${column} = ?::${type}`, bindings: [values[0]!] }
    : { sql: `${column} = any(?::${type}[])`, bindings: [[...values]] };
}

function and(condition: string, fragment: SqlFragment): SqlFragment {
  return { sql: `${condition} and (${fragment.sql})`, bindings: fragment.bindings };
}
