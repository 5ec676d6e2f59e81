/** The parts of a request that tenant resolution looks at; framework-free so it is testable alone. */
export interface TenantResolutionRequest {
  /** The Host header, possibly with a port. */
  host?: string | undefined;
  /** The URL path, e.g. `/t/chirchik/api/v1/inquiries`. */
  path: string;
  /** Request headers with lowercase names. */
  headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Query parameters (Open311 passes `jurisdiction_id` here). */
  query?: Readonly<Record<string, unknown>>;
  /** The tenant claimed by the authenticated user or API key, if any. */
  userTenantId?: string | undefined;
  /**
   * Whether the endpoint is public (citizen portal, Open311, verification). Only public endpoints
   * accept the tenant from a header or `jurisdiction_id`.
   */
  isPublic?: boolean;
}

/** Where the tenant of a request came from. */
export type TenantSource = 'user' | 'host' | 'path' | 'header' | 'jurisdiction';

export interface TenantResolution {
  tenantId: string;
  source: TenantSource;
  /** The path with a `/t/<tenant>` prefix removed, when the path selected the tenant. */
  path?: string;
}

/**
 * One way of finding a request's tenant. Returning undefined passes to the next resolver; throwing
 * (e.g. `DARCHA_TENANT_INVALID` for a malformed id) stops resolution. Resolving selects a tenant;
 * it never authorises access to it.
 */
export interface TenantResolver {
  readonly name: TenantSource;
  resolve(
    request: TenantResolutionRequest,
  ): TenantResolution | undefined | Promise<TenantResolution | undefined>;
}
