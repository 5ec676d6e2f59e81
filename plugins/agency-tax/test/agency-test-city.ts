import type {
  Actor,
  ApplicantCategory,
  ApplicantType,
  Channel,
  DarchaPlugin,
  FeeQuote,
  FileInquiryInput,
  Inquiry,
  LocalizedText,
} from '@darcha/core';
import { startTestHost, type TestHost } from '@darcha/testing';

/** The founder and director who files for the test company, and the company's TIN. */
export const PINFL = '31507976020031';
export const TIN = '301234567';
/** The company in every legal-entity filing. */
export const COMPANY = 'Hisob Servis MChJ';

const ALL_LOCALES = (text: string): LocalizedText => ({
  'uz-Latn': text,
  'uz-Cyrl': text,
  ru: text,
  en: text,
});

/** One agency of the test city and the services (by code) it offers. */
export interface TestAgency {
  code: string;
  kind: string;
  offers: string[];
}

/** How a test files: who applies, through which channel, with which discount categories. */
export interface FilingOptions {
  applicantType?: ApplicantType;
  /** `desk` (the front office files, default) or `online` (the applicant files as a citizen). */
  channel?: Exclude<Channel, 'api'>;
  categories?: ApplicantCategory[];
}

/**
 * A test city under `uz` (whose BHM the core seeds) with the given agencies, their front office,
 * officer, supervisor and cashier. Inquiries go through the platform's own engine; the invoice is
 * made on `inquiry.filed` and paid at the desk with the real PaymentService.
 */
export interface AgencyTestCity {
  host: TestHost;
  tenant: string;
  actors: Record<'operator' | 'officer' | 'supervisor' | 'cashier', Actor>;
  /** The citizen {@link PINFL}: the individual applicant, or the company's representative online. */
  citizenActor: Actor;
  file(serviceCode: string, formData: Record<string, unknown>, options?: FilingOptions): Promise<Inquiry>;
  act(inquiry: Inquiry, action: string, actor: Actor, comment?: string): Promise<Inquiry>;
  /** The fee as the FeeService quotes it today (or on `at`), at the desk unless told. */
  quote(
    serviceCode: string,
    formData: Record<string, unknown>,
    options?: FilingOptions & { at?: Date },
  ): Promise<FeeQuote>;
  /** Pays the inquiry's invoice in full at the cash desk and returns the total paid. */
  pay(inquiry: Inquiry): Promise<number>;
  stop(): Promise<void>;
}

export async function startAgencyTestCity(
  plugins: DarchaPlugin[],
  city: { id: string; name: string; trackingPrefix: string; agencies: TestAgency[] },
): Promise<AgencyTestCity> {
  const tenant = city.id;
  const host = await startTestHost({
    plugins,
    tenants: [
      { id: 'uz', kind: 'country', names: ALL_LOCALES('Uzbekistan') },
      {
        id: tenant,
        kind: 'city',
        parentId: 'uz',
        names: ALL_LOCALES(city.name),
        settings: { inquiries: { trackingPrefix: city.trackingPrefix } },
      },
    ],
    enable: { [tenant]: plugins.map((plugin) => plugin.id) },
  });
  const { platform } = host;
  for (const agency of city.agencies) {
    await platform.agencies.upsertAgency(tenant, {
      code: agency.code,
      kind: agency.kind,
      names: ALL_LOCALES(agency.code),
      contacts: {},
      workingHours: {},
      active: true,
    });
    for (const serviceCode of agency.offers) {
      await platform.catalog.setEntry(tenant, { serviceCode, offered: true, agencyCode: agency.code });
    }
  }
  const agencyCodes = city.agencies.map((agency) => agency.code);
  const actor = async (name: string, roles: string[]): Promise<Actor> => {
    const member = await platform.staff.create(tenant, { displayName: name, roles, agencyCodes });
    return { id: member.id, kind: 'staff', roles, agencyCodes };
  };
  const actors = {
    operator: await actor('operator', ['front_office']),
    officer: await actor('officer', ['back_office']),
    supervisor: await actor('supervisor', ['supervisor', 'back_office']),
    cashier: await actor('cashier', ['cashier']),
  };
  const citizenActor: Actor = {
    id: `citizen:${PINFL}`,
    kind: 'citizen',
    roles: ['citizen'],
    applicantKey: PINFL,
  };
  const { engine, payments } = platform;
  return {
    host,
    tenant,
    actors,
    citizenActor,
    async file(serviceCode, formData, options = {}) {
      const channel = options.channel ?? 'desk';
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
              name: COMPANY,
              representative: { pinfl: PINFL, lastName: 'Karimov', firstName: 'Aziz' },
              ...common,
            }
          : { type: 'individual', pinfl: PINFL, lastName: 'Karimov', firstName: 'Aziz', ...common };
      const filer = channel === 'online' ? citizenActor : actors.operator;
      const { inquiry } = await engine.file(tenant, { serviceCode, applicant, formData, channel }, filer);
      await platform.outbox.runOnce(); // the invoice is made on `inquiry.filed`
      return inquiry;
    },
    async act(inquiry, action, by, comment) {
      let current = await engine.get(tenant, inquiry.id);
      if (!current.assigneeId && current.candidateRole && by.roles.includes(current.candidateRole)) {
        current = (await engine.claim(tenant, current.id, current.version, by)).inquiry;
      }
      const input = { action, expectedVersion: current.version, ...(comment ? { comment } : {}) };
      const next = (await engine.transition(tenant, current.id, input, by)).inquiry;
      await platform.outbox.runOnce(); // document effects
      return next;
    },
    quote(serviceCode, formData, options = {}) {
      return platform.fees.quote(tenant, {
        serviceCode,
        formData,
        channel: options.channel ?? 'desk',
        applicantType: options.applicantType ?? 'individual',
        ...(options.categories ? { categories: options.categories } : {}),
        ...(options.at ? { at: options.at } : {}),
      });
    },
    async pay(inquiry) {
      const invoice = await payments.invoiceFor(tenant, inquiry.id);
      if (!invoice) throw new Error(`inquiry ${inquiry.trackingNumber} has no invoice`);
      const paid = await payments.payAtDesk(
        tenant,
        invoice.id,
        { amount: invoice.total, method: 'cash' },
        actors.cashier,
      );
      if (paid.invoice.status !== 'paid') throw new Error(`invoice ${invoice.id} is ${paid.invoice.status}`);
      return invoice.total;
    },
    stop: () => host.stop(),
  };
}
