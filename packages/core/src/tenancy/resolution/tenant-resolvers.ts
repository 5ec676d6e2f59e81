import { assertTenantId, isTenantId } from '../tenant-id.js';
import { normalizeHostName } from '../tenant-input.schema.js';
import type { TenantResolution, TenantResolutionRequest, TenantResolver } from './types.js';

/** The tenant of the signed-in user or API key: always first, a staff member works in their own city. */
export function userClaimResolver(): TenantResolver {
  return {
    name: 'user',
    resolve: (request) =>
      request.userTenantId ? { tenantId: request.userTenantId, source: 'user' } : undefined,
  };
}

export interface HostNameResolverOptions {
  /** `darcha.example`: `chirchik.darcha.example` is tenant `chirchik`. */
  baseDomain?: string | undefined;
  /** Looks up a registered custom domain (`oss.chirchik.uz`). */
  findByDomain?: (host: string) => Promise<string | undefined>;
}

/** The tenant named by the host: a registered custom domain, or a subdomain of the base domain. */
export function hostNameResolver(options: HostNameResolverOptions): TenantResolver {
  const suffix = options.baseDomain ? `.${options.baseDomain.toLowerCase()}` : undefined;
  return {
    name: 'host',
    async resolve(request) {
      const host = request.host === undefined ? undefined : normalizeHostName(request.host);
      if (!host) return undefined;
      if (options.findByDomain) {
        const tenantId = await options.findByDomain(host);
        if (tenantId) return { tenantId, source: 'host' };
      }
      if (suffix && host.endsWith(suffix)) {
        const label = host.slice(0, -suffix.length);
        if (isTenantId(label)) return { tenantId: label, source: 'host' };
      }
      return undefined;
    },
  };
}

const PATH_PREFIX = /^\/t\/([^/?#]+)(\/.*)?$/;

/** The tenant in a `/t/<tenant>/...` path prefix; the rest of the path is handed on. */
export function pathPrefixResolver(): TenantResolver {
  return {
    name: 'path',
    resolve(request) {
      const match = PATH_PREFIX.exec(request.path);
      if (!match) return undefined;
      const tenantId = safeDecode(match[1]!);
      assertTenantId(tenantId);
      return { tenantId, source: 'path', path: match[2] ?? '/' };
    },
  };
}

/** Percent-decodes a path segment; a malformed escape is returned as-is so the id check refuses it. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The `X-Darcha-Tenant` header, on public endpoints only. */
export function headerResolver(): TenantResolver {
  return {
    name: 'header',
    resolve(request) {
      if (!request.isPublic) return undefined;
      const value = request.headers?.['x-darcha-tenant'];
      const tenantId = Array.isArray(value) ? value[0] : value;
      if (typeof tenantId !== 'string' || tenantId === '') return undefined;
      assertTenantId(tenantId);
      return { tenantId, source: 'header' };
    },
  };
}

/** Open311 GeoReport v2's `jurisdiction_id` query parameter, on public endpoints only. */
export function jurisdictionResolver(): TenantResolver {
  return {
    name: 'jurisdiction',
    resolve(request) {
      if (!request.isPublic) return undefined;
      const value = request.query?.['jurisdiction_id'];
      if (typeof value !== 'string' || value === '') return undefined;
      assertTenantId(value);
      return { tenantId: value, source: 'jurisdiction' };
    },
  };
}

/** Asks each resolver in turn; the first that answers wins. */
export class TenantResolverChain {
  readonly #resolvers: readonly TenantResolver[];

  constructor(resolvers: readonly TenantResolver[]) {
    this.#resolvers = resolvers;
  }

  async resolve(request: TenantResolutionRequest): Promise<TenantResolution | undefined> {
    for (const resolver of this.#resolvers) {
      const resolution = await resolver.resolve(request);
      if (resolution) return resolution;
    }
    return undefined;
  }
}

/**
 * The order DESIGN.md prescribes: the user's tenant, then the host name, then the `/t/:tenant`
 * path prefix, then (public endpoints only) the `X-Darcha-Tenant` header or Open311 `jurisdiction_id`.
 */
export function createDefaultResolverChain(options: HostNameResolverOptions = {}): TenantResolverChain {
  return new TenantResolverChain([
    userClaimResolver(),
    hostNameResolver(options),
    pathPrefixResolver(),
    headerResolver(),
    jurisdictionResolver(),
  ]);
}

export type { TenantResolution };
