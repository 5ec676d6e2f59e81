import type { Locale } from '../../i18n/locales.js';
import type { Channel, InquiryKind } from '../../registry/types.js';
import type { PublicStatus } from '../definition/types.js';
import type { Applicant, HistoryEntry, HistoryKind, Inquiry } from './types.js';

/** A row of `inquiries` as the database returns it. */
export interface InquiryRow {
  tenant_id: string;
  id: string;
  tracking_number: string;
  kind: string;
  service_code: string;
  service_version: number;
  workflow_key: string;
  workflow_version: number;
  parent_id: string | null;
  applicant_type: string;
  applicant: Applicant;
  applicant_key: string;
  locale: string;
  form_data: Record<string, unknown>;
  channel: string;
  agency_code: string | null;
  state: string;
  public_status: string;
  candidate_role: string | null;
  assignee_id: string | null;
  escalated: boolean;
  filed_at: Date;
  filed_by: string;
  state_entered_at: Date;
  due_at: Date | null;
  state_due_at: Date | null;
  state_breached_at: Date | null;
  overall_breached_at: Date | null;
  paused_at: Date | null;
  closed_at: Date | null;
  version: number;
  updated_at: Date;
  overall_sla: { unit: 'working_days' | 'working_hours' | 'minutes'; value: number } | null;
}

/** A row of `inquiry_history`. */
export interface HistoryRow {
  tenant_id: string;
  inquiry_id: string;
  seq: number;
  at: Date;
  kind: string;
  action: string | null;
  from_state: string | null;
  to_state: string;
  workflow_version: number;
  actor_id: string;
  actor_role: string;
  on_behalf_of: string | null;
  comment: string | null;
  documents: string[];
  public: boolean;
  details: Record<string, unknown>;
}

export function inquiryFromRow(row: InquiryRow): Inquiry {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    trackingNumber: row.tracking_number,
    kind: row.kind as InquiryKind,
    serviceCode: row.service_code,
    serviceVersion: row.service_version,
    workflowKey: row.workflow_key,
    workflowVersion: row.workflow_version,
    parentId: row.parent_id,
    applicant: row.applicant,
    applicantKey: row.applicant_key,
    locale: row.locale as Locale,
    formData: row.form_data,
    channel: row.channel as Channel,
    agencyCode: row.agency_code,
    state: row.state,
    publicStatus: row.public_status as PublicStatus,
    candidateRole: row.candidate_role,
    assigneeId: row.assignee_id,
    escalated: row.escalated,
    filedAt: row.filed_at,
    filedBy: row.filed_by,
    stateEnteredAt: row.state_entered_at,
    dueAt: row.due_at,
    stateDueAt: row.state_due_at,
    stateBreachedAt: row.state_breached_at,
    overallBreachedAt: row.overall_breached_at,
    pausedAt: row.paused_at,
    closedAt: row.closed_at,
    version: row.version,
    updatedAt: row.updated_at,
    overallSla: row.overall_sla,
  };
}

export function historyFromRow(row: HistoryRow): HistoryEntry {
  return {
    inquiryId: row.inquiry_id,
    seq: row.seq,
    at: row.at,
    kind: row.kind as HistoryKind,
    action: row.action,
    fromState: row.from_state,
    toState: row.to_state,
    workflowVersion: row.workflow_version,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    onBehalfOf: row.on_behalf_of,
    comment: row.comment,
    documents: row.documents,
    public: row.public,
    details: row.details,
  };
}
