import type { Inquiry, InquirySearchHit, Locale, PublicHistoryEntry, PublicStatus } from '@darcha/core';
import { open311DateTime } from './open311-dates.js';
import type { Open311Element } from './open311-document.js';

/** Public statuses that GeoReport v2 calls `closed`; every other one is `open`. */
export const CLOSED_STATUSES: readonly PublicStatus[] = ['completed', 'rejected'];
export const OPEN_STATUSES: readonly PublicStatus[] = [
  'submitted',
  'in_progress',
  'action_required',
  'ready',
];

/** What a request element needs besides the inquiry: the tenant's zone and the names to show. */
export interface RequestViewContext {
  timeZone: string;
  chain: readonly Locale[];
  serviceName(inquiry: Inquiry): string;
  agencyName(agencyCode: string | null): string | null;
}

/**
 * A `request` element. Only what the public may see: the tracking number, service, public status
 * and dates, the agency, and the request parameters the service keeps in its form under their
 * Open311 names (`description`, `address_string`, `address_id`, `zipcode`, `lat`, `long`,
 * `media_url`). Never the applicant (names, PINFL, TIN, phone, e-mail) nor other form fields.
 * `status_notes` is the comment of the latest public step. With `history` (the `extensions=true`
 * extension) it adds `detailed_status` (the public status) and the public history as `notes`.
 */
export function requestElement(
  hit: InquirySearchHit,
  context: RequestViewContext,
  history?: readonly PublicHistoryEntry[],
): Open311Element {
  const { inquiry } = hit;
  const form = inquiry.formData;
  const at = (instant: Date | null) => (instant ? open311DateTime(instant, context.timeZone) : null);
  const element: Open311Element = {
    service_request_id: inquiry.trackingNumber,
    status: CLOSED_STATUSES.includes(inquiry.publicStatus) ? 'closed' : 'open',
    status_notes: hit.lastPublicComment,
    service_name: context.serviceName(inquiry),
    service_code: inquiry.serviceCode,
    description: text(form['description']),
    agency_responsible: context.agencyName(inquiry.agencyCode),
    service_notice: null,
    requested_datetime: at(inquiry.filedAt),
    updated_datetime: at(inquiry.updatedAt),
    expected_datetime: at(inquiry.dueAt),
    address: text(form['address_string']),
    address_id: text(form['address_id']),
    zipcode: text(form['zipcode']),
    lat: coordinate(form['lat']),
    long: coordinate(form['long']),
    media_url: text(form['media_url']),
  };
  if (history) {
    element['detailed_status'] = inquiry.publicStatus;
    element['notes'] = history.map((entry): Open311Element => ({
      datetime: open311DateTime(entry.at, context.timeZone),
      summary: entry.title,
      description: entry.comment,
    }));
  }
  return element;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function coordinate(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}
