import { DarchaError } from '../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../errors/field-error.js';
import type { TenantStatus } from './types.js';

export function tenantNotFound(id: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_TENANT_NOT_FOUND',
    kind: 'not_found',
    message: `Tenant "${id}" does not exist.`,
    hint: 'Check the id; `darcha tenant list` shows every tenant.',
    details: { tenantId: id },
  });
}

export function tenantExists(id: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_TENANT_EXISTS',
    kind: 'conflict',
    message: `Tenant "${id}" already exists.`,
    hint: 'Choose another id, or update the existing tenant instead.',
    details: { tenantId: id },
  });
}

export function tenantInputInvalid(id: string | undefined, errors: FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_TENANT_INPUT_INVALID',
    kind: 'invalid',
    message: `Tenant${id ? ` "${id}"` : ''} is invalid:\n${formatFieldErrors(errors)}`,
    hint: 'Correct the fields listed; docs/guides/tenants.md describes each one.',
    details: { tenantId: id ?? null, errors },
  });
}

export function tenantParentInvalid(id: string, reason: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_TENANT_PARENT_INVALID',
    kind: 'invalid',
    message: `Tenant "${id}" cannot have that parent: ${reason}.`,
    hint: 'A country has no parent; a region sits under a country; a city under a region or a country.',
    details: { tenantId: id },
  });
}

export function tenantNotServing(
  id: string,
  status: Exclude<TenantStatus, 'active'>,
  reason: string | null,
): DarchaError {
  const suspended = status === 'suspended';
  return new DarchaError({
    code: suspended ? 'DARCHA_TENANT_SUSPENDED' : 'DARCHA_TENANT_ARCHIVED',
    kind: 'forbidden',
    message: `Tenant "${id}" is ${status}${reason ? ` (${reason})` : ''}; its requests are refused.`,
    hint: suspended
      ? 'Its data is kept. A platform administrator can resume it with `darcha tenant resume`.'
      : 'Archived tenants are read-only history and cannot be served again.',
    details: { tenantId: id, status },
  });
}

export function tenantHasChildren(id: string, children: string[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_TENANT_HAS_CHILDREN',
    kind: 'conflict',
    message: `Tenant "${id}" still has tenants below it that are not archived: ${children.join(', ')}.`,
    hint: 'Archive or move those tenants first.',
    details: { tenantId: id, children },
  });
}

export function domainInvalid(host: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_TENANT_DOMAIN_INVALID',
    kind: 'invalid',
    message: `${JSON.stringify(host)} is not a valid host name.`,
    hint: 'Give a lowercase host name without scheme, port or path, e.g. oss.chirchik.uz.',
    details: { host },
  });
}

export function domainTaken(host: string, owner: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_TENANT_DOMAIN_TAKEN',
    kind: 'conflict',
    message: `The host name ${host} already belongs to tenant "${owner}".`,
    hint: 'Remove it from that tenant first, or choose another host name.',
    details: { host, tenantId: owner },
  });
}
