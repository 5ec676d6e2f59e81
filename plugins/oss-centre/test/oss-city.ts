import type {
  Actor,
  ApplicantCategory,
  ApplicantType,
  FileInquiryInput,
  Inquiry,
  LocalizedText,
} from '@darcha/core';
import { startTestHost, type TestHost } from '@darcha/testing';
import ossCentre, { type Room } from '../src/index.js';

export const DJIZAK = 'djizak';
export const NAMANGAN = 'namangan';
export const PINFL = '31507976020031';
export const TIN = '301234567';

const ALL_LOCALES = (text: string): LocalizedText => ({
  'uz-Latn': text,
  'uz-Cyrl': text,
  ru: text,
  en: text,
});

/** Djizak's rooms in these tests: the default training room and a conference hall for 60. */
export const DJIZAK_ROOMS: Room[] = [
  {
    code: 'training-room',
    names: { 'uz-Latn': 'O‘quv xonasi', 'uz-Cyrl': 'Ўқув хонаси', ru: 'Учебный зал', en: 'Training room' },
    capacity: 20,
  },
  {
    code: 'conference-hall',
    names: {
      'uz-Latn': 'Konferens-zal',
      'uz-Cyrl': 'Конференц-зал',
      ru: 'Конференц-зал',
      en: 'Conference hall',
    },
    capacity: 60,
  },
];

/** One city's One-Stop-Shop: its staff, and filing and acting through the platform's own engine. */
export interface OssCentre {
  tenantId: string;
  actors: Record<'operator' | 'supervisor' | 'cashier', Actor>;
  citizen: Actor;
  file(
    serviceCode: string,
    formData: Record<string, unknown>,
    options?: { applicantType?: ApplicantType; categories?: ApplicantCategory[] },
  ): Promise<Inquiry>;
  /** Takes the action as `by` on the inquiry as it is now (claiming it first if it waits in by's inbox), then delivers the outbox. */
  act(inquiry: Inquiry, action: string, by: Actor, comment?: string): Promise<Inquiry>;
  /** Pays the inquiry's invoice in full at the desk, in cash. */
  pay(inquiry: Inquiry): Promise<{ receiptNumber: string; paymentId: string; total: number }>;
}

/** The two test cities and the host they share. */
export interface OssCities {
  host: TestHost;
  djizak: OssCentre;
  namangan: OssCentre;
  stop(): Promise<void>;
}

/**
 * Djizak and Namangan (cities under `uz`, whose BHM the core seeds) with the oss-centre pack enabled:
 * Djizak lists {@link DJIZAK_ROOMS} in its settings, Namangan keeps the default room. Each has the
 * OSS as an agency of kind `oss` offering the pack's services, a front-office operator, a supervisor
 * and a cashier.
 */
export async function startOssCities(): Promise<OssCities> {
  const city = (id: string, name: string, prefix: string) => ({
    id,
    kind: 'city' as const,
    parentId: 'uz',
    names: ALL_LOCALES(name),
    settings: { inquiries: { trackingPrefix: prefix } },
  });
  const host = await startTestHost({
    plugins: [ossCentre],
    tenants: [
      { id: 'uz', kind: 'country', names: ALL_LOCALES('Uzbekistan') },
      city(DJIZAK, 'Jizzax', 'DJZ'),
      city(NAMANGAN, 'Namangan', 'NMG'),
    ],
    enable: { [DJIZAK]: ['oss-centre'], [NAMANGAN]: ['oss-centre'] },
    settings: { [DJIZAK]: { 'oss-centre': { rooms: DJIZAK_ROOMS } } },
  });
  return {
    host,
    djizak: await centre(host, DJIZAK),
    namangan: await centre(host, NAMANGAN),
    stop: () => host.stop(),
  };
}

async function centre(host: TestHost, tenantId: string): Promise<OssCentre> {
  const { platform } = host;
  const agencyCode = 'oss';
  await platform.agencies.upsertAgency(tenantId, {
    code: agencyCode,
    kind: 'oss',
    names: ALL_LOCALES('Yagona darcha'),
    contacts: {},
    workingHours: {},
    active: true,
  });
  for (const service of platform.services.list()) {
    if (service.agencyKind !== 'oss') continue;
    await platform.catalog.setEntry(tenantId, { serviceCode: service.code, offered: true, agencyCode });
  }
  const actor = async (name: string, roles: string[]): Promise<Actor> => {
    const member = await platform.staff.create(tenantId, {
      displayName: name,
      roles,
      agencyCodes: [agencyCode],
    });
    return { id: member.id, kind: 'staff', roles, agencyCodes: [agencyCode] };
  };
  const actors = {
    operator: await actor('operator', ['front_office']),
    supervisor: await actor('supervisor', ['supervisor']),
    cashier: await actor('cashier', ['cashier']),
  };
  const { engine, payments } = platform;
  return {
    tenantId,
    actors,
    citizen: { id: `citizen:${PINFL}`, kind: 'citizen', roles: ['citizen'], applicantKey: PINFL },
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
              name: 'Jizzax Ta’lim MChJ',
              representative: { lastName: 'Rashidova', firstName: 'Dilnoza' },
              ...common,
            }
          : { type: 'individual', pinfl: PINFL, lastName: 'Rashidova', firstName: 'Dilnoza', ...common };
      const input = { serviceCode, applicant, formData, channel: 'desk' as const };
      const { inquiry } = await engine.file(tenantId, input, actors.operator);
      await platform.outbox.runOnce();
      return inquiry;
    },
    async act(inquiry, action, by, comment) {
      let current = await engine.get(tenantId, inquiry.id);
      if (!current.assigneeId && current.candidateRole && by.roles.includes(current.candidateRole)) {
        current = (await engine.claim(tenantId, current.id, current.version, by)).inquiry;
      }
      const input = { action, expectedVersion: current.version, ...(comment ? { comment } : {}) };
      const next = (await engine.transition(tenantId, current.id, input, by)).inquiry;
      await platform.outbox.runOnce();
      return next;
    },
    async pay(inquiry) {
      const invoice = await payments.invoiceFor(tenantId, inquiry.id);
      if (!invoice) throw new Error(`inquiry ${inquiry.trackingNumber} has no invoice`);
      const { payment } = await payments.payAtDesk(
        tenantId,
        invoice.id,
        { amount: invoice.total, method: 'cash' },
        actors.cashier,
      );
      await platform.outbox.runOnce();
      return { receiptNumber: payment.receiptNumber!, paymentId: payment.id, total: invoice.total };
    },
  };
}

/** The local date `days` days from today (Asia/Tashkent), `YYYY-MM-DD`: bookings must lie ahead. */
export function dayAhead(days: number): string {
  const local = new Date(Date.now() + 5 * 3_600_000 + days * 86_400_000);
  return local.toISOString().slice(0, 10);
}

/** A room-rental application in Djizak's training room, for 20 participants unless told. */
export function booking(date: string, startHour: number, hours: number, extra: Record<string, unknown> = {}) {
  return {
    applicantType: 'individual',
    pinfl: PINFL,
    room: 'training-room',
    date,
    startHour,
    hours,
    purpose: 'Seminar on e-reports for entrepreneurs',
    participants: 20,
    phone: '+998901234567',
    ...extra,
  };
}
