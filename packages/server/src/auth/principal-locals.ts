import type { Principal, SessionRecord } from '@darcha/core';
import type { Response } from 'express';

/** What authentication leaves in `res.locals` for tenant resolution and the route policy. */
export interface AuthLocals {
  principal?: Principal;
  /** The session behind a `platform_user` or `staff` principal (for its CSRF token). */
  session?: SessionRecord;
  /** The raw token of that session (to revoke it at sign-out). */
  sessionToken?: string;
}

export function authLocals(res: Response): AuthLocals {
  return res.locals as AuthLocals;
}

/** The tenant a principal belongs to, if it belongs to one. */
export function principalTenant(principal: Principal | undefined): string | undefined {
  return principal && principal.kind !== 'platform_user' ? principal.tenantId : undefined;
}
