import { appendAudit } from '../audit/audit-log.js';
import type { TenantTransaction } from '../db/types.js';
import { absenceNotFound, absenceOverlap, delegateInvalid, staffNotFound } from './staff.errors.js';
import { findStaff, isUuid, lockStaff, toAbsence, type AbsenceRow } from './staff-rows.js';
import type { StaffAbsence } from './staff-types.js';

/** An absence whose input has been checked: instants read, delegate and reason normalised. */
export interface NewAbsence {
  staffId: string;
  delegateId: string | null;
  startsAt: Date;
  endsAt: Date;
  reason: string | null;
}

/**
 * Records an absence inside the caller's transaction. The officer's row is locked first, so two
 * absences of the same officer recorded at once cannot both pass the overlap check.
 */
export async function insertAbsence(
  trx: TenantTransaction,
  tenantId: string,
  absence: NewAbsence,
  actor: { actor?: string },
): Promise<StaffAbsence> {
  const { staffId, delegateId, startsAt, endsAt } = absence;
  await lockStaff(trx, tenantId, staffId);
  if (delegateId !== null) {
    if (delegateId.toLowerCase() === staffId.toLowerCase()) {
      throw delegateInvalid(tenantId, staffId, delegateId, 'an officer cannot act for themselves');
    }
    const delegate = await findStaff(trx, tenantId, delegateId);
    if (!delegate) {
      throw delegateInvalid(tenantId, staffId, delegateId, 'the tenant has no staff member with that id');
    }
    if (!delegate.active) throw delegateInvalid(tenantId, staffId, delegateId, 'they are inactive');
  }
  // Half-open periods [startsAt, endsAt): one absence may end exactly when the next begins.
  const overlapping: AbsenceRow | undefined = await trx('staff_absences')
    .where({ tenant_id: tenantId, staff_id: staffId })
    .where('starts_at', '<', endsAt)
    .where('ends_at', '>', startsAt)
    .orderBy('starts_at')
    .first();
  if (overlapping) {
    throw absenceOverlap(tenantId, staffId, {
      id: overlapping.id,
      startsAt: overlapping.starts_at,
      endsAt: overlapping.ends_at,
    });
  }
  const [row]: AbsenceRow[] = await trx('staff_absences')
    .insert({
      tenant_id: tenantId,
      staff_id: staffId,
      delegate_id: delegateId,
      starts_at: startsAt,
      ends_at: endsAt,
      reason: absence.reason,
    })
    .returning(['id', 'staff_id', 'delegate_id', 'starts_at', 'ends_at', 'reason']);
  // The reason may be personal (an illness): it stays in the absence, not in the audit log.
  await appendAudit(trx, tenantId, {
    ...actor,
    action: 'staff.absence.add',
    subjectType: 'staff',
    subjectId: staffId,
    details: {
      absenceId: row!.id,
      delegateId,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    },
  });
  return toAbsence(row!);
}

/**
 * Ends an absence at `at`, inside the caller's transaction: a running absence now ends at `at`; one
 * that has not begun is removed (`null`); one already over is returned unchanged.
 */
export async function finishAbsence(
  trx: TenantTransaction,
  tenantId: string,
  absenceId: string,
  at: Date,
  actor: { actor?: string },
  staffId?: string,
): Promise<StaffAbsence | null> {
  if (!isUuid(absenceId)) throw absenceNotFound(tenantId, String(absenceId));
  const row: AbsenceRow | undefined = await trx('staff_absences')
    .where({ tenant_id: tenantId, id: absenceId })
    .forUpdate()
    .first();
  if (!row) throw absenceNotFound(tenantId, absenceId);
  if (staffId !== undefined && row.staff_id.toLowerCase() !== String(staffId).toLowerCase()) {
    throw absenceNotFound(tenantId, absenceId);
  }
  if (row.ends_at.getTime() <= at.getTime()) return toAbsence(row);
  const audit = { ...actor, subjectType: 'staff', subjectId: row.staff_id };
  if (row.starts_at.getTime() >= at.getTime()) {
    await trx('staff_absences').where({ tenant_id: tenantId, id: absenceId }).delete();
    await appendAudit(trx, tenantId, { ...audit, action: 'staff.absence.cancel', details: { absenceId } });
    return null;
  }
  const [updated]: AbsenceRow[] = await trx('staff_absences')
    .where({ tenant_id: tenantId, id: absenceId })
    .update({ ends_at: at })
    .returning(['id', 'staff_id', 'delegate_id', 'starts_at', 'ends_at', 'reason']);
  await appendAudit(trx, tenantId, {
    ...audit,
    action: 'staff.absence.end',
    details: { absenceId, endsAt: at.toISOString(), plannedEndsAt: row.ends_at.toISOString() },
  });
  return toAbsence(updated!);
}

/** An officer's absences, earliest first; `DARCHA_STAFF_NOT_FOUND` when the tenant has no such officer. */
export async function listAbsences(
  trx: TenantTransaction,
  tenantId: string,
  staffId: string,
): Promise<StaffAbsence[]> {
  const staff = await findStaff(trx, tenantId, staffId);
  if (!staff) throw staffNotFound(tenantId, String(staffId));
  const rows: AbsenceRow[] = await trx('staff_absences')
    .where({ tenant_id: tenantId, staff_id: staff.id })
    .orderBy([{ column: 'starts_at' }, { column: 'id' }]);
  return rows.map(toAbsence);
}
