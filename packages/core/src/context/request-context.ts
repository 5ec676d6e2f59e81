import { AsyncLocalStorage } from 'node:async_hooks';
import { DarchaError } from '../errors/darcha-error.js';

/** What travels with one request (or job) through every await: who, for which tenant, which request. */
export interface RequestContext {
  requestId: string;
  tenantId?: string;
  userId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` with `context` as the current request context. */
export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run({ ...context }, work);
}

/** The current request context, or undefined outside one. */
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Sets fields of the current context once they are known (the tenant after resolution, the user
 * after sign-in). Throws `DARCHA_CONTEXT_MISSING` outside a context.
 */
export function updateContext(fields: Partial<Omit<RequestContext, 'requestId'>>): void {
  const context = storage.getStore();
  if (!context) {
    throw new DarchaError({
      code: 'DARCHA_CONTEXT_MISSING',
      kind: 'internal',
      message: 'updateContext() was called outside a request context.',
      hint: 'Wrap the work in runWithContext({ requestId }, ...) first (the server does this per request).',
    });
  }
  Object.assign(context, fields);
}

/** The current tenant id. Throws `DARCHA_TENANT_MISSING` when no tenant has been resolved. */
export function currentTenant(): string {
  const tenantId = storage.getStore()?.tenantId;
  if (tenantId !== undefined) return tenantId;
  throw new DarchaError({
    code: 'DARCHA_TENANT_MISSING',
    kind: 'invalid',
    message: 'No tenant is selected for this request.',
    hint: 'Address the tenant by its host name or a /t/<tenant>/ path prefix (public endpoints also take the X-Darcha-Tenant header).',
  });
}
