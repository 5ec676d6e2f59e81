import type { Actor, Inquiry } from '../inquiry/types.js';

type InquiryScope = Pick<Inquiry, 'id' | 'agencyCode' | 'applicantKey'> & {
  applicant?: Inquiry['applicant'];
};

/**
 * The roles an actor holds on one inquiry. `citizen` only on the citizen's own inquiry; `system`
 * only for the system actor; `back_office` only on an inquiry of one of the officer's agencies
 * (an officer bound to no agency works every agency's inquiries); every other role as held.
 */
export function rolesOn(inquiry: InquiryScope, actor: Actor): Set<string> {
  const roles = new Set<string>();
  for (const role of actor.roles) {
    if (role === 'citizen') {
      if (actor.kind === 'citizen' && ownsInquiry(inquiry, actor)) roles.add(role);
    } else if (role === 'system') {
      if (actor.kind === 'system') roles.add(role);
    } else if (role === 'back_office') {
      const agencies = actor.agencyCodes ?? [];
      if (agencies.length === 0 || (inquiry.agencyCode !== null && agencies.includes(inquiry.agencyCode)))
        roles.add(role);
    } else if (actor.kind === 'staff' || actor.kind === 'integration') {
      roles.add(role);
    }
  }
  return roles;
}

/** The first of `needed` that the actor holds on the inquiry, recorded in history as the actor's role. */
export function matchingRole(held: ReadonlySet<string>, needed: readonly string[]): string | undefined {
  return needed.find((role) => held.has(role));
}

function ownsInquiry(inquiry: InquiryScope, actor: Actor): boolean {
  if (actor.inquiryIds?.includes(inquiry.id)) return true;
  if (actor.applicantKey === undefined) return false;
  if (actor.applicantKey === inquiry.applicantKey) return true;
  // The representative who filed for a business acts on its inquiries with their own PINFL.
  const applicant = inquiry.applicant;
  return applicant?.type === 'legal_entity' && applicant.representative.pinfl === actor.applicantKey;
}
