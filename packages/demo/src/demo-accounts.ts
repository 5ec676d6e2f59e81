import { randomBytes } from 'node:crypto';
import type { CityPack } from '@darcha/city-kit';
import type { Platform } from '@darcha/core';

/** A sign-in account created for the demo: shown once, when it is created. */
export interface DemoAccount {
  /** `null` for the platform administrator (signs in without a city). */
  tenantId: string | null;
  login: string;
  password: string;
  roles: string[];
}

const ACTOR = { actor: 'demo-seed' };

/**
 * Creates the demo's sign-in accounts that are missing: a platform administrator (`admin`), and in
 * each city its administrator (`admin`) and the demo staff of its operating model (officers,
 * operators, a supervisor, a cashier), each with a random password. Accounts that exist are left
 * alone (their passwords are not known any more), so the list is empty on later starts.
 */
export async function seedDemoAccounts(
  platform: Platform,
  cities: readonly CityPack[],
): Promise<DemoAccount[]> {
  const created: DemoAccount[] = [];
  if ((await platform.identity.listPlatformUsers()).length === 0) {
    const password = newPassword();
    await platform.identity.createPlatformUser(
      { login: 'admin', displayName: 'Platform administrator', password },
      ACTOR,
    );
    created.push({ tenantId: null, login: 'admin', password, roles: ['platform_admin'] });
  }
  for (const city of cities) {
    const tenantId = city.spec.tenant.id;
    if (!(await platform.tenants.find(tenantId))) continue;
    const existing = new Set((await platform.staff.list(tenantId)).map((member) => member.displayName));
    // Officers of an agency the city does not have (its pack did not start) are left out.
    const agencies = new Set((await platform.agencies.listAgencies(tenantId)).map((agency) => agency.code));
    const members = [
      { login: 'admin', displayName: 'City administrator', roles: ['city_admin'], agencyCodes: [] },
      ...city.demoStaff(),
    ];
    for (const member of members) {
      if (existing.has(member.displayName)) continue;
      if (!member.agencyCodes.every((code) => agencies.has(code))) continue;
      const { login, ...input } = member;
      const staff = await platform.staff.create(tenantId, input, ACTOR);
      const password = newPassword();
      await platform.identity.setStaffCredentials(tenantId, staff.id, { login, password }, ACTOR);
      created.push({ tenantId, login, password, roles: member.roles });
    }
  }
  return created;
}

function newPassword(): string {
  return randomBytes(12).toString('base64url');
}
