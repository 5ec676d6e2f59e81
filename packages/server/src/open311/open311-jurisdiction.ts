import { currentContext, isTenantId, updateContext, type Tenant, type TenantRegistry } from '@darcha/core';
import { jurisdictionNotFound, jurisdictionRequired } from './open311.errors.js';

/**
 * The tenant a `jurisdiction_id` names. Missing: `DARCHA_OPEN311_JURISDICTION_REQUIRED` (400).
 * Malformed, unknown, suspended or archived: `DARCHA_OPEN311_JURISDICTION_NOT_FOUND` (404), the
 * same answer for each, so the endpoint does not tell a suspended city from a missing one. The
 * tenant is recorded in the request context (when there is one) for logs.
 */
export async function resolveJurisdiction(
  tenants: TenantRegistry,
  jurisdictionId: string | undefined,
): Promise<Tenant> {
  if (jurisdictionId === undefined || jurisdictionId.trim() === '') throw jurisdictionRequired();
  const id = jurisdictionId.trim();
  if (!isTenantId(id)) throw jurisdictionNotFound(id);
  const tenant = await tenants.find(id);
  if (!tenant || tenant.status !== 'active') throw jurisdictionNotFound(id);
  if (currentContext()) updateContext({ tenantId: tenant.id });
  return tenant;
}
