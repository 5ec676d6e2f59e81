import type { Locale, LocalizedText } from '../i18n/locales.js';

/** Level in the tenant hierarchy: country > region > city. */
export type TenantKind = 'country' | 'region' | 'city';

/**
 * `active` serves requests; `suspended` keeps all data but refuses requests
 * (`DARCHA_TENANT_SUSPENDED`) until resumed; `archived` is final and refused too.
 */
export type TenantStatus = 'active' | 'suspended' | 'archived';

/** A tenant: one city's One-Stop-Shop, or a region or country above cities. */
export interface Tenant {
  id: string;
  kind: TenantKind;
  parentId: string | null;
  names: LocalizedText;
  status: TenantStatus;
  /** Why the tenant was suspended or archived, if it was. */
  statusReason: string | null;
  defaultLocale: Locale;
  /** IANA time zone for dates and working-day arithmetic, e.g. `Asia/Tashkent`. */
  timeZone: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Settings are a JSON object; children inherit their ancestors' keys and override single ones. */
export type TenantSettings = { [key: string]: SettingValue };
export type SettingValue =
  string | number | boolean | null | SettingValue[] | { [key: string]: SettingValue };

export interface CreateTenantInput {
  id: string;
  kind: TenantKind;
  parentId?: string | null;
  /** At least the name in `defaultLocale`. */
  names: LocalizedText;
  defaultLocale?: Locale;
  timeZone?: string;
  settings?: TenantSettings;
}

export interface UpdateTenantInput {
  names?: LocalizedText;
  parentId?: string | null;
  defaultLocale?: Locale;
  timeZone?: string;
}

export interface ListTenantsQuery {
  status?: TenantStatus;
  kind?: TenantKind;
  parentId?: string;
}

/** Who is changing a tenant, for its audit log; defaults to the request context's user, else `system`. */
export interface ActorOptions {
  actor?: string;
}

/**
 * The tenant registry: host-side CRUD of tenants, their hierarchy, settings and domains.
 *
 * @example
 * await tenants.create({ id: 'chirchik', kind: 'city', parentId: 'uz.tashkent-region',
 *   names: { 'uz-Latn': 'Chirchiq', ru: 'Чирчик', en: 'Chirchik' } });
 * await tenants.updateSettings('chirchik', { branding: { color: '#0a7' } });
 * await tenants.effectiveSettings('chirchik'); // region's keys with the city's override
 */
export interface TenantRegistry {
  create(input: CreateTenantInput, options?: ActorOptions): Promise<Tenant>;
  get(id: string): Promise<Tenant>;
  find(id: string): Promise<Tenant | undefined>;
  list(query?: ListTenantsQuery): Promise<Tenant[]>;
  update(id: string, patch: UpdateTenantInput, options?: ActorOptions): Promise<Tenant>;
  suspend(id: string, reason: string, options?: ActorOptions): Promise<Tenant>;
  resume(id: string, options?: ActorOptions): Promise<Tenant>;
  archive(id: string, reason: string, options?: ActorOptions): Promise<Tenant>;
  /** The tenant's ancestors, root first, not including the tenant. */
  ancestors(id: string): Promise<Tenant[]>;
  /** Every tenant below this one, breadth first. */
  descendants(id: string): Promise<Tenant[]>;
  /** Throws `DARCHA_TENANT_NOT_FOUND`, `_SUSPENDED` or `_ARCHIVED` unless the tenant may be served. */
  requireActive(id: string): Promise<Tenant>;
  ownSettings(id: string): Promise<TenantSettings>;
  /** Ancestors' settings merged root first, then the tenant's own; objects merge key by key. */
  effectiveSettings(id: string): Promise<TenantSettings>;
  /** Merges `patch` into the tenant's own settings; a `null` value removes the own key (inherit again). */
  updateSettings(id: string, patch: TenantSettings, options?: ActorOptions): Promise<TenantSettings>;
  addDomain(id: string, host: string, options?: ActorOptions): Promise<void>;
  removeDomain(host: string, options?: ActorOptions): Promise<void>;
  domainsOf(id: string): Promise<string[]>;
  /** The tenant a host name is registered to, if any. */
  findByDomain(host: string): Promise<string | undefined>;
}
