import type { TenantSettings } from '@darcha/core';
import type { CityAgency, DemoStaffMember, OperatingModel } from './city-pack.types.js';

/**
 * The tenant settings each operating model sets. With seconded staff the inquiry waits in the
 * agency's own queue for one of its officers to claim it (`candidate_role`: only officers serving
 * that agency see it). A unitary enterprise's front office distributes the work: each new step
 * goes to the officer (front office, then the agency's back office) assigned longest ago
 * (`round_robin`), so no inquiry sits unclaimed.
 */
export const OPERATING_MODEL_SETTINGS: Record<OperatingModel, TenantSettings> = {
  'seconded-staff': { workflow: { routing: 'candidate_role' }, oss: { operatingModel: 'seconded-staff' } },
  'unitary-enterprise': {
    workflow: { routing: 'round_robin' },
    oss: { operatingModel: 'unitary-enterprise' },
  },
};

/**
 * The demo staff of a city, shaped by its operating model. Seconded staff: each agency's officer
 * works the front and back office of that agency only; the OSS adds a supervisor and a cashier.
 * Unitary enterprise: two OSS front-office operators serving every agency, a cashier and a
 * supervisor of the OSS, and one back-office officer per agency.
 */
export function demoStaffFor(model: OperatingModel, agencies: readonly CityAgency[]): DemoStaffMember[] {
  const oss: DemoStaffMember[] = [
    { login: 'supervisor', displayName: 'OSS supervisor', roles: ['supervisor'], agencyCodes: [] },
    { login: 'cashier', displayName: 'OSS cashier', roles: ['cashier'], agencyCodes: [] },
  ];
  if (model === 'seconded-staff') {
    return [
      ...agencies.map((agency) => ({
        login: agency.code,
        displayName: `${agency.names.en ?? agency.code} officer`,
        roles: ['front_office', 'back_office'],
        agencyCodes: [agency.code],
      })),
      ...oss,
    ];
  }
  return [
    { login: 'front1', displayName: 'OSS operator 1', roles: ['front_office'], agencyCodes: [] },
    { login: 'front2', displayName: 'OSS operator 2', roles: ['front_office'], agencyCodes: [] },
    ...oss,
    ...agencies.map((agency) => ({
      login: agency.code,
      displayName: `${agency.names.en ?? agency.code} back office`,
      roles: ['back_office'],
      agencyCodes: [agency.code],
    })),
  ];
}
