import {
  TenantWorkflowContexts,
  TimerScheduler,
  WorkflowEngine,
  createLogger,
  postgresStaffQueries,
  type Actor,
  type ApplicantType,
  type Channel,
  type DarchaPlugin,
  type FileInquiryInput,
  type Inquiry,
  type IssuedDocument,
  type PublicHistoryEntry,
} from '@darcha/core';
import { startTestHost, type TestHost } from '@darcha/testing';

export const TENANT = 'chirchik';
export const PINFL = '31507976020031';
export const TIN = '301234567';

const ALL_LOCALES = (text: string) => ({ 'uz-Latn': text, 'uz-Cyrl': text, ru: text, en: text });

/**
 * A test city (Chirchik under `uz`, whose BHM the core seeds) with one agency offering every service
 * of its kind, the agency's front office, officer and supervisor, and the applicant Aziz Karimov
 * (PINFL {@link PINFL}, or his company, TIN {@link TIN}). Inquiries go through the platform's own
 * engine; timers are fired by a second engine whose clock is set to a given moment, so a test can
 * see what the scheduler does days later. Shared by the employment, chamber, bank and information
 * packs.
 */
export interface AgencyCity {
  host: TestHost;
  agencyCode: string;
  actors: Record<'operator' | 'officer' | 'supervisor', Actor>;
  /** Aziz Karimov signed in as a citizen: he files online and appeals. */
  citizen: Actor;
  file(
    serviceCode: string,
    formData: Record<string, unknown>,
    options?: { applicantType?: ApplicantType; channel?: Channel },
  ): Promise<Inquiry>;
  /** Takes an action on the inquiry as it is now, claiming it first when it waits unassigned in the actor's inbox. */
  act(inquiry: Inquiry, action: string, actor: Actor, comment?: string): Promise<Inquiry>;
  /** Delivers pending outbox events (document effects), then lists the inquiry's documents. */
  documents(inquiryId: string): Promise<IssuedDocument[]>;
  /** What the citizen reads of the inquiry's history, in English. */
  publicHistory(inquiryId: string): Promise<PublicHistoryEntry[]>;
  /** Fires every timer due at `at` as the scheduler would then; returns the outcomes for the inquiry. */
  fireTimersAt(at: Date, inquiryId: string): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startAgencyCity(
  plugins: DarchaPlugin[],
  agency: { code: string; kind: string },
): Promise<AgencyCity> {
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
  await platform.agencies.upsertAgency(TENANT, {
    ...agency,
    names: ALL_LOCALES(agency.code),
    contacts: {},
    workingHours: {},
    active: true,
  });
  for (const service of platform.services.list()) {
    if (service.agencyKind !== agency.kind) continue;
    await platform.catalog.setEntry(TENANT, {
      serviceCode: service.code,
      offered: true,
      agencyCode: agency.code,
    });
  }
  const actor = async (name: string, roles: string[]): Promise<Actor> => {
    const member = await platform.staff.create(TENANT, {
      displayName: name,
      roles,
      agencyCodes: [agency.code],
    });
    return { id: member.id, kind: 'staff', roles, agencyCodes: [agency.code] };
  };
  const actors = {
    operator: await actor('operator', ['front_office']),
    officer: await actor('officer', ['back_office']),
    supervisor: await actor('supervisor', ['supervisor', 'back_office']),
  };
  const citizen: Actor = { id: `citizen:${PINFL}`, kind: 'citizen', roles: ['citizen'], applicantKey: PINFL };
  const { engine } = platform;

  const applicant = (type: ApplicantType): FileInquiryInput['applicant'] => {
    const common = { phone: '+998901234567', locale: 'ru' as const };
    return type === 'legal_entity'
      ? {
          type,
          tin: TIN,
          name: 'Chirchiq Savdo MChJ',
          representative: { lastName: 'Karimov', firstName: 'Aziz', pinfl: PINFL },
          ...common,
        }
      : { type, pinfl: PINFL, lastName: 'Karimov', firstName: 'Aziz', ...common };
  };

  /** An engine on the same database whose clock reads `at`, for the scheduler. */
  const engineAt = (at: Date) =>
    new WorkflowEngine({
      db: platform.db,
      logger: createLogger({ level: 'silent' }),
      workflows: platform.workflows,
      services: platform.services,
      catalog: platform.catalog,
      contexts: new TenantWorkflowContexts({ tenants: platform.tenants, calendars: platform.calendars }),
      staff: postgresStaffQueries,
      contributions: platform.plugins.contributions,
      payments: platform.payments,
      clock: () => at,
    });

  return {
    host,
    agencyCode: agency.code,
    actors,
    citizen,
    async file(serviceCode, formData, options = {}) {
      const channel = options.channel ?? 'desk';
      const input = {
        serviceCode,
        applicant: applicant(options.applicantType ?? 'individual'),
        formData,
        channel,
      };
      const { inquiry } = await engine.file(TENANT, input, channel === 'online' ? citizen : actors.operator);
      await platform.outbox.runOnce();
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
    async documents(inquiryId) {
      await platform.outbox.runOnce();
      return platform.documents.listForInquiry(TENANT, inquiryId);
    },
    publicHistory: (inquiryId) => engine.publicHistory(TENANT, inquiryId, 'en'),
    async fireTimersAt(at, inquiryId) {
      const scheduler = new TimerScheduler({
        engine: engineAt(at),
        logger: createLogger({ level: 'silent' }),
        tenantIds: () => Promise.resolve([TENANT]),
      });
      const pass = await scheduler.runOnce();
      await platform.outbox.runOnce();
      return pass.fired.filter((fired) => fired.inquiryId === inquiryId).map((fired) => fired.outcome);
    },
    stop: () => host.stop(),
  };
}
