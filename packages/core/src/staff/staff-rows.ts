import type { TenantTransaction } from '../db/types.js';
import { missingCodes } from '../registry/missing-codes.js';
import { staffAgencyUnknown, staffDeskUnknown, staffNotFound } from './staff.errors.js';
import { UUID_PATTERN } from './staff-input.schema.js';
import type { StaffAbsence, StaffMember } from './staff-types.js';

/** A row of the tenant table `staff_members`. */
export interface StaffRow {
  tenant_id: string;
  id: string;
  display_name: string;
  roles: string[];
  agency_codes: string[];
  desk_codes: string[];
  active: boolean;
  last_assigned_at: Date | null;
}

/** A row of the tenant table `staff_absences`. */
export interface AbsenceRow {
  id: string;
  staff_id: string;
  delegate_id: string | null;
  starts_at: Date;
  ends_at: Date;
  reason: string | null;
}

/**
 * The staff member's row locked `FOR NO KEY UPDATE` (changes to one officer, and their absences, are
 * serialised, while foreign-key checks of other rows that point at the officer do not wait), or
 * `DARCHA_STAFF_NOT_FOUND`.
 */
export async function lockStaff(
  trx: TenantTransaction,
  tenantId: string,
  staffId: string,
): Promise<StaffRow> {
  const row = await findStaff(trx, tenantId, staffId, true);
  if (!row) throw staffNotFound(tenantId, String(staffId));
  return row;
}

/** The staff member's row, or undefined when the tenant has none with that id (or it is no UUID). */
export async function findStaff(
  trx: TenantTransaction,
  tenantId: string,
  staffId: string,
  lock = false,
): Promise<StaffRow | undefined> {
  if (!isUuid(staffId)) return undefined;
  const query = trx<StaffRow>('staff_members').where({ tenant_id: tenantId, id: staffId }).first();
  return lock ? query.forNoKeyUpdate() : query;
}

/**
 * Throws `DARCHA_STAFF_AGENCY_UNKNOWN`, naming every missing code, unless all agencies exist in the
 * tenant. Staff rows have no foreign key to `agencies` (an array column cannot have one), so the
 * agencies found are locked `FOR SHARE` until the caller commits.
 */
export async function assertAgenciesExist(
  trx: TenantTransaction,
  tenantId: string,
  codes: readonly string[],
): Promise<void> {
  const missing = await missingCodes(trx, 'agencies', tenantId, codes);
  if (missing.length > 0) throw staffAgencyUnknown(tenantId, missing);
}

/** Throws `DARCHA_STAFF_DESK_UNKNOWN` unless every desk code names a desk of the tenant. */
export async function assertDesksExist(
  trx: TenantTransaction,
  tenantId: string,
  codes: readonly string[],
): Promise<void> {
  const missing = await missingCodes(trx, 'desks', tenantId, codes);
  if (missing.length > 0) throw staffDeskUnknown(tenantId, missing);
}

/** True for a UUID string; other ids name no row and must not reach a uuid column. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

export function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    displayName: row.display_name,
    roles: [...row.roles],
    agencyCodes: [...row.agency_codes],
    deskCodes: [...(row.desk_codes ?? [])],
    active: row.active,
    lastAssignedAt: row.last_assigned_at,
  };
}

export function toAbsence(row: AbsenceRow): StaffAbsence {
  return {
    id: row.id,
    staffId: row.staff_id,
    delegateId: row.delegate_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    reason: row.reason,
  };
}
