import type { Principal } from '@darcha/core';
import { notAllowed, signInRequired } from './http-errors.js';
import type { AnyRoute } from './route-definition.js';

/** What the policy looks at of a route. */
export type PolicyTarget = Pick<AnyRoute, 'access' | 'scope' | 'summary'>;

/**
 * The one place a route's access is checked. Returns normally when `principal` may call `route` in
 * `tenantId`; otherwise throws 401 (no usable credential) or 403 (a credential without the role).
 * Tenant membership is settled before: a principal of another tenant never gets here (404).
 */
export function authorize(route: PolicyTarget, principal: Principal | undefined): void {
  const { access } = route;
  if (access.anyone) return;
  if (principal === undefined) throw signInRequired();
  if (mayCall(route, principal)) return;
  throw notAllowed(`${route.summary.charAt(0).toLowerCase()}${route.summary.slice(1)}`);
}

/** Whether `principal` may call `route` (no throwing; the role matrix test uses it too). */
export function mayCall(route: PolicyTarget, principal: Principal): boolean {
  const { access } = route;
  if (access.anyone) return true;
  switch (principal.kind) {
    case 'platform_user':
      return access.platform === true && principal.roles.includes('platform_admin');
    case 'staff':
      return route.scope !== 'host' && holdsOne(principal.roles, access.staff);
    case 'api_key':
      return route.scope !== 'host' && access.apiKey === true && holdsOne([principal.role], access.staff);
    case 'citizen':
      return access.citizen === true;
  }
}

function holdsOne(roles: readonly string[], allowed: readonly string[] | undefined): boolean {
  if (allowed === undefined) return false;
  if (allowed.includes('*')) return roles.length > 0;
  return roles.some((role) => allowed.includes(role));
}
