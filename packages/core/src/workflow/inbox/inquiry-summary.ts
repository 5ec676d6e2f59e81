import type { ApplicantType } from '../../registry/types.js';
import type { PublicStatus } from '../definition/types.js';
import type { InquiryRow } from '../inquiry/inquiry-rows.js';
import type { InquirySummary } from './types.js';

/** The columns of `inquiries` an inbox line needs, plus the applicant's display name. */
export type InquirySummaryRow = Pick<
  InquiryRow,
  | 'id'
  | 'tracking_number'
  | 'service_code'
  | 'state'
  | 'public_status'
  | 'agency_code'
  | 'candidate_role'
  | 'assignee_id'
  | 'escalated'
  | 'applicant_type'
  | 'filed_at'
  | 'due_at'
  | 'state_due_at'
  | 'paused_at'
  | 'closed_at'
  | 'version'
> & { applicant_name: string };

/**
 * The select list of an inbox page. The applicant's name is put together in SQL, so the rest of
 * the applicant (PINFL, phone, e-mail) never leaves the database for a list.
 */
export const SUMMARY_COLUMNS: readonly string[] = [
  'id',
  'tracking_number',
  'service_code',
  'state',
  'public_status',
  'agency_code',
  'candidate_role',
  'assignee_id',
  'escalated',
  'applicant_type',
  'filed_at',
  'due_at',
  'state_due_at',
  'paused_at',
  'closed_at',
  'version',
];

/** SQL for the applicant's display name: `Last First Middle`, or the organisation's name. */
export const APPLICANT_NAME = `case when applicant_type = 'legal_entity' then coalesce(applicant->>'name', '')
  else concat_ws(' ', applicant->>'lastName', applicant->>'firstName', applicant->>'middleName') end`;

export function summaryFromRow(row: InquirySummaryRow): InquirySummary {
  return {
    id: row.id,
    trackingNumber: row.tracking_number,
    serviceCode: row.service_code,
    state: row.state,
    publicStatus: row.public_status as PublicStatus,
    agencyCode: row.agency_code,
    candidateRole: row.candidate_role,
    assigneeId: row.assignee_id,
    escalated: row.escalated,
    applicantType: row.applicant_type as ApplicantType,
    applicantName: row.applicant_name,
    filedAt: row.filed_at,
    dueAt: row.due_at,
    stateDueAt: row.state_due_at,
    pausedAt: row.paused_at,
    closedAt: row.closed_at,
    version: row.version,
  };
}
