/**
 * @darcha/core: tenancy, database, and (as they land) the plugin host, service registry and
 * workflow engine. Everything a plugin or the server may use is exported here and nowhere else.
 */
export {
  DarchaError,
  isDarchaError,
  type DarchaErrorInit,
  type DarchaErrorKind,
} from './errors/darcha-error.js';
export { fieldErrorsFromAjv, formatFieldErrors, type FieldError } from './errors/field-error.js';

export { loadConfig, CONFIG_ENV_VARS, type LoadConfigOptions } from './config/load-config.js';
export type { DarchaConfig, DatabaseConfig, TenancyConfig, LogLevel } from './config/types.js';

export { createLogger, REDACTED_PATHS, type Logger, type CreateLoggerOptions } from './logging/logger.js';

export { LOCALES, isLocale, type Locale, type LocalizedText } from './i18n/locales.js';

export { Database } from './db/database.js';
export {
  openDatabase,
  describeUrl,
  MIN_POSTGRES_MAJOR,
  type OpenDatabaseOptions,
} from './db/open-database.js';
export { enableTenantIsolation, type TenantTablePrivilege } from './db/tenant-table.js';
export {
  checkTenantCatalog,
  CORE_HOST_TABLES,
  type CatalogViolation,
  type CatalogRule,
} from './db/catalog-check.js';
export { findMigrationNameProblems, MIGRATION_NAME_PATTERN } from './db/migration-names.js';
export {
  APP_ROLE,
  TENANT_SETTING,
  type DatabaseKind,
  type HostTransaction,
  type Migration,
  type MigrationState,
  type TenantTransaction,
} from './db/types.js';
export { coreMigrations, CORE_NAMESPACE } from './migrations/index.js';

export { assertTenantId, isTenantId, TENANT_ID_PATTERN } from './tenancy/tenant-id.js';
export { PostgresTenantRegistry } from './tenancy/postgres-tenant-registry.js';
export { mergeSettingsLayers, applySettingsPatch } from './tenancy/tenant-settings.js';
export type {
  ActorOptions,
  CreateTenantInput,
  ListTenantsQuery,
  SettingValue,
  Tenant,
  TenantKind,
  TenantRegistry,
  TenantSettings,
  TenantStatus,
  UpdateTenantInput,
} from './tenancy/types.js';
export {
  TenantResolverChain,
  createDefaultResolverChain,
  headerResolver,
  hostNameResolver,
  jurisdictionResolver,
  pathPrefixResolver,
  userClaimResolver,
  type HostNameResolverOptions,
} from './tenancy/resolution/tenant-resolvers.js';
export type {
  TenantResolution,
  TenantResolutionRequest,
  TenantResolver,
  TenantSource,
} from './tenancy/resolution/types.js';

export {
  currentContext,
  currentTenant,
  runWithContext,
  updateContext,
  type RequestContext,
} from './context/request-context.js';

export { appendAudit, listAudit, type AuditEntryInput, type AuditRecord } from './audit/audit-log.js';

export { TOKENS, createToken, type Token } from './di/tokens.js';
export { TenantContainers, resolve, type TenantModule } from './di/tenant-containers.js';
export { createRootContainer, type RootServices } from './di/root-container.js';

export { openPlatform, type OpenPlatformOptions, type Platform } from './platform/open-platform.js';
