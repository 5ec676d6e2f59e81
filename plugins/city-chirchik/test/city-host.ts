import { UZBEKISTAN, UZBEKISTAN_REGIONS, uzbekistanCalendar, type CityPack } from '@darcha/city-kit';
import type { Actor, DarchaPlugin, FileInquiryInput, Inquiry } from '@darcha/core';
import { startTestHost, type TestHost } from '@darcha/testing';

/** A running city: its pack enabled with the packs it depends on, and its demo staff as actors. */
export interface CityHost {
  host: TestHost;
  tenantId: string;
  /** The demo staff by login. */
  staff: Record<string, Actor>;
  file(
    by: string,
    serviceCode: string,
    formData: Record<string, unknown>,
    applicant?: FileInquiryInput['applicant'],
  ): Promise<Inquiry>;
  /** Takes the action as `by` (claiming the inquiry first when it waits for `by`'s role). */
  act(inquiry: Inquiry, action: string, by: string, comment?: string): Promise<Inquiry>;
  /** Pays the inquiry's invoice in full at the cash desk. */
  pay(inquiry: Inquiry): Promise<void>;
  stop(): Promise<void>;
}

export const CITIZEN: FileInquiryInput['applicant'] = {
  type: 'individual',
  pinfl: '31507976020031',
  lastName: 'Karimov',
  firstName: 'Aziz',
  phone: '+998901234567',
  locale: 'uz-Latn',
};

/** The plugins a city pack depends on, imported by package name (`@darcha/plugin-<id>`). */
async function dependencies(city: CityPack): Promise<DarchaPlugin[]> {
  const ids = city.spec.dependsOn.map((dependency) => dependency.id);
  const modules = await Promise.all(
    ids.map((id) => import(`@darcha/plugin-${id}`) as Promise<{ default: DarchaPlugin }>),
  );
  return modules.map((module) => module.default);
}

/** Starts the city on an in-memory database the way the demo runs it. */
export async function startCity(city: CityPack): Promise<CityHost> {
  const tenantId = city.spec.tenant.id;
  const plugins = await dependencies(city);
  const host = await startTestHost({
    plugins: [...plugins, city.plugin],
    tenants: [UZBEKISTAN, ...UZBEKISTAN_REGIONS, city.spec.tenant],
    enable: { [tenantId]: [...plugins.map((plugin) => plugin.id), city.spec.id] },
  });
  const { platform } = host;
  await platform.calendars.set('uz', uzbekistanCalendar(), 'test');
  const staff: Record<string, Actor> = {};
  for (const { login, ...member } of city.demoStaff()) {
    const { id } = await platform.staff.create(tenantId, member);
    staff[login] = { id, kind: 'staff', roles: member.roles, agencyCodes: member.agencyCodes };
  }
  const actor = (login: string): Actor => {
    const found = staff[login];
    if (!found) throw new Error(`no demo staff member "${login}" in ${tenantId}`);
    return found;
  };
  return {
    host,
    tenantId,
    staff,
    async file(by, serviceCode, formData, applicant = CITIZEN) {
      const input = { serviceCode, applicant, formData, channel: 'desk' as const };
      const { inquiry } = await platform.engine.file(tenantId, input, actor(by));
      await platform.outbox.runOnce(); // the invoice is made on `inquiry.filed`
      return platform.engine.get(tenantId, inquiry.id);
    },
    async act(inquiry, action, by, comment) {
      const who = actor(by);
      let current = await platform.engine.get(tenantId, inquiry.id);
      if (!current.assigneeId && current.candidateRole && who.roles.includes(current.candidateRole)) {
        current = (await platform.engine.claim(tenantId, current.id, current.version, who)).inquiry;
      }
      const input = { action, expectedVersion: current.version, ...(comment ? { comment } : {}) };
      const next = (await platform.engine.transition(tenantId, current.id, input, who)).inquiry;
      await platform.outbox.runOnce(); // document effects
      return platform.engine.get(tenantId, next.id);
    },
    async pay(inquiry) {
      const invoice = await platform.payments.invoiceFor(tenantId, inquiry.id);
      if (!invoice) throw new Error(`inquiry ${inquiry.trackingNumber} has no invoice`);
      await platform.payments.payAtDesk(
        tenantId,
        invoice.id,
        { amount: invoice.total, method: 'cash' },
        actor('cashier'),
      );
    },
    stop: () => host.stop(),
  };
}
