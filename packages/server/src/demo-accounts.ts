import { randomBytes } from 'node:crypto';
import type { Platform } from '@darcha/core';

/** The cities of the demo that get an administrator account. */
const DEMO_CITIES = ['chirchik', 'djizak', 'namangan'] as const;

/** A sign-in account created for the demo: shown once, when it is created. */
export interface DemoAccount {
  /** `null` for the platform administrator (signs in without a city). */
  tenantId: string | null;
  login: string;
  password: string;
  role: string;
}

/**
 * Creates the demo's sign-in accounts that are missing: a platform administrator (`admin`) and a
 * city administrator (`admin`) in each demo city, each with a random password. Accounts that exist
 * are left alone (their passwords are not known any more), so the list is empty on later starts.
 */
export async function seedDemoAccounts(platform: Platform): Promise<DemoAccount[]> {
  const created: DemoAccount[] = [];
  if ((await platform.identity.listPlatformUsers()).length === 0) {
    const password = newPassword();
    await platform.identity.createPlatformUser(
      { login: 'admin', displayName: 'Platform administrator', password },
      { actor: 'demo-seed' },
    );
    created.push({ tenantId: null, login: 'admin', password, role: 'platform_admin' });
  }
  for (const tenantId of DEMO_CITIES) {
    if (!(await platform.tenants.find(tenantId))) continue;
    if ((await platform.staff.list(tenantId, { role: 'city_admin' })).length > 0) continue;
    const admin = await platform.staff.create(
      tenantId,
      { displayName: 'City administrator', roles: ['city_admin'] },
      { actor: 'demo-seed' },
    );
    const password = newPassword();
    await platform.identity.setStaffCredentials(
      tenantId,
      admin.id,
      { login: 'admin', password },
      { actor: 'demo-seed' },
    );
    created.push({ tenantId, login: 'admin', password, role: 'city_admin' });
  }
  return created;
}

function newPassword(): string {
  return randomBytes(12).toString('base64url');
}
