import type { CalendarDefinition } from '../calendar/types.js';
import type { DocumentBranding, DocumentBrandingInput } from '../documents/types.js';
import type { Agency, Desk } from '../registry/contracts.js';
import type { CatalogEntryInput, ServiceDefinition } from '../registry/types.js';
import type { TenantSettings } from '../tenancy/types.js';

/**
 * What a plugin's tenant hooks (`seed`, `onTenantEnable`, `onTenantDisable`) may configure in the
 * one tenant they run for, through core's own services: the same validation, errors and audit as
 * the admin API, with `plugin:<id>` as the actor. A city pack uses it to set up its OSS: agencies
 * with local names, desks, the catalog, the calendar, settings such as the routing policy, and the
 * document branding. Nothing here reaches another tenant.
 *
 * @example
 * async seed(ctx) {
 *   await ctx.setup.upsertAgency({ code: 'gorgas', kind: 'gas', names, contacts: {}, workingHours: {}, active: true });
 *   for (const service of ctx.setup.services().filter((s) => s.agencyKind === 'gas'))
 *     await ctx.setup.offerService({ serviceCode: service.code, offered: true, agencyCode: 'gorgas' });
 * }
 */
export interface TenantSetup {
  /** Every service published on the platform now (definitions are not tenant data). */
  services(): ServiceDefinition[];
  upsertAgency(agency: Agency): Promise<Agency>;
  listAgencies(): Promise<Agency[]>;
  upsertDesk(desk: Desk): Promise<Desk>;
  /** Offers (or withdraws) a service in the tenant's catalog, through an agency, with local overrides. */
  offerService(entry: CatalogEntryInput): Promise<void>;
  /** Replaces the tenant's own calendar (working week, holidays, moved working days). */
  setCalendar(definition: CalendarDefinition): Promise<void>;
  /** The tenant's own settings (without what it inherits). */
  ownSettings(): Promise<TenantSettings>;
  /** Merges into the tenant's own settings; `null` removes a key (inherit it again). */
  updateSettings(patch: TenantSettings): Promise<TenantSettings>;
  /** Replaces the logo, header lines and signatory printed on the tenant's documents. */
  setDocumentBranding(branding: DocumentBrandingInput): Promise<DocumentBranding>;
}

/** Core's services a {@link TenantSetup} is built on (the platform passes its own). */
export interface TenantSetupDeps {
  services(): ServiceDefinition[];
  agencies: {
    upsertAgency(tenantId: string, agency: Agency, options?: { actor?: string }): Promise<Agency>;
    listAgencies(tenantId: string): Promise<Agency[]>;
    upsertDesk(tenantId: string, desk: Desk, options?: { actor?: string }): Promise<Desk>;
  };
  catalog: {
    setEntry(tenantId: string, entry: CatalogEntryInput, options?: { actor?: string }): Promise<void>;
  };
  calendars: { set(tenantId: string, definition: CalendarDefinition, actorId: string): Promise<unknown> };
  tenants: {
    ownSettings(id: string): Promise<TenantSettings>;
    updateSettings(id: string, patch: TenantSettings, options?: { actor?: string }): Promise<TenantSettings>;
  };
  documents: {
    setBranding(tenantId: string, input: DocumentBrandingInput, actor: string): Promise<DocumentBranding>;
  };
}

/** The {@link TenantSetup} of one tenant for one plugin's hooks. */
export function tenantSetup(deps: TenantSetupDeps, tenantId: string, pluginId: string): TenantSetup {
  const actor = `plugin:${pluginId}`;
  return {
    services: () => deps.services(),
    upsertAgency: (agency) => deps.agencies.upsertAgency(tenantId, agency, { actor }),
    listAgencies: () => deps.agencies.listAgencies(tenantId),
    upsertDesk: (desk) => deps.agencies.upsertDesk(tenantId, desk, { actor }),
    offerService: (entry) => deps.catalog.setEntry(tenantId, entry, { actor }),
    setCalendar: async (definition) => void (await deps.calendars.set(tenantId, definition, actor)),
    ownSettings: () => deps.tenants.ownSettings(tenantId),
    updateSettings: (patch) => deps.tenants.updateSettings(tenantId, patch, { actor }),
    setDocumentBranding: (branding) => deps.documents.setBranding(tenantId, branding, actor),
  };
}
