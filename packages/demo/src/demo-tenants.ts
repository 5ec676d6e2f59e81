import { UZBEKISTAN, UZBEKISTAN_REGIONS, uzbekistanCalendar, type CityPack } from '@darcha/city-kit';
import type { Platform } from '@darcha/core';

const ACTOR = { actor: 'demo-seed' };

/**
 * Creates whichever demo tenants are missing (Uzbekistan, its three regions, the cities of the
 * packs), and gives the country its calendar with the public holidays unless it has one. Existing
 * tenants (and their changes) are left alone. Resolves to the ids created.
 */
export async function seedDemoTenants(platform: Platform, cities: readonly CityPack[]): Promise<string[]> {
  const created: string[] = [];
  for (const tenant of [UZBEKISTAN, ...UZBEKISTAN_REGIONS, ...cities.map((city) => city.spec.tenant)]) {
    if (await platform.tenants.find(tenant.id)) continue;
    await platform.tenants.create(tenant, ACTOR);
    created.push(tenant.id);
  }
  const national = await platform.calendars.definition(UZBEKISTAN.id);
  if (national.sourceTenantId !== UZBEKISTAN.id)
    await platform.calendars.set(UZBEKISTAN.id, uzbekistanCalendar(), 'demo-seed');
  return created;
}

/**
 * Enables each city's pack and the plugins it depends on for that city. A plugin that is not active
 * (not installed, or failed to start) is skipped: the city is served without it.
 */
export async function enableDemoPacks(platform: Platform, cities: readonly CityPack[]): Promise<void> {
  const active = new Set(platform.plugins.active().map((plugin) => plugin.id));
  for (const city of cities) {
    const tenantId = city.spec.tenant.id;
    const ids = [...city.spec.dependsOn.map((dependency) => dependency.id), city.spec.id];
    for (const id of ids) {
      if (!active.has(id) || (await platform.plugins.isEnabled(tenantId, id))) continue;
      await platform.plugins.tenantPlugins.enable(tenantId, id, ACTOR);
    }
  }
}
