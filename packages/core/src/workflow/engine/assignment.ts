import type { TenantTransaction } from '../../db/types.js';
import { DarchaError } from '../../errors/darcha-error.js';
import { inquiryFromRow, type InquiryRow } from '../inquiry/inquiry-rows.js';
import type { Actor } from '../inquiry/types.js';
import { rolesOn } from './actor-roles.js';
import { applyChange, type HistoryInput } from './apply-change.js';
import { clockOf, entryOf, throwStale, type AppliedChange, type EngineRuntime } from './transition-in.js';
import { plannedTimers } from './schedule.js';

/** Who may hand inquiries to others. */
const ASSIGNING_ROLES = ['supervisor', 'city_admin'];

/** What an assignment does: take it yourself, give it to someone, or put it back in the role's inbox. */
export type AssignmentAction = 'claim' | 'assign' | 'release';

function refused(
  code: `DARCHA_${string}`,
  kind: 'forbidden' | 'conflict' | 'invalid',
  message: string,
  hint: string,
  details: Record<string, unknown>,
): DarchaError {
  return new DarchaError({ code, kind, message, hint, details });
}

/**
 * Changes who works an inquiry, in the caller's transaction, as one versioned change with a history
 * entry (`kind: assignment`): `claim` (an officer holding the candidate role takes an unassigned
 * inquiry), `assign` (a supervisor gives it to an officer who holds the candidate role; reassigning
 * an assigned inquiry is the same), `release` (the assignee or a supervisor puts it back in the
 * role's inbox). Timers are rewritten for the new version with the same due dates.
 */
export async function assignIn(
  trx: TenantTransaction,
  rt: EngineRuntime,
  row: InquiryRow,
  input: { action: AssignmentAction; expectedVersion: number; assigneeId?: string; comment?: string },
  actor: Actor,
): Promise<AppliedChange> {
  const tenantId = rt.tenant.tenantId;
  const inquiry = inquiryFromRow(row);
  if (inquiry.version !== input.expectedVersion)
    await throwStale(trx, rt, inquiry.id, input.expectedVersion, actor);
  const details = { tenantId, inquiryId: inquiry.id, action: input.action };
  if (inquiry.closedAt !== null) {
    throw refused(
      'DARCHA_ASSIGNMENT_CLOSED',
      'conflict',
      `Inquiry ${inquiry.trackingNumber} is closed; closed inquiries are not assigned.`,
      'Reopen or appeal the inquiry first, if its workflow allows it.',
      details,
    );
  }
  const held = rolesOn(inquiry, actor);
  const supervises = ASSIGNING_ROLES.some((r) => held.has(r));
  const role = inquiry.candidateRole;
  let assigneeId: string | null;
  let actorRole: string;
  if (input.action === 'claim') {
    const candidates =
      actor.kind === 'staff' && role !== null
        ? await rt.staff.routingCandidates(trx, tenantId, {
            role,
            agencyCode: inquiry.agencyCode,
            at: rt.now,
          })
        : [];
    if (role === null || !held.has(role) || !candidates.some((c) => c.staffId === actor.id)) {
      throw refused(
        'DARCHA_ASSIGNMENT_FORBIDDEN',
        'forbidden',
        `Inquiry ${inquiry.trackingNumber} waits for the role "${role ?? 'none'}": only an active, present staff member holding it for the inquiry's agency can claim it.`,
        'Ask a supervisor to assign it, or check your roles, agencies and absences with a city administrator.',
        { ...details, candidateRole: role },
      );
    }
    if (inquiry.assigneeId !== null && inquiry.assigneeId !== actor.id) {
      throw refused(
        'DARCHA_ASSIGNMENT_TAKEN',
        'conflict',
        `Inquiry ${inquiry.trackingNumber} is already assigned to another officer.`,
        'Ask a supervisor to reassign it, or choose another inquiry from the inbox.',
        { ...details, assigneeId: inquiry.assigneeId },
      );
    }
    assigneeId = actor.id;
    actorRole = role;
  } else if (input.action === 'assign') {
    if (!supervises) {
      throw refused(
        'DARCHA_ASSIGNMENT_FORBIDDEN',
        'forbidden',
        `Assigning inquiry ${inquiry.trackingNumber} needs the supervisor or city administrator role.`,
        'Ask a supervisor; officers claim inquiries from their inbox instead.',
        details,
      );
    }
    assigneeId = input.assigneeId ?? null;
    if (assigneeId === null || role === null) {
      throw refused(
        'DARCHA_ASSIGNMENT_INVALID',
        'invalid',
        `Inquiry ${inquiry.trackingNumber} cannot be assigned: ${role === null ? 'its state has no candidate role' : 'no officer was named'}.`,
        'Name an officer who holds the role the inquiry waits for.',
        details,
      );
    }
    const candidates = await rt.staff.routingCandidates(trx, tenantId, {
      role,
      agencyCode: inquiry.agencyCode,
      at: rt.now,
    });
    if (!candidates.some((c) => c.staffId === assigneeId)) {
      throw refused(
        'DARCHA_ASSIGNMENT_INVALID',
        'invalid',
        `Officer ${assigneeId} cannot take inquiry ${inquiry.trackingNumber}: they are not an active, present officer with the role "${role}"${inquiry.agencyCode ? ` in agency "${inquiry.agencyCode}"` : ''}.`,
        "Choose an officer from the candidates of the role and agency; an absent officer's delegate works on their behalf instead.",
        { ...details, assigneeId, candidateRole: role },
      );
    }
    await rt.staff.markAssigned(trx, tenantId, assigneeId, rt.now);
    actorRole = held.has('supervisor') ? 'supervisor' : 'city_admin';
  } else {
    if (!supervises && inquiry.assigneeId !== actor.id) {
      throw refused(
        'DARCHA_ASSIGNMENT_FORBIDDEN',
        'forbidden',
        `Only the assignee or a supervisor can release inquiry ${inquiry.trackingNumber}.`,
        'Ask the assignee or a supervisor.',
        details,
      );
    }
    assigneeId = null;
    actorRole = supervises ? (held.has('supervisor') ? 'supervisor' : 'city_admin') : (role ?? 'staff');
  }
  const workflow = rt.definitions.workflow(inquiry.workflowKey, inquiry.workflowVersion);
  const history: HistoryInput = {
    kind: 'assignment',
    action: input.action,
    fromState: inquiry.state,
    toState: inquiry.state,
    workflowVersion: inquiry.workflowVersion,
    actorId: actor.id,
    actorRole,
    onBehalfOf: null,
    comment: input.comment?.trim() || null,
    documents: [],
    public: false,
    details: { from: inquiry.assigneeId, to: assigneeId },
  };
  const updated = await applyChange(trx, {
    tenantId,
    inquiryId: inquiry.id,
    expectedVersion: input.expectedVersion,
    at: rt.now,
    changes: { assignee_id: assigneeId },
    history,
    timers: plannedTimers(workflow, clockOf(row), rt.now),
    events: [
      {
        type: 'inquiry.assigned',
        payload: {
          inquiryId: inquiry.id,
          from: inquiry.assigneeId,
          assigneeId,
          version: inquiry.version + 1,
        },
      },
    ],
  });
  if (!updated) return throwStale(trx, rt, inquiry.id, input.expectedVersion, actor);
  return { row: updated, entry: entryOf(updated, history, rt.now) };
}
