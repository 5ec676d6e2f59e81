import type { InquiryRow } from '../workflow/inquiry/inquiry-rows.js';
import type { Actor } from '../workflow/inquiry/types.js';
import { paymentErrors } from './payments.errors.js';

/** Who may do what with money (checked by the service, whatever the caller). */
export const PAYMENT_ROLES = {
  /** Make an invoice now, outside the automatic moments. */
  issue: ['front_office', 'back_office', 'cashier', 'supervisor', 'city_admin', 'system'],
  /** Read invoices, payments and refunds of the city. */
  read: ['front_office', 'back_office', 'cashier', 'supervisor', 'city_admin', 'auditor', 'system'],
  cancel: ['cashier', 'supervisor', 'city_admin', 'system'],
  /** Take money at the desk. */
  desk: ['cashier'],
  /** Start a provider payment for an applicant (the applicant themselves may too). */
  start: ['front_office', 'cashier', 'supervisor', 'city_admin'],
  requestRefund: ['cashier'],
  decideRefund: ['supervisor', 'city_admin'],
} as const satisfies Record<string, readonly string[]>;

/** Throws `DARCHA_PAYMENT_FORBIDDEN` unless the actor holds one of the roles. */
export function requireRole(tenantId: string, actor: Actor, what: string, roles: readonly string[]): void {
  if (!actor.roles.some((role) => roles.includes(role))) {
    throw paymentErrors.forbidden(tenantId, actor.id, what, roles);
  }
}

/** A citizen's own inquiry: the one their receipt opened, or one filed with their PINFL or TIN. */
export function ownsInquiry(actor: Actor, inquiry: Pick<InquiryRow, 'id' | 'applicant_key'>): boolean {
  if (actor.kind !== 'citizen') return false;
  return (
    (actor.inquiryIds ?? []).includes(inquiry.id) ||
    (actor.applicantKey !== undefined && actor.applicantKey === inquiry.applicant_key)
  );
}
