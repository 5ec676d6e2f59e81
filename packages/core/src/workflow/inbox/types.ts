import type { ApplicantType } from '../../registry/types.js';
import type { PublicStatus } from '../definition/types.js';
import type { InboxBucket, InboxQuery } from './inbox-query.js';

/**
 * The staff member whose inbox is shown. The server builds it from the signed-in officer: their
 * roles and agencies, and the colleagues they currently act for (absences with them as delegate).
 */
export interface InboxViewer {
  /** The staff member's id (`staff_members.id`, a UUID). */
  id: string;
  /** Roles held in the tenant: `front_office`, `back_office`, `supervisor`, `<plugin-id>/<role>`. */
  roles: readonly string[];
  /**
   * The agencies the officer works for. `back_office` counts only on inquiries of these agencies;
   * an officer with `back_office` and no agency sees every agency's back-office queue.
   */
  agencyCodes: readonly string[];
  /** Staff ids of absent colleagues the viewer acts for now; their inquiries show under `mine`. */
  actingFor: readonly string[];
}

/** One line of an inbox: enough to draw the list and to open or act on the inquiry. */
export interface InquirySummary {
  id: string;
  trackingNumber: string;
  serviceCode: string;
  state: string;
  publicStatus: PublicStatus;
  agencyCode: string | null;
  candidateRole: string | null;
  assigneeId: string | null;
  escalated: boolean;
  applicantType: ApplicantType;
  /** `Last First Middle` for a person, the organisation's name for a legal entity. */
  applicantName: string;
  filedAt: Date;
  /** When the whole inquiry is due; null when its service has no SLA. */
  dueAt: Date | null;
  /** When the current state is due. */
  stateDueAt: Date | null;
  /** Since when the SLA clock is stopped (waiting for the citizen). */
  pausedAt: Date | null;
  closedAt: Date | null;
  /** The version to send back as `expectedVersion` when acting on the inquiry. */
  version: number;
}

/** One page of an inbox. */
export interface InboxPage {
  items: InquirySummary[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * How many inquiries each work queue holds. `closed` is not counted: it grows with the city's whole
 * history, and no one works it down.
 */
export type InboxCounts = Record<Exclude<InboxBucket, 'closed'>, number>;

/** What counting needs beyond the viewer. */
export interface InboxCountOptions {
  /** The `due_soon` horizon, computed by the caller on the tenant's working calendar. */
  dueBefore: Date;
  /**
   * Count only inquiries of these agencies: an agency's officer sees its queues, not the city's,
   * so their badges must not count other agencies' inquiries (the lists filter the same way).
   */
  agencyCodes?: readonly string[];
}

/**
 * Staff inboxes: the queues officers work all day, read with keyset pagination.
 *
 * @example
 * const page = await inbox.list('chirchik', viewer, { bucket: 'role', serviceCode: 'gas.connection' });
 * const next = page.nextCursor ? await inbox.list('chirchik', viewer, { bucket: 'role', serviceCode: 'gas.connection', cursor: page.nextCursor }) : null;
 * const badges = await inbox.counts('chirchik', viewer, { dueBefore: calendar.addWorkingHours(now, 8) });
 */
export interface Inbox {
  /** One page of a bucket, filtered and sorted as asked. */
  list(tenantId: string, viewer: InboxViewer, query: InboxQuery): Promise<InboxPage>;
  /** The size of every open bucket for the viewer, in one statement. */
  counts(tenantId: string, viewer: InboxViewer, options: InboxCountOptions): Promise<InboxCounts>;
}
