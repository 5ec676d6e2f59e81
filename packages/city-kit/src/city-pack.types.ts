import type {
  Agency,
  CalendarDefinition,
  CatalogEntryInput,
  CreateTenantInput,
  DocumentBrandingInput,
  LocalizedText,
  PluginManifest,
  TenantSettings,
} from '@darcha/core';

/**
 * How a city runs its One-Stop-Shop (the 2014 workshop's two models):
 * - `seconded-staff` (Chirchik): each agency places its own officers in the OSS hall; they receive,
 *   process and hand over their agency's inquiries themselves.
 * - `unitary-enterprise` (Djizak, Namangan): the OSS's own salaried front office receives every
 *   inquiry, consults, routes it to the agency's back office and hands the result back.
 */
export type OperatingModel = 'seconded-staff' | 'unitary-enterprise';

/** An agency present in the city's OSS, under its local name. */
export interface CityAgency extends Omit<Agency, 'contacts' | 'workingHours' | 'active'> {
  contacts?: Agency['contacts'];
  workingHours?: Agency['workingHours'];
  /**
   * The services the agency offers here, by code. Default: every published service whose
   * `agencyKind` is the agency's `kind`.
   */
  offers?: string[];
  /** Local overrides of offered services (names, SLA, fee parameters), by service code. */
  overrides?: Record<string, NonNullable<CatalogEntryInput['overrides']>>;
}

/** A demo sign-in account of the city (created by the demo, never by enabling the pack). */
export interface DemoStaffMember {
  login: string;
  displayName: string;
  roles: string[];
  agencyCodes: string[];
}

/** What a city pack says about its city. */
export interface CityPackSpec {
  /** `city-<slug>`. */
  id: string;
  /** The pack's version (its package.json version). */
  version: string;
  /** The city's tenant: id, parent region, names; the pack's tenant hooks run only for it. */
  tenant: CreateTenantInput & { parentId: string };
  operatingModel: OperatingModel;
  /** The city's name for its OSS, shown on documents' headers. */
  ossName: LocalizedText;
  agencies: CityAgency[];
  /** The city's own calendar (else it inherits its region's or country's). */
  calendar?: CalendarDefinition;
  /** Extra tenant settings, merged over what the operating model sets. */
  settings?: TenantSettings;
  branding?: DocumentBrandingInput;
  /** Agency packs (and other plugins) the city builds on, by plugin id with a semver range. */
  dependsOn: NonNullable<PluginManifest['dependsOn']>;
  /** The city's own services, workflows, templates ... (room rental in Djizak). */
  contributions?: Pick<
    PluginManifest,
    'services' | 'categories' | 'workflows' | 'templates' | 'translations' | 'guards' | 'effects'
  >;
}
