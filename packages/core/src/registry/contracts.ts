import type { Locale, LocalizedText } from '../i18n/locales.js';
import type { ActorOptions } from '../tenancy/types.js';
import type {
  ApplicationValidationResult,
  CatalogEntry,
  CatalogEntryInput,
  CatalogQuery,
  CatalogService,
  PublishedService,
  ServiceCategory,
  ServiceDefinition,
} from './types.js';

/**
 * The service registry: every service version any plugin has published, and the classification
 * tree. Definitions are immutable per version: they are stored when first published, and
 * publishing a different definition under an existing version is refused
 * (`DARCHA_REGISTRY_VERSION_IMMUTABLE`), so inquiries filed on a version can always read it.
 */
export interface ServiceRegistry {
  /** Adds categories of a plugin (ids `<parent>.<name>`); refuses duplicates and unknown parents. */
  addCategories(pluginId: string, categories: readonly ServiceCategory[]): void;
  /** Validates and stores a plugin's service versions; a rerun with the same definitions is a no-op. */
  publish(pluginId: string, services: readonly ServiceDefinition[]): Promise<void>;
  /** Forgets a plugin's services and categories for this process (its stored versions stay). */
  withdrawPlugin(pluginId: string): void;
  /** The current (highest published, from an active plugin) version, or the given version. */
  get(code: string, version?: number): Promise<ServiceDefinition>;
  /** Current versions of every service of active plugins, ordered by code. */
  list(): ServiceDefinition[];
  /** Every stored version of a service, oldest first. */
  versions(code: string): Promise<PublishedService[]>;
  categories(): ServiceCategory[];
  /**
   * Validates application form data against the service's form. Every invalid field is reported,
   * with a message in `locale`.
   */
  validateApplication(
    code: string,
    data: unknown,
    locale: Locale,
    version?: number,
  ): Promise<ApplicationValidationResult>;
}

/** An agency as one city names it: Gorgas in Chirchik is the city's `gas` agency. */
export interface Agency {
  code: string;
  /** Matches `ServiceDefinition.agencyKind`: `gas`, `electricity`, `water`, `tax` ... */
  kind: string;
  names: LocalizedText;
  contacts: { phone?: string; email?: string; address?: LocalizedText };
  /** Opening hours per weekday, `mon`..`sun` → `["09:00", "18:00"]`; a missing day is closed. */
  workingHours: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string]>>;
  active: boolean;
}

/** A window of the OSS hall. */
export interface Desk {
  code: string;
  names: LocalizedText;
  /** The agency whose seconded staff sit here, if any. */
  agencyCode: string | null;
  active: boolean;
}

/**
 * How an agency or desk is saved: `upsert` (default) creates or replaces; `create` refuses a code
 * that exists (`DARCHA_AGENCY_EXISTS`, `DARCHA_AGENCY_DESK_EXISTS`); `update` refuses one that does
 * not (`DARCHA_AGENCY_NOT_FOUND`, `DARCHA_AGENCY_DESK_NOT_FOUND`). `actor` names who did it in the
 * audit log (default: the request's user).
 */
export interface AgencyWriteOptions extends ActorOptions {
  mode?: 'upsert' | 'create' | 'update';
}

/** A tenant's agencies and desks (tenant tables, RLS). */
export interface AgencyDirectory {
  upsertAgency(tenantId: string, agency: Agency, options?: AgencyWriteOptions): Promise<Agency>;
  getAgency(tenantId: string, code: string): Promise<Agency>;
  listAgencies(tenantId: string): Promise<Agency[]>;
  upsertDesk(tenantId: string, desk: Desk, options?: AgencyWriteOptions): Promise<Desk>;
  /** One desk, or `DARCHA_AGENCY_DESK_NOT_FOUND`. */
  getDesk(tenantId: string, code: string): Promise<Desk>;
  listDesks(tenantId: string): Promise<Desk[]>;
}

/**
 * A tenant's catalog: which services it offers, through which of its agencies, with which local
 * overrides. A city inherits its region's (and country's) entries and overrides them entry by entry.
 */
export interface TenantCatalog {
  /** Offers (or, with `offered: false`, explicitly withholds) a service; validates overrides against the definition's bounds. */
  setEntry(tenantId: string, entry: CatalogEntryInput, options?: ActorOptions): Promise<void>;
  /** Removes the tenant's own entry, so the inherited one (if any) applies again. */
  removeEntry(tenantId: string, serviceCode: string, options?: ActorOptions): Promise<void>;
  /** The tenant's own entries (offered and withheld), by service code; inherited ones are not included. */
  ownEntries(tenantId: string): Promise<CatalogEntry[]>;
  /** The services the tenant offers, after inheritance and overrides. */
  services(tenantId: string): Promise<CatalogService[]>;
  /** One offered service, or `DARCHA_CATALOG_NOT_OFFERED`. */
  service(tenantId: string, serviceCode: string): Promise<CatalogService>;
  search(tenantId: string, query: CatalogQuery): Promise<CatalogService[]>;
}
