import type { TenantTransaction } from '../db/types.js';
import { staffInputInvalid, staffNotFound } from './staff.errors.js';
import { instant } from './staff-input.schema.js';
import { isUuid } from './staff-rows.js';
import type { RoutingCandidate, RoutingQuery } from './staff-types.js';

/*
 * Staff questions the workflow engine asks inside its own transaction (`trx` from
 * `db.withTenant(tenantId, ...)`), so that routing and assignment commit together with the
 * transition. Ids that are not UUIDs (`system`, `citizen:...`) name no officer.
 */

/**
 * The officers `delegateId` acts for at `at`: those with an absence covering `at` (start included, end
 * excluded) that names `delegateId` as delegate. Sorted by id. Delegation does not chain: when the
 * delegate is away too, their own delegate does not inherit the first officer's work.
 */
export async function principalsFor(
  trx: TenantTransaction,
  tenantId: string,
  delegateId: string,
  at: Date,
): Promise<string[]> {
  const when = instantOf(tenantId, at);
  if (!isUuid(delegateId)) return [];
  const ids = await trx('staff_absences')
    .where({ tenant_id: tenantId, delegate_id: delegateId })
    .where('starts_at', '<=', when)
    .where('ends_at', '>', when)
    .distinct('staff_id')
    .orderBy('staff_id')
    .pluck('staff_id');
  return ids.map(String);
}

/** True when the officer has an absence covering `at` (start included, end excluded). */
export async function isAbsent(
  trx: TenantTransaction,
  tenantId: string,
  staffId: string,
  at: Date,
): Promise<boolean> {
  const when = instantOf(tenantId, at);
  if (!isUuid(staffId)) return false;
  const row = await trx('staff_absences')
    .where({ tenant_id: tenantId, staff_id: staffId })
    .where('starts_at', '<=', when)
    .where('ends_at', '>', when)
    .first('id');
  return row !== undefined;
}

interface CandidateRow {
  id: string;
  display_name: string;
  last_assigned_at: Date | null;
  open_assigned: string | number;
}

/**
 * The officers an inquiry may be routed to at `at`: active, holding `role`, serving `agencyCode`
 * when one is given (officers without agency codes serve every agency), and not absent at `at`.
 * Each comes with the number of open inquiries assigned to them (for least-loaded routing), and
 * the list is in round-robin order: never assigned first, then the longest since their last
 * assignment, ties by id.
 */
export async function routingCandidates(
  trx: TenantTransaction,
  tenantId: string,
  query: RoutingQuery,
): Promise<RoutingCandidate[]> {
  const when = instantOf(tenantId, query.at);
  const agencyCode = query.agencyCode ?? null;
  const result = await trx.raw<{ rows: CandidateRow[] }>(
    `select s.id, s.display_name, s.last_assigned_at,
            (select count(*) from inquiries i
              where i.tenant_id = s.tenant_id and i.assignee_id = s.id and i.closed_at is null
            ) as open_assigned
       from staff_members s
      where s.tenant_id = ?
        and s.active
        and ? = any(s.roles)
        and (?::text is null or cardinality(s.agency_codes) = 0 or ?::text = any(s.agency_codes))
        and not exists (
          select 1 from staff_absences a
           where a.tenant_id = s.tenant_id and a.staff_id = s.id
             and a.starts_at <= ? and a.ends_at > ?)
      order by s.last_assigned_at asc nulls first, s.id`,
    [tenantId, String(query.role), agencyCode, agencyCode, when, when],
  );
  return result.rows.map((r) => ({
    staffId: r.id,
    displayName: r.display_name,
    lastAssignedAt: r.last_assigned_at,
    openAssigned: Number(r.open_assigned),
  }));
}

/**
 * Of `staffIds`, those whose rows this transaction could lock now (`FOR UPDATE SKIP LOCKED`): the
 * officers no concurrent routing is assigning to at this moment. Routing takes the first of these in
 * its own order, so concurrent filings spread over officers instead of queueing on one row, and a
 * routing never waits for a lock (which could deadlock with a transaction holding inquiry rows).
 */
export async function lockAvailable(
  trx: TenantTransaction,
  tenantId: string,
  staffIds: readonly string[],
): Promise<string[]> {
  const ids = staffIds.filter(isUuid);
  if (ids.length === 0) return [];
  const rows: { id: string }[] = await trx('staff_members')
    .where({ tenant_id: tenantId })
    .whereIn('id', ids)
    .forUpdate()
    .skipLocked()
    .select('id');
  return rows.map((r) => String(r.id));
}

/**
 * Records that the officer was given an inquiry at `at`, moving them to the end of the round-robin
 * order. `lastAssignedAt` never moves backwards, so assignments committed out of order keep the
 * latest. Throws `DARCHA_STAFF_NOT_FOUND` when the tenant has no such officer.
 */
export async function markAssigned(
  trx: TenantTransaction,
  tenantId: string,
  staffId: string,
  at: Date,
): Promise<void> {
  const when = instantOf(tenantId, at);
  if (!isUuid(staffId)) throw staffNotFound(tenantId, String(staffId));
  const count = await trx('staff_members')
    .where({ tenant_id: tenantId, id: staffId })
    .update({
      last_assigned_at: trx.raw('greatest(last_assigned_at, ?::timestamptz)', [when]),
    });
  if (count === 0) throw staffNotFound(tenantId, staffId);
}

function instantOf(tenantId: string, at: Date): Date {
  const problems: Parameters<typeof instant>[2] = [];
  const when = instant(at, '/at', problems);
  if (!when) {
    throw staffInputInvalid(
      tenantId,
      'Routing query',
      problems.length > 0 ? problems : [{ field: '/at', message: 'is required' }],
    );
  }
  return when;
}

/**
 * The staff questions of this module as one object, in the shape the workflow engine takes as its
 * `staff` option.
 */
export const postgresStaffQueries = Object.freeze({
  principalsFor,
  isAbsent,
  routingCandidates,
  markAssigned,
  lockAvailable,
});
