import type { BulkColumn } from './bulk-insert.js';
import type { GeneratedInquiry } from './generated-inquiry.js';

/** Rows keyed by column name, as {@link bulkInsert} sends them. */
type Row = Record<string, unknown>;

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

export const INQUIRY_COLUMNS: readonly BulkColumn[] = [
  ['id', 'uuid'],
  ['tracking_number', 'text'],
  ['kind', 'text'],
  ['service_code', 'text'],
  ['service_version', 'int'],
  ['workflow_key', 'text'],
  ['workflow_version', 'int'],
  ['applicant_type', 'text'],
  ['applicant', 'jsonb'],
  ['applicant_key', 'text'],
  ['locale', 'text'],
  ['form_data', 'jsonb'],
  ['channel', 'text'],
  ['agency_code', 'text'],
  ['state', 'text'],
  ['public_status', 'text'],
  ['candidate_role', 'text'],
  ['assignee_id', 'uuid'],
  ['escalated', 'boolean'],
  ['filed_at', 'timestamptz'],
  ['filed_by', 'text'],
  ['state_entered_at', 'timestamptz'],
  ['due_at', 'timestamptz'],
  ['state_due_at', 'timestamptz'],
  ['state_breached_at', 'timestamptz'],
  ['overall_breached_at', 'timestamptz'],
  ['paused_at', 'timestamptz'],
  ['closed_at', 'timestamptz'],
  ['version', 'int'],
  ['updated_at', 'timestamptz'],
  ['overall_sla', 'jsonb'],
];

/** The inquiry as `insertInquiry` and the later changes leave it. */
export function inquiryRow(g: GeneratedInquiry, trackingNumber: string): Row {
  const { sim, service, applicant } = g;
  const c = sim.clock;
  return {
    id: g.id,
    tracking_number: trackingNumber,
    kind: service.definition.kind,
    service_code: service.serviceCode,
    service_version: service.version,
    workflow_key: sim.workflow.key,
    workflow_version: sim.workflow.version,
    applicant_type: applicant.type,
    applicant,
    applicant_key: applicant.type === 'individual' ? applicant.pinfl : applicant.tin,
    locale: g.locale,
    form_data: g.formData,
    channel: 'desk',
    agency_code: service.agencyCode,
    state: c.state,
    public_status: sim.publicStatus,
    candidate_role: sim.candidateRole,
    assignee_id: sim.assigneeId,
    escalated: sim.escalated,
    filed_at: iso(sim.filedAt),
    filed_by: sim.history[0]!.actorId,
    state_entered_at: iso(c.stateEnteredAt),
    due_at: iso(c.dueAt),
    state_due_at: iso(c.stateDueAt),
    state_breached_at: iso(c.stateBreachedAt),
    overall_breached_at: iso(c.overallBreachedAt),
    paused_at: iso(c.pausedAt),
    closed_at: iso(c.closedAt),
    version: sim.version,
    updated_at: iso(sim.lastAt),
    overall_sla: { unit: service.sla.unit, value: service.sla.value },
  };
}

export const HISTORY_COLUMNS: readonly BulkColumn[] = [
  ['inquiry_id', 'uuid'],
  ['seq', 'int'],
  ['at', 'timestamptz'],
  ['kind', 'text'],
  ['action', 'text'],
  ['from_state', 'text'],
  ['to_state', 'text'],
  ['workflow_version', 'int'],
  ['actor_id', 'text'],
  ['actor_role', 'text'],
  ['comment', 'text'],
  ['documents', 'jsonb'],
  ['public', 'boolean'],
  ['details', 'jsonb'],
];

export function historyRows(g: GeneratedInquiry): Row[] {
  return g.sim.history.map((h) => ({
    inquiry_id: g.id,
    seq: h.seq,
    at: iso(h.at),
    kind: h.kind,
    action: h.action,
    from_state: h.fromState,
    to_state: h.toState,
    workflow_version: h.workflowVersion,
    actor_id: h.actorId,
    actor_role: h.actorRole,
    comment: h.comment,
    documents: [],
    public: h.public,
    details: h.details,
  }));
}

export const INVOICE_COLUMNS: readonly BulkColumn[] = [
  ['id', 'uuid'],
  ['inquiry_id', 'uuid'],
  ['service_code', 'text'],
  ['service_version', 'int'],
  ['agency_code', 'text'],
  ['status', 'text'],
  ['total', 'bigint'],
  ['paid_amount', 'bigint'],
  ['lines', 'jsonb'],
  ['quote', 'jsonb'],
  ['partial_allowed', 'boolean'],
  ['issued_at', 'timestamptz'],
  ['due_at', 'timestamptz'],
  ['paid_at', 'timestamptz'],
  ['expired_at', 'timestamptz'],
  ['created_by', 'text'],
  ['updated_at', 'timestamptz'],
];

/** The invoice as `ensureInvoice` made it (by the system, on filing) and the payment or expiry left it. */
export function invoiceRow(g: GeneratedInquiry): Row | null {
  const invoice = g.invoice;
  if (!invoice) return null;
  const { quote, payment } = invoice;
  const status = payment ? 'paid' : invoice.expiredAt ? 'expired' : 'issued';
  return {
    id: invoice.id,
    inquiry_id: g.id,
    service_code: g.service.serviceCode,
    service_version: g.service.version,
    agency_code: g.service.agencyCode,
    status,
    total: quote.total,
    paid_amount: payment ? quote.total : 0,
    lines: quote.lines,
    quote,
    partial_allowed: quote.partialPayments,
    issued_at: iso(invoice.issuedAt),
    due_at: iso(invoice.dueAt),
    paid_at: iso(payment?.at ?? null),
    expired_at: iso(payment ? null : invoice.expiredAt),
    created_by: 'system',
    updated_at: iso(payment?.at ?? invoice.expiredAt ?? invoice.issuedAt),
  };
}

export const PAYMENT_COLUMNS: readonly BulkColumn[] = [
  ['id', 'uuid'],
  ['invoice_id', 'uuid'],
  ['inquiry_id', 'uuid'],
  ['method', 'text'],
  ['status', 'text'],
  ['amount', 'bigint'],
  ['receipt_number', 'text'],
  ['receipt_year', 'int'],
  ['received_by', 'text'],
  ['started_by', 'text'],
  ['started_at', 'timestamptz'],
  ['confirmed_at', 'timestamptz'],
];

/** The confirmed desk payment as `payAtDesk` books it. */
export function paymentRow(g: GeneratedInquiry, receiptNumber: string, receiptYear: number): Row {
  const invoice = g.invoice!;
  const payment = invoice.payment!;
  return {
    id: payment.id,
    invoice_id: invoice.id,
    inquiry_id: g.id,
    method: payment.method,
    status: 'confirmed',
    amount: invoice.quote.total,
    receipt_number: receiptNumber,
    receipt_year: receiptYear,
    received_by: payment.cashier.id,
    started_by: payment.cashier.id,
    started_at: iso(payment.at),
    confirmed_at: iso(payment.at),
  };
}

export const AUDIT_COLUMNS: readonly BulkColumn[] = [
  ['id', 'uuid'],
  ['at', 'timestamptz'],
  ['actor', 'text'],
  ['action', 'text'],
  ['subject_type', 'text'],
  ['subject_id', 'text'],
  ['details', 'jsonb'],
];

/**
 * The audit entries the payment service and the rating service wrote for the inquiry:
 * `invoice.issue`, then `payment.receive` or `invoice.expire`, and `rating.review.close`.
 */
export function auditRows(g: GeneratedInquiry, receiptNumber: string | null, id: () => string): Row[] {
  const rows: Row[] = [];
  const invoice = g.invoice;
  if (invoice) {
    const total = invoice.quote.total;
    rows.push({
      id: id(),
      at: iso(invoice.issuedAt),
      actor: 'system',
      action: 'invoice.issue',
      subject_type: 'invoice',
      subject_id: invoice.id,
      details: { inquiryId: g.id, total, serviceCode: g.service.serviceCode },
    });
    if (invoice.payment) {
      rows.push({
        id: id(),
        at: iso(invoice.payment.at),
        actor: invoice.payment.cashier.id,
        action: 'payment.receive',
        subject_type: 'payment',
        subject_id: invoice.payment.id,
        details: {
          invoiceId: invoice.id,
          inquiryId: g.id,
          amount: total,
          method: invoice.payment.method,
          providerId: null,
          receiptNumber,
          invoicePaid: true,
        },
      });
    } else if (invoice.expiredAt) {
      rows.push({
        id: id(),
        at: iso(invoice.expiredAt),
        actor: 'system',
        action: 'invoice.expire',
        subject_type: 'invoice',
        subject_id: invoice.id,
        details: { inquiryId: g.id, dueAt: invoice.dueAt.toISOString() },
      });
    }
  }
  const review = g.rating?.review;
  if (review?.closed) {
    rows.push({
      id: id(),
      at: iso(review.closed.at),
      actor: review.closed.by,
      action: 'rating.review.close',
      subject_type: 'rating_review',
      subject_id: review.id,
      details: { inquiryId: g.id, score: g.rating!.score, resolution: review.closed.resolution },
    });
  }
  return rows;
}

export const RATING_COLUMNS: readonly BulkColumn[] = [
  ['inquiry_id', 'uuid'],
  ['score', 'smallint'],
  ['comment', 'text'],
  ['service_code', 'text'],
  ['agency_code', 'text'],
  ['outcome', 'text'],
  ['rated_at', 'timestamptz'],
  ['rated_by', 'text'],
];

export function ratingRow(g: GeneratedInquiry): Row | null {
  const rating = g.rating;
  if (!rating) return null;
  return {
    inquiry_id: g.id,
    score: rating.score,
    comment: rating.comment,
    service_code: g.service.serviceCode,
    agency_code: g.service.agencyCode,
    outcome: rating.outcome,
    rated_at: iso(rating.ratedAt),
    rated_by: rating.ratedBy,
  };
}

export const REVIEW_COLUMNS: readonly BulkColumn[] = [
  ['id', 'uuid'],
  ['inquiry_id', 'uuid'],
  ['score', 'smallint'],
  ['agency_code', 'text'],
  ['status', 'text'],
  ['opened_at', 'timestamptz'],
  ['closed_at', 'timestamptz'],
  ['closed_by', 'text'],
  ['resolution', 'text'],
];

/** The review a low rating opened, closed by a supervisor when the city has one. */
export function reviewRow(g: GeneratedInquiry): Row | null {
  const review = g.rating?.review;
  if (!review) return null;
  return {
    id: review.id,
    inquiry_id: g.id,
    score: g.rating!.score,
    agency_code: g.service.agencyCode,
    status: review.closed ? 'closed' : 'open',
    opened_at: iso(review.openedAt),
    closed_at: iso(review.closed?.at ?? null),
    closed_by: review.closed?.by ?? null,
    resolution: review.closed?.resolution ?? null,
  };
}
