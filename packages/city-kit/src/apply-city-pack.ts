import type { PluginTenantContext, ServiceDefinition } from '@darcha/core';
import { cityKitErrors } from './city-kit.errors.js';
import type { CityAgency, CityPackSpec } from './city-pack.types.js';
import { OPERATING_MODEL_SETTINGS } from './operating-models.js';

/**
 * Refuses a tenant other than the pack's city, and an agency that offers a service no active plugin
 * publishes, before anything is written.
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
 * step is an upsert, so applying twice changes nothing.
 *
 * Runs when the pack is enabled, until it has once succeeded: the last step records
 * `oss.setUpBy: "<pack id>"` in the tenant's settings, and from then on enabling again changes
 * nothing (the city's administrators keep their changes). A failure refuses the enable; enabling
 * again retries the whole setup.
 */
export async function applyCityPack(spec: CityPackSpec, ctx: PluginTenantContext): Promise<void> {
  const { setup } = ctx;
  checkCityPack(spec, ctx);
  const own = await setup.ownSettings();
  if ((own['oss'] as { setUpBy?: unknown } | undefined)?.setUpBy === spec.id) return;
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
  await setup.updateSettings({ oss: { setUpBy: spec.id } });
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
