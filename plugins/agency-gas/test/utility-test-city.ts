import {
  TenantWorkflowContexts,
  WorkflowEngine,
  createLogger,
  postgresStaffQueries,
  type Actor,
  type ApplicantCategory,
  type DarchaPlugin,
  type FileInquiryInput,
  type Inquiry,
  type IssuedDocument,
} from '@darcha/core';
import { startTestHost, type TestHost } from '@darcha/testing';

/**
 * A test city for the utility packs (Chirchik under the country `uz`, whose BHM the core seeds),
 * with one agency offering every service of the packs under test, its front office, officer and
 * supervisor, and an engine whose payment check is a set of paid inquiries: the payments module is
 * not there yet, so a test quotes the fee with the FeeService and then marks the inquiry paid.
 */
export interface UtilityTestCity {
  host: TestHost;
  /** The code of the city's agency that offers the services. */
  agencyCode: string;
  engine: WorkflowEngine;
  actors: Record<'operator' | 'officer' | 'supervisor', Actor>;
  /** Inquiry ids whose invoice counts as paid. */
  paid: Set<string>;
  /** The citizen's own actor, for appeals. */
  citizenActor: Actor;
  file(
    serviceCode: string,
    formData: Record<string, unknown>,
    categories?: ApplicantCategory[],
  ): Promise<Inquiry>;
  /** Takes an action as `actor` on the inquiry as it is now, claiming the inquiry first when it waits unassigned in the actor's inbox. */
  act(inquiry: Inquiry, action: string, actor: Actor, comment?: string): Promise<Inquiry>;
  /** Delivers pending outbox events (document effects), then lists the inquiry's documents. */
  documents(inquiryId: string): Promise<IssuedDocument[]>;
  stop(): Promise<void>;
}

export const TENANT = 'chirchik';
export const PINFL = '31507976020031';

const ALL_LOCALES = (text: string) => ({ 'uz-Latn': text, 'uz-Cyrl': text, ru: text, en: text });

export async function startUtilityCity(
  plugins: DarchaPlugin[],
  agency: { code: string; kind: string },
): Promise<UtilityTestCity> {
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
  const paid = new Set<string>();
  const engine = new WorkflowEngine({
    db: platform.db,
    logger: createLogger({ level: 'silent' }),
    workflows: platform.workflows,
    services: platform.services,
    catalog: platform.catalog,
    contexts: new TenantWorkflowContexts({ tenants: platform.tenants, calendars: platform.calendars }),
    staff: postgresStaffQueries,
    contributions: platform.plugins.contributions,
    payments: { isPaid: (_trx, _tenant, inquiryId) => Promise.resolve(paid.has(inquiryId)) },
  });
  const applicant = (categories?: ApplicantCategory[]): FileInquiryInput['applicant'] => ({
    type: 'individual',
    pinfl: PINFL,
    lastName: 'Karimov',
    firstName: 'Aziz',
    phone: '+998901234567',
    locale: 'ru',
    ...(categories ? { categories } : {}),
  });
  return {
    host,
    agencyCode: agency.code,
    engine,
    actors,
    paid,
    citizenActor: { id: `citizen:${PINFL}`, kind: 'citizen', roles: ['citizen'], applicantKey: PINFL },
    async file(serviceCode, formData, categories) {
      const input = { serviceCode, applicant: applicant(categories), formData, channel: 'desk' as const };
      return (await engine.file(TENANT, input, actors.operator)).inquiry;
    },
    async act(inquiry, action, by, comment) {
      let current = await engine.get(TENANT, inquiry.id);
      if (!current.assigneeId && current.candidateRole && by.roles.includes(current.candidateRole)) {
        current = (await engine.claim(TENANT, current.id, current.version, by)).inquiry;
      }
      const input = { action, expectedVersion: current.version, ...(comment ? { comment } : {}) };
      return (await engine.transition(TENANT, current.id, input, by)).inquiry;
    },
    async documents(inquiryId) {
      await platform.outbox.runOnce();
      return platform.documents.listForInquiry(TENANT, inquiryId);
    },
    stop: () => host.stop(),
  };
}
