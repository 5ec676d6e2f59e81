import type { DarchaConfig } from '../config/types.js';
import type { Database } from '../db/database.js';
import type { TenantTransaction } from '../db/types.js';
import type { Logger } from '../logging/logger.js';
import type { AgencyDirectory, ServiceRegistry, TenantCatalog } from '../registry/contracts.js';
import type { TenantRegistry } from '../tenancy/types.js';
import type { TenantContainers } from './tenant-containers.js';

/**
 * A typed injection token: a symbol that remembers the type bound to it, so `resolve(container,
 * TOKENS.Database)` is a `Database` without a cast.
 */
export type Token<T> = symbol & { readonly __darchaToken?: T };

/** Creates a token; `Symbol.for` makes the same name the same token across package copies. */
export function createToken<T>(name: string): Token<T> {
  return Symbol.for(`darcha.${name}`) as Token<T>;
}

/** Core's public tokens. Root tokens are platform singletons; `TenantId` exists only in tenant containers. */
export const TOKENS = {
  Config: createToken<DarchaConfig>('Config'),
  Logger: createToken<Logger>('Logger'),
  Database: createToken<Database>('Database'),
  TenantRegistry: createToken<TenantRegistry>('TenantRegistry'),
  TenantContainers: createToken<TenantContainers>('TenantContainers'),
  ServiceRegistry: createToken<ServiceRegistry>('ServiceRegistry'),
  TenantCatalog: createToken<TenantCatalog>('TenantCatalog'),
  AgencyDirectory: createToken<AgencyDirectory>('AgencyDirectory'),
  /** Tenant-scoped: the id of the tenant whose container this is. */
  TenantId: createToken<string>('TenantId'),
  /** Tenant-scoped: transactions bound to this tenant, for repositories a plugin binds per tenant. */
  TenantDatabase: createToken<TenantDatabase>('TenantDatabase'),
} as const;

/**
 * Core tokens a plugin may resolve with `ctx.get(token)`. Handles that take a tenant id as an
 * argument (the database, the tenant registry, the service registry, every tenant's catalog and
 * agencies) are deliberately absent: with them one city's plugin could act for another. Plugins reach
 * their tenant's data through `ctx.withTenant` and `TOKENS.TenantDatabase`.
 */
export const PLUGIN_VISIBLE_TOKENS: readonly symbol[] = [
  TOKENS.Logger,
  TOKENS.TenantId,
  TOKENS.TenantDatabase,
];

/** The one tenant's slice of the database: every transaction is `withTenant` for that tenant. */
export interface TenantDatabase {
  readonly tenantId: string;
  withTenant<T>(work: (trx: TenantTransaction) => Promise<T>): Promise<T>;
}
