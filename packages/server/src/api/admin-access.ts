import type { ActorOptions, Principal } from '@darcha/core';
import { actorOf } from './actor-of.js';
import type { RouteAccess } from './route-definition.js';

/**
 * Who may call the administration routes. Platform administrators may call every tenant route
 * below in the tenant the `/t/<tenant>` prefix names (onboarding a city); API keys only read, and
 * only where an integration needs to (directories, the calendar, the audit log).
 */
export const ADMIN_ACCESS = {
  /** Reading the city's directories and calendar: any staff member, integrations, platform admins. */
  anyStaff: { staff: ['*'], apiKey: true, platform: true },
  /** Reading staff and their absences. */
  staffReaders: { staff: ['supervisor', 'city_admin'], apiKey: true, platform: true },
  /** Recording and ending absences. */
  supervisors: { staff: ['supervisor', 'city_admin'], platform: true },
  /** Configuring the city: agencies, desks, staff, keys, catalog, plugins, calendar. */
  cityAdmin: { staff: ['city_admin'], platform: true },
  /** Reading the audit log. */
  auditors: { staff: ['auditor', 'city_admin'], apiKey: true, platform: true },
  /** Host side: tenants and platform users. */
  platformAdmin: { platform: true },
} as const satisfies Record<string, RouteAccess>;

/** The audit actor of a change: the staff id, `api-key:<id>` or `platform:<userId>`. */
export function auditActor(principal: Principal | undefined): ActorOptions {
  return { actor: actorOf(principal).id };
}
