import { DarchaError, type Actor, type Inquiry, type Principal } from '@darcha/core';

/** The workflow actor a caller acts as. */
export function actorOf(principal: Principal | undefined): Actor {
  switch (principal?.kind) {
    case 'staff':
      return {
        id: principal.staffId,
        kind: 'staff',
        roles: principal.roles,
        agencyCodes: principal.agencyCodes,
      };
    case 'api_key':
      return {
        id: `api-key:${principal.keyId}`,
        kind: 'integration',
        roles: [principal.role],
        agencyCodes: principal.agencyCodes,
      };
    case 'citizen':
      return {
        id: principal.phone ? `citizen:${principal.phone}` : 'citizen:receipt',
        kind: 'citizen',
        roles: ['citizen'],
        inquiryIds: principal.inquiryIds,
      };
    case 'platform_user':
      return { id: `platform:${principal.userId}`, kind: 'staff', roles: ['city_admin'] };
    case undefined:
      return { id: 'citizen:online', kind: 'citizen', roles: ['citizen'] };
  }
}

// Roles that see every inquiry of their city: the hall's front office, supervisors, admins,
// cashiers and auditors. An agency officer sees their agencies' inquiries and those given to them.
const CITY_WIDE = ['front_office', 'supervisor', 'city_admin', 'cashier', 'auditor'];

/** Whether the caller sees every inquiry of the city (not only their agencies'). */
export function canSeeCityWide(principal: Principal | undefined): boolean {
  switch (principal?.kind) {
    case 'platform_user':
      return true;
    case 'staff':
      return principal.roles.some((role) => CITY_WIDE.includes(role));
    case 'api_key':
      return CITY_WIDE.includes(principal.role);
    default:
      return false;
  }
}

/** Whether the caller may see an inquiry at all; one they may not see does not exist for them. */
export function canSee(principal: Principal | undefined, inquiry: Inquiry): boolean {
  switch (principal?.kind) {
    case 'platform_user':
      return true;
    case 'staff':
      if (principal.roles.some((role) => CITY_WIDE.includes(role))) return true;
      if (inquiry.assigneeId === principal.staffId) return true;
      return agencyMatch(principal.agencyCodes, inquiry);
    case 'api_key':
      return CITY_WIDE.includes(principal.role) || agencyMatch(principal.agencyCodes, inquiry);
    case 'citizen':
      return principal.inquiryIds.includes(inquiry.id);
    case undefined:
      return false;
  }
}

function agencyMatch(agencyCodes: readonly string[], inquiry: Inquiry): boolean {
  return (
    agencyCodes.length === 0 || (inquiry.agencyCode !== null && agencyCodes.includes(inquiry.agencyCode))
  );
}

/** Throws the engine's own not-found error unless the caller may see the inquiry. */
export function assertVisible(principal: Principal | undefined, inquiry: Inquiry, tenantId: string): void {
  if (canSee(principal, inquiry)) return;
  throw new DarchaError({
    code: 'DARCHA_INQUIRY_NOT_FOUND',
    kind: 'not_found',
    message: `Inquiry "${inquiry.id}" does not exist in tenant "${tenantId}".`,
    hint: 'Check the tracking number or id; inquiries are only visible in the city where they were filed.',
    details: { tenantId, reference: inquiry.id },
  });
}
