import { createHash, randomBytes } from 'node:crypto';
import { isTenantId, TENANT_ID_MAX_LENGTH } from '../tenancy/tenant-id.js';

/**
 * Bearer tokens: staff sessions `ss_<tenantId>_<secret>`, platform sessions `ps_<secret>` and API
 * keys `dk_<tenantId>_<secret>`, each secret 32 random bytes in base64url (43 characters). Only the
 * SHA-256 of the whole token is stored. A tenant-scoped token names its tenant, so that its lookup
 * runs under that tenant's row-level security and never across tenants; the tenant part is covered
 * by the hash, so changing it finds nothing.
 */
export type TenantTokenPrefix = 'ss' | 'dk';

/** The random part of a token: 32 bytes, base64url. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const MAX_TOKEN_LENGTH = 3 + TENANT_ID_MAX_LENGTH + 1 + 43;

/** 32 bytes from the system's CSPRNG, base64url without padding (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a string, in hex: how tokens and keys are stored and looked up. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A token of one tenant: `<prefix>_<tenantId>_<secret>`. */
export function tenantToken(prefix: TenantTokenPrefix, tenantId: string, secret: string): string {
  return `${prefix}_${tenantId}_${secret}`;
}

/** A platform session token: `ps_<secret>`. */
export function platformToken(secret: string): string {
  return `ps_${secret}`;
}

/** What a token says about itself once its form is checked: whose tenant, and the hash to look up. */
export interface ParsedToken {
  tenantId: string | null;
  hash: string;
}

/**
 * Reads a tenant token. Tenant ids never contain `_`, so the tenant ends at the first `_` after the
 * prefix (the secret may contain `_`). Undefined for anything malformed, including a tenant part
 * that is not a valid tenant id: such a token is never looked up.
 */
export function parseTenantToken(prefix: TenantTokenPrefix, token: unknown): ParsedToken | undefined {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !token.startsWith(`${prefix}_`)) {
    return undefined;
  }
  const rest = token.slice(prefix.length + 1);
  const cut = rest.indexOf('_');
  if (cut <= 0) return undefined;
  const tenantId = rest.slice(0, cut);
  if (!isTenantId(tenantId) || !SECRET_PATTERN.test(rest.slice(cut + 1))) return undefined;
  return { tenantId, hash: sha256Hex(token) };
}

/** Reads a platform session token `ps_<secret>`, or undefined. */
export function parsePlatformToken(token: unknown): ParsedToken | undefined {
  if (typeof token !== 'string' || !token.startsWith('ps_') || !SECRET_PATTERN.test(token.slice(3))) {
    return undefined;
  }
  return { tenantId: null, hash: sha256Hex(token) };
}
