import type {
  Actor,
  ApplicantCategory,
  ApplicantType,
  DarchaPlugin,
  FileInquiryInput,
  Inquiry,
} from '@darcha/core';
import { startTestHost, type TestHost } from '@darcha/testing';

export const TENANT = 'chirchik';
export const PINFL = '31507976020031';
export const TIN = '301234567';

const ALL_LOCALES = (text: string) => ({ 'uz-Latn': text, 'uz-Cyrl': text, ru: text, en: text });

/**
 * A test city (Chirchik under `uz`, whose BHM the core seeds) with a cadastre unit offering the pack's
 * services, its front office, officer, supervisor and cashier. Inquiries go through the platform's own
 * engine, so the payment check is the real PaymentService: an inquiry moves on only once its invoice
 * is paid at the desk.
 */
export interface CadastreCity {
  host: TestHost;
  actors: Record<'operator' | 'officer' | 'supervisor' | 'cashier', Actor>;
  citizenActor: Actor;
  file(
    serviceCode: string,
    formData: Record<string, unknown>,
    options?: { applicantType?: ApplicantType; categories?: ApplicantCategory[] },
  ): Promise<Inquiry>;
  act(inquiry: Inquiry, action: string, actor: Actor, comment?: string): Promise<Inquiry>;
  stop(): Promise<void>;
}

export async function startCadastreCity(plugins: DarchaPlugin[]): Promise<CadastreCity> {
  const host = await startTestHost({
    plugins,
    tenants: [
      { id: 'uz', kind: 'country', names: ALL_LOCALES('Uzbekistan') },
      {
        id: TENANT,
        kind: 'city',
        parentId: 'uz',
        names: ALL_LOCALES('Chirchiq'),
        settings: { inquiries: { trackingPrefix: 'CHR' } },
      },
    ],
    enable: { [TENANT]: plugins.map((plugin) => plugin.id) },
  });
  const { platform } = host;
  const agencyCode = 'cadastre-unit';
  await platform.agencies.upsertAgency(TENANT, {
    code: agencyCode,
    kind: 'cadastre',
    names: ALL_LOCALES('Kadastr'),
    contacts: {},
    workingHours: {},
    active: true,
  });
  for (const service of platform.services.list()) {
    if (service.agencyKind !== 'cadastre') continue;
    await platform.catalog.setEntry(TENANT, { serviceCode: service.code, offered: true, agencyCode });
  }
  const actor = async (name: string, roles: string[]): Promise<Actor> => {
    const member = await platform.staff.create(TENANT, {
      displayName: name,
      roles,
      agencyCodes: [agencyCode],
    });
    return { id: member.id, kind: 'staff', roles, agencyCodes: [agencyCode] };
  };
  const actors = {
    operator: await actor('operator', ['front_office']),
    officer: await actor('officer', ['back_office']),
    supervisor: await actor('supervisor', ['supervisor', 'back_office']),
    cashier: await actor('cashier', ['cashier']),
  };
  const { engine } = platform;
  return {
    host,
    actors,
    citizenActor: { id: `citizen:${PINFL}`, kind: 'citizen', roles: ['citizen'], applicantKey: PINFL },
    async file(serviceCode, formData, options = {}) {
      const common = {
        phone: '+998901234567',
        locale: 'ru' as const,
        ...(options.categories ? { categories: options.categories } : {}),
      };
      const applicant: FileInquiryInput['applicant'] =
        options.applicantType === 'legal_entity'
          ? {
              type: 'legal_entity',
              tin: TIN,
              name: 'Chirchiq Savdo MChJ',
              representative: { lastName: 'Karimov', firstName: 'Aziz' },
              ...common,
            }
          : { type: 'individual', pinfl: PINFL, lastName: 'Karimov', firstName: 'Aziz', ...common };
      const input = { serviceCode, applicant, formData, channel: 'desk' as const };
      const { inquiry } = await engine.file(TENANT, input, actors.operator);
      await platform.outbox.runOnce(); // the invoice is made on `inquiry.filed`
      return inquiry;
    },
    async act(inquiry, action, by, comment) {
      let current = await engine.get(TENANT, inquiry.id);
      if (!current.assigneeId && current.candidateRole && by.roles.includes(current.candidateRole)) {
        current = (await engine.claim(TENANT, current.id, current.version, by)).inquiry;
      }
      const input = { action, expectedVersion: current.version, ...(comment ? { comment } : {}) };
      const next = (await engine.transition(TENANT, current.id, input, by)).inquiry;
      await platform.outbox.runOnce(); // document effects
      return next;
    },
    stop: () => host.stop(),
  };
}
