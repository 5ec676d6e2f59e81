import type { PluginTenantContext, ServiceDefinition } from '@darcha/core';
import { cityKitErrors } from './city-kit.errors.js';
import type { CityAgency, CityPackSpec } from './city-pack.types.js';
import { OPERATING_MODEL_SETTINGS } from './operating-models.js';

/**
 * Refuses to enable the pack for any tenant but its city, or while an agency offers a service that
 * no active plugin publishes: checked on every enable, before the first-time setup runs, so a
 * refused enable leaves nothing half set up.
 */
export function checkCityPack(spec: CityPackSpec, ctx: PluginTenantContext): void {
  if (ctx.tenantId !== spec.tenant.id) throw cityKitErrors.wrongTenant(spec.id, spec.tenant.id, ctx.tenantId);
  const published = ctx.setup.services();
  for (const agency of spec.agencies) offeredServices(spec, agency, published);
}

/**
 * Sets up the city's OSS in its tenant, through core's services (validated and audited as
 * `plugin:<id>`): the operating model's settings and the pack's own, the calendar, the agencies
 * under their local names, each agency's services in the catalog, and the documents' header. Every
 * step is an upsert, so applying twice changes nothing. Runs once per city (the pack's `seed`):
 * later changes by the city's administrators are theirs to keep.
 */
export async function applyCityPack(spec: CityPackSpec, ctx: PluginTenantContext): Promise<void> {
  const { setup } = ctx;
  checkCityPack(spec, ctx);
  const published = setup.services();
  const offers = spec.agencies.map((agency) => ({
    agency,
    services: offeredServices(spec, agency, published),
  }));
  await setup.updateSettings({ ...OPERATING_MODEL_SETTINGS[spec.operatingModel], ...spec.settings });
  if (spec.calendar) await setup.setCalendar(spec.calendar);
  for (const { agency, services } of offers) {
    const { offers: _offers, overrides, ...fields } = agency;
    await setup.upsertAgency({ contacts: {}, workingHours: {}, active: true, ...fields });
    for (const service of services) {
      const local = overrides?.[service.code];
      await setup.offerService({
        serviceCode: service.code,
        offered: true,
        agencyCode: agency.code,
        ...(local ? { overrides: local } : {}),
      });
    }
  }
  await setup.setDocumentBranding(spec.branding ?? { header: brandingHeader(spec) });
  ctx.logger.info(
    {
      city: spec.tenant.id,
      agencies: offers.length,
      services: offers.reduce((n, o) => n + o.services.length, 0),
    },
    'city pack applied',
  );
}

function offeredServices(
  spec: CityPackSpec,
  agency: CityAgency,
  published: readonly ServiceDefinition[],
): ServiceDefinition[] {
  if (!agency.offers) return published.filter((service) => service.agencyKind === agency.kind);
  const byCode = new Map(published.map((service) => [service.code, service]));
  const unknown = agency.offers.filter((code) => !byCode.has(code));
  if (unknown.length > 0) throw cityKitErrors.serviceUnknown(spec.id, agency.code, unknown);
  return agency.offers.map((code) => byCode.get(code)!);
}

/** The header printed on the city's documents: the OSS's name over the city's, per locale. */
function brandingHeader(spec: CityPackSpec): Partial<Record<keyof CityPackSpec['ossName'], string[]>> {
  const header: Partial<Record<keyof CityPackSpec['ossName'], string[]>> = {};
  for (const [locale, name] of Object.entries(spec.ossName) as [keyof CityPackSpec['ossName'], string][]) {
    const city = spec.tenant.names[locale];
    header[locale] = city ? [name, city] : [name];
  }
  return header;
}
