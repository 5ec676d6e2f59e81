import { uzbekistanCalendar } from '@darcha/city-kit';
import type { Actor, LocalizedText, StaffMember } from '@darcha/core';
import cadastre from '@darcha/plugin-agency-cadastre';
import electricity from '@darcha/plugin-agency-electricity';
import gas from '@darcha/plugin-agency-gas';
import water from '@darcha/plugin-agency-water';
import { startTestHost, type TestHost } from '@darcha/testing';

const ALL = (text: string): LocalizedText => ({ 'uz-Latn': text, 'uz-Cyrl': text, ru: text, en: text });

/** The agencies of the test cities and the kind of each: the packs that exist today. */
export const AGENCIES = [
  { code: 'gorgas', kind: 'gas' },
  { code: 'gorelektroset', kind: 'electricity' },
  { code: 'gorvodokanal', kind: 'water' },
  { code: 'cadastre-unit', kind: 'cadastre' },
] as const;

/** Two test cities under `uz`: one of seconded staff (claims), one of a unitary enterprise (round robin). */
export const SECONDED = 'chirchik';
export const UNITARY = 'djizak';

/** The test host and the staff of each city as actors. */
export interface HistoryCities {
  host: TestHost;
  /** The first staff member holding the role in the city (for inbox viewers and new payments). */
  actor(tenantId: string, role: string, agencyCode?: string): Actor;
  stop(): Promise<void>;
}

/**
 * A platform with the gas, electricity, water and cadastre packs and two cities offering all their
 * services, each with the staff of its operating model and Uzbekistan's calendar (holidays from
 * 2013): Chirchik of seconded staff (each agency's officer works the front and back office of its
 * agency, routing by candidate role), Djizak a unitary enterprise (two front-office operators, a
 * back office per agency, round-robin routing); both with a supervisor and a cashier. The BHM of
 * the history's years is the demo's own (`addHistoricBaseAmounts`), added by the seed.
 */
export async function startHistoryCities(): Promise<HistoryCities> {
  const plugins = [gas, electricity, water, cadastre];
  const host = await startTestHost({
    plugins,
    tenants: [
      { id: 'uz', kind: 'country', names: ALL('Uzbekistan') },
      {
        id: SECONDED,
        kind: 'city',
        parentId: 'uz',
        names: ALL('Chirchiq'),
        settings: { inquiries: { trackingPrefix: 'CHR' } },
      },
      {
        id: UNITARY,
        kind: 'city',
        parentId: 'uz',
        names: ALL('Jizzax'),
        settings: { inquiries: { trackingPrefix: 'DJZ' }, workflow: { routing: 'round_robin' } },
      },
    ],
    enable: { [SECONDED]: plugins.map((p) => p.id), [UNITARY]: plugins.map((p) => p.id) },
  });
  const { platform } = host;
  await platform.calendars.set('uz', uzbekistanCalendar(), 'test');
  const staff = new Map<string, StaffMember[]>();
  for (const tenantId of [SECONDED, UNITARY]) {
    for (const { code, kind } of AGENCIES) {
      await platform.agencies.upsertAgency(tenantId, {
        code,
        kind,
        names: ALL(code),
        contacts: {},
        workingHours: {},
        active: true,
      });
      for (const service of platform.services.list()) {
        if (service.agencyKind !== kind) continue;
        await platform.catalog.setEntry(tenantId, {
          serviceCode: service.code,
          offered: true,
          agencyCode: code,
        });
      }
    }
    const members =
      tenantId === SECONDED
        ? [
            ...AGENCIES.map((a) => ({
              displayName: `${a.code} officer`,
              roles: ['front_office', 'back_office'],
              agencyCodes: [a.code],
            })),
            ...AGENCIES.map((a) => ({
              displayName: `${a.code} second officer`,
              roles: ['front_office', 'back_office'],
              agencyCodes: [a.code],
            })),
          ]
        : [
            { displayName: 'operator 1', roles: ['front_office'], agencyCodes: [] },
            { displayName: 'operator 2', roles: ['front_office'], agencyCodes: [] },
            ...AGENCIES.map((a) => ({
              displayName: `${a.code} back office`,
              roles: ['back_office'],
              agencyCodes: [a.code],
            })),
          ];
    members.push(
      { displayName: 'supervisor', roles: ['supervisor'], agencyCodes: [] },
      { displayName: 'cashier', roles: ['cashier'], agencyCodes: [] },
    );
    const created: StaffMember[] = [];
    for (const member of members) created.push(await platform.staff.create(tenantId, member));
    staff.set(tenantId, created);
  }
  return {
    host,
    actor(tenantId, role, agencyCode) {
      const member = staff
        .get(tenantId)!
        .find((s) => s.roles.includes(role) && (!agencyCode || s.agencyCodes.includes(agencyCode)));
      if (!member) throw new Error(`no ${role} in ${tenantId}`);
      return { id: member.id, kind: 'staff', roles: member.roles, agencyCodes: member.agencyCodes };
    },
    stop: () => host.stop(),
  };
}
