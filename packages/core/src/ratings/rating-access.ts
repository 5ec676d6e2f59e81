import type { Actor } from '../workflow/inquiry/types.js';

/** Roles that see every review of the city. */
const CITY_WIDE_READERS = ['city_admin', 'auditor'];

/**
 * Whether the actor may rate an inquiry: the citizen who owns it (filed with their PINFL or TIN, or
 * opened with its receipt), or the front office recording the citizen's rating at the desk (a
 * front-office member, or a front-office key of a desk kiosk).
 */
export function mayRate(actor: Actor, inquiry: { id: string; applicantKey: string }): boolean {
  if (actor.kind === 'citizen') {
    return (
      (actor.applicantKey !== undefined && actor.applicantKey === inquiry.applicantKey) ||
      (actor.inquiryIds ?? []).includes(inquiry.id)
    );
  }
  return (actor.kind === 'staff' || actor.kind === 'integration') && actor.roles.includes('front_office');
}

/**
 * Which agencies' reviews the actor may read: `'all'` (city admins, auditors, supervisors without
 * agencies), the supervisor's agencies, or `undefined` when the actor may read none.
 */
export function readableAgencies(actor: Actor): 'all' | readonly string[] | undefined {
  if (actor.kind !== 'staff' && actor.kind !== 'integration') return undefined;
  if (actor.roles.some((role) => CITY_WIDE_READERS.includes(role))) return 'all';
  if (!actor.roles.includes('supervisor')) return undefined;
  const agencies = actor.agencyCodes ?? [];
  return agencies.length === 0 ? 'all' : agencies;
}

/** Whether the actor may close a review of `agencyCode`: a city admin, or a supervisor of that agency. */
export function mayCloseReview(actor: Actor, agencyCode: string | null): boolean {
  if (actor.kind !== 'staff') return false;
  if (actor.roles.includes('city_admin')) return true;
  if (!actor.roles.includes('supervisor')) return false;
  const agencies = actor.agencyCodes ?? [];
  return agencies.length === 0 || (agencyCode !== null && agencies.includes(agencyCode));
}
