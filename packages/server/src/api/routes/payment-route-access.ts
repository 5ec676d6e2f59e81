import { PAYMENT_ROLES, paymentErrors, type Platform, type Principal } from '@darcha/core';
import { canSee, canSeeCityWide } from '../actor-of.js';
import { objectSchema } from '../request-validator.js';
import { trackingNumber } from '../schemas.js';
import { providerId } from './payment-schemas.js';

// What the routes of invoices, payments and refunds share: their tag, roles, schemas and access rules.

/** The routes' OpenAPI tag. */
export const TAG = 'Payments';
/** The staff roles among these (the system role is no caller of HTTP routes). */
export const staffRoles = (roles: readonly string[]): string[] => roles.filter((role) => role !== 'system');
/** Who may read invoices and payments over HTTP. */
export const READ = staffRoles(PAYMENT_ROLES.read);
export const TRACK_PARAMS = objectSchema({ trackingNumber }, ['trackingNumber']);
export const PROVIDER_BODY = objectSchema({ providerId }, ['providerId']);
export const NO_QUERY = objectSchema({});

/** The inquiry's invoice with its payments; 404 DARCHA_PAYMENT_NO_INVOICE when it has none. */
export async function invoiceWithPayments(platform: Platform, tenantId: string, inquiryId: string) {
  const invoice = await platform.payments.invoiceFor(tenantId, inquiryId);
  if (!invoice) throw paymentErrors.noInvoice(tenantId, inquiryId);
  return { ...invoice, payments: await platform.payments.paymentsOf(tenantId, invoice.id) };
}

/** The inquiry id a citizen's receipt proved. */
export function receiptInquiryId(
  principal: { kind: string; inquiryIds?: readonly string[] } | undefined,
): string {
  const id = principal?.kind === 'citizen' ? principal.inquiryIds?.[0] : undefined;
  if (id === undefined) throw new Error('citizen route reached without a citizen principal');
  return id;
}

/**
 * Agency officers (and their API keys) see the money of their agencies' inquiries only, as they see
 * only those inquiries; the cash desk, supervisors, administrators and auditors see the whole city.
 */
export async function mayReadMoneyOf(
  platform: Platform,
  tenantId: string,
  inquiryId: string,
  principal: Principal | undefined,
): Promise<boolean> {
  if (canSeeCityWide(principal)) return true;
  return canSee(principal, await platform.engine.get(tenantId, inquiryId));
}

/** The agencies an invoice list is narrowed to, or undefined for callers who see the whole city. */
export function agencyScope(principal: Principal | undefined): readonly string[] | undefined {
  if (canSeeCityWide(principal)) return undefined;
  if (principal?.kind !== 'staff' && principal?.kind !== 'api_key') return [];
  // An officer bound to no agency sees every agency's back office (the rule inquiries follow).
  return principal.agencyCodes.length === 0 ? undefined : principal.agencyCodes;
}
