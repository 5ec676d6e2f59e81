import type { CityPack } from '@darcha/city-kit';
import type { Platform } from '@darcha/core';
import { seedDemoAccounts, type DemoAccount } from './demo-accounts.js';
import { DEMO_CITIES } from './demo-cities.js';
import { enableDemoPacks, seedDemoTenants } from './demo-tenants.js';

/**
 * Makes the demo ready to serve, creating only what is missing: the tenants, the national calendar,
 * each city's packs enabled (the city pack sets up its OSS the first time), and the sign-in
 * accounts, whose passwords are returned this once.
 */
export async function prepareDemo(
  platform: Platform,
  cities: readonly CityPack[] = DEMO_CITIES,
): Promise<DemoAccount[]> {
  await seedDemoTenants(platform, cities);
  await enableDemoPacks(platform, cities);
  return seedDemoAccounts(platform, cities);
}

/** The accounts as the server prints them once: one line each. */
export function describeAccounts(accounts: readonly DemoAccount[]): string[] {
  return accounts.map(
    (a) =>
      `${a.tenantId ?? '(platform, no city)'}: login ${a.login}, password ${a.password} (${a.roles.join(', ')})`,
  );
}
