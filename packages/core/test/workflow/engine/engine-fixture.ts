import { TenantCalendarStore } from '../../../src/calendar/tenant-calendar-store.js';
import type { Database } from '../../../src/db/database.js';
import { openTestDatabase } from '../../../src/db/testing.js';
import { createLogger } from '../../../src/logging/logger.js';
import { ContributionRegistry } from '../../../src/plugins/contribution-registry.js';
import { definePlugin } from '../../../src/plugins/define-plugin.js';
import { PostgresAgencyDirectory } from '../../../src/registry/postgres-agency-directory.js';
import { PostgresServiceRegistry } from '../../../src/registry/postgres-service-registry.js';
import { PostgresTenantCatalog } from '../../../src/registry/postgres-tenant-catalog.js';
import type { ServiceDefinition } from '../../../src/registry/types.js';
import { ApplicationValidator } from '../../../src/registry/validation/application-validator.js';
import { PostgresStaffDirectory } from '../../../src/staff/staff-directory.js';
import { postgresStaffQueries } from '../../../src/staff/staff-routing.js';
import { PostgresTenantRegistry } from '../../../src/tenancy/postgres-tenant-registry.js';
import type { WorkflowDefinition } from '../../../src/workflow/definition/types.js';
import { COMPOSITE_WORKFLOW, COMPOSITE_WORKFLOW_V1 } from '../../../src/workflow/engine/composite.js';
import type { PaymentCheck } from '../../../src/workflow/engine/engine-types.js';
import type { RoutingPolicy } from '../../../src/workflow/engine/tenant-workflow-context.js';
import { TenantWorkflowContexts } from '../../../src/workflow/engine/tenant-workflow-context.js';
import { WorkflowDefinitionStore } from '../../../src/workflow/engine/workflow-definition-store.js';
import { WorkflowEngine } from '../../../src/workflow/engine/workflow-engine.js';
import type { Actor, FileInquiryInput } from '../../../src/workflow/inquiry/types.js';
import { noDebtCertificateWorkflow, registerExtractWorkflow } from '../definition/fixtures.js';

export const dbEngine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

/** A controllable clock: starts on Monday 2 March 2026, 10:00 in Tashkent (05:00 UTC). */
export class TestClock {
  now = new Date('2026-03-02T05:00:00Z');
  read = (): Date => new Date(this.now);
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
  set(iso: string): void {
    this.now = new Date(iso);
  }
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

function service(code: string, changes: Partial<ServiceDefinition>): ServiceDefinition {
  return {
    code,
    version: 1,
    names: { 'uz-Latn': code, 'uz-Cyrl': code, ru: code, en: code },
    category: 'utilities.gas',
    agencyKind: 'gas',
    applicantTypes: ['individual', 'legal_entity'],
    kind: 'service',
    channels: ['desk', 'online', 'api'],
    form: {
      type: 'object',
      required: ['account'],
      additionalProperties: false,
      properties: { account: { type: 'string', format: 'utility-account' } },
    },
    documents: [],
    fee: { free: true },
    sla: { unit: 'working_days', value: 3 },
    workflow: 'agency-gas/no-debt-certificate',
    ...changes,
  };
}

export const GAS_NO_DEBT = service('gas.no-debt-certificate', {});
export const CADASTRE_EXTRACT = service('cadastre.register-extract', {
  category: 'property.cadastre',
  agencyKind: 'cadastre',
  form: { type: 'object', properties: { area: { type: 'number', minimum: 1 } } },
  documents: [
    {
      code: 'technical-passport',
      names: { en: 'Technical passport' },
      accept: ['application/pdf'],
      maxBytes: 1_000_000,
      optional: true,
    },
  ],
  fee: {
    free: false,
    rule: 'core/schedule',
    tenantOverridable: true,
    params: {
      tiers: [
        {
          id: 'legal-entity',
          when: [{ field: '$applicantType', equals: 'legal_entity' }],
          amount: { bhm: 5 },
        },
        { id: 'up-to-100', when: [{ field: '/area', max: 100 }], amount: { bhm: 1.25 } },
        { id: '101-300', when: [{ field: '/area', max: 300 }], amount: { bhm: 2 } },
        { id: 'over-300', when: [{ field: '/area', min: 300 }], amount: { bhm: 3 } },
      ],
      discounts: [
        { category: 'social-register', percent: 50 },
        { category: 'disability-1', percent: 50 },
        { category: 'disability-2', percent: 50 },
      ],
    },
  },
  sla: { unit: 'working_days', value: 5 },
  workflow: 'agency-cadastre/register-extract',
});
/** A simple two-step workflow every property test can walk. */
export function simpleWorkflow(version = 1): WorkflowDefinition {
  return {
    key: 'agency-gas/simple',
    version,
    names: { en: 'Simple' },
    states: {
      submitted: {
        type: 'start',
        publicStatus: 'submitted',
        names: { en: 'Submitted' },
        candidateRole: 'back_office',
      },
      in_review: {
        type: 'normal',
        publicStatus: 'in_progress',
        names: { en: 'In review' },
        candidateRole: 'back_office',
        sla: { unit: 'working_hours', value: 4, onBreach: 'escalate' },
      },
      waiting: {
        type: 'normal',
        publicStatus: 'action_required',
        names: { en: 'Waiting for the applicant' },
        clock: 'paused',
        candidateRole: 'citizen',
        sla: { unit: 'working_days', value: 2, onBreach: { action: 'expire' } },
      },
      done: { type: 'terminal', publicStatus: 'completed', names: { en: 'Done' } },
      rejected: { type: 'terminal', publicStatus: 'rejected', names: { en: 'Rejected' } },
      expired: { type: 'terminal', publicStatus: 'rejected', names: { en: 'Expired' } },
    },
    transitions: [
      {
        action: 'review',
        from: ['submitted'],
        to: 'in_review',
        roles: ['back_office'],
        names: { en: 'Review' },
      },
      {
        action: 'ask',
        from: ['in_review'],
        to: 'waiting',
        roles: ['back_office'],
        public: true,
        requires: { comment: true },
        names: { en: 'Ask the applicant' },
      },
      {
        action: 'answer',
        from: ['waiting'],
        to: 'in_review',
        roles: ['citizen', 'front_office'],
        public: true,
        names: { en: 'Answered' },
      },
      {
        action: 'expire',
        from: ['waiting'],
        to: 'expired',
        roles: ['system'],
        public: true,
        names: { en: 'Expired' },
      },
      {
        action: 'finish',
        from: ['in_review'],
        to: 'done',
        roles: ['back_office'],
        guards: ['core/is-assignee'],
        public: true,
        names: { en: 'Finish' },
      },
      {
        action: 'reject',
        from: ['submitted', 'in_review'],
        to: 'rejected',
        roles: ['back_office', 'supervisor'],
        requires: { comment: true },
        public: true,
        names: { en: 'Reject' },
      },
      {
        action: 'appeal',
        from: ['rejected'],
        to: 'in_review',
        roles: ['citizen', 'front_office'],
        within: { days: 15, unit: 'calendar_days', of: 'rejection' },
        requires: { comment: true },
        public: true,
        names: { en: 'Appeal' },
      },
    ],
    ...(version > 1 ? {} : {}),
  };
}

export const SIMPLE_SERVICE = service('gas.simple', { workflow: 'agency-gas/simple' });
export const LIFE_EVENT = service('life.new-home', {
  category: 'utilities.gas',
  form: { type: 'object' },
  workflow: 'core/composite',
  flags: { composite: true },
  composite: { children: ['gas.simple', 'gas.simple-water'], onChildRejected: 'continue' },
});
/** The same life event under the default rule: one rejected child rejects the whole application. */
export const LIFE_EVENT_STRICT = service('life.new-home-strict', {
  form: { type: 'object' },
  workflow: 'core/composite',
  flags: { composite: true },
  composite: { children: ['gas.simple', 'gas.simple-water'] },
});
export const SIMPLE_WATER = service('gas.simple-water', { workflow: 'agency-gas/simple' });

export const citizen = (pinfl: string): FileInquiryInput['applicant'] => ({
  type: 'individual',
  pinfl,
  lastName: 'Karimov',
  firstName: 'Aziz',
  phone: '+998901234567',
  locale: 'uz-Latn',
});

export interface EngineFixture {
  db: Database;
  /** The registry the engine reads settings through (it caches them; change them through this one). */
  tenants: PostgresTenantRegistry;
  engine: WorkflowEngine;
  workflows: WorkflowDefinitionStore;
  staff: PostgresStaffDirectory;
  clock: TestClock;
  payments: { paid: Set<string>; failWith?: Error };
  services: PostgresServiceRegistry;
  catalog: PostgresTenantCatalog;
  /** Staff actors of Chirchik by name. */
  actors: Record<'operator' | 'officer' | 'officer2' | 'supervisor', Actor>;
  filing(overrides?: Partial<FileInquiryInput>): FileInquiryInput;
  close(): Promise<void>;
}

export async function openEngineFixture(options: { routing?: RoutingPolicy } = {}): Promise<EngineFixture> {
  const db = await openTestDatabase();
  const logger = createLogger({ level: 'silent' });
  const clock = new TestClock();
  const tenants = new PostgresTenantRegistry(db);
  await tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
  await tenants.create({
    id: 'chirchik',
    kind: 'city',
    parentId: 'uz',
    names: { 'uz-Latn': 'Chirchiq' },
    settings: {
      inquiries: { trackingPrefix: 'CHR' },
      workflow: { routing: options.routing ?? 'candidate_role' },
    },
  });
  await tenants.create({ id: 'djizak', kind: 'city', parentId: 'uz', names: { 'uz-Latn': 'Jizzax' } });
  const validator = new ApplicationValidator();
  const services = new PostgresServiceRegistry(db, {
    compileForm: (definition) => void validator.compileForm(definition),
    validate: (definition, data, locale) => validator.validate(definition, data, locale),
  });
  services.addCategories('agency-gas', [{ id: 'utilities.gas', names: { en: 'Gas' } }]);
  services.addCategories('agency-cadastre', [{ id: 'property.cadastre', names: { en: 'Cadastre' } }]);
  await services.publish('agency-gas', [
    GAS_NO_DEBT,
    SIMPLE_SERVICE,
    SIMPLE_WATER,
    LIFE_EVENT,
    LIFE_EVENT_STRICT,
  ]);
  await services.publish('agency-cadastre', [CADASTRE_EXTRACT]);
  const workflows = new WorkflowDefinitionStore(db);
  await workflows.load();
  await workflows.publish('core', [COMPOSITE_WORKFLOW_V1, COMPOSITE_WORKFLOW]);
  await workflows.publish('agency-gas', [noDebtCertificateWorkflow(), simpleWorkflow()]);
  await workflows.publish('agency-cadastre', [registerExtractWorkflow()]);
  const agencies = new PostgresAgencyDirectory(db);
  for (const city of ['chirchik', 'djizak']) {
    await agencies.upsertAgency(city, {
      code: 'gorgas',
      kind: 'gas',
      names: { en: 'Gorgas' },
      contacts: {},
      workingHours: {},
      active: true,
    });
    await agencies.upsertAgency(city, {
      code: 'kadastr',
      kind: 'cadastre',
      names: { en: 'Cadastre' },
      contacts: {},
      workingHours: {},
      active: true,
    });
  }
  const catalog = new PostgresTenantCatalog(db, services, tenants);
  for (const city of ['chirchik', 'djizak']) {
    for (const code of [
      GAS_NO_DEBT.code,
      SIMPLE_SERVICE.code,
      SIMPLE_WATER.code,
      LIFE_EVENT.code,
      LIFE_EVENT_STRICT.code,
    ]) {
      await catalog.setEntry(city, { serviceCode: code, offered: true, agencyCode: 'gorgas' });
    }
    await catalog.setEntry(city, {
      serviceCode: CADASTRE_EXTRACT.code,
      offered: true,
      agencyCode: 'kadastr',
    });
  }
  const staff = new PostgresStaffDirectory({ db });
  const ids: Record<string, string> = {};
  for (const [name, roles] of [
    ['operator', ['front_office']],
    ['officer', ['back_office']],
    ['officer2', ['back_office']],
    ['supervisor', ['supervisor', 'back_office']],
  ] as const) {
    const member = await staff.create('chirchik', {
      displayName: name,
      roles: [...roles],
      agencyCodes: ['gorgas'],
    });
    ids[name] = member.id;
  }
  const actor = (name: string, roles: string[]): Actor => ({
    id: ids[name]!,
    kind: 'staff',
    roles,
    agencyCodes: ['gorgas'],
  });
  const paymentState: { paid: Set<string>; failWith?: Error } = { paid: new Set<string>() };
  const payments: PaymentCheck = {
    isPaid: (_trx, _tenant, inquiryId) =>
      paymentState.failWith
        ? Promise.reject(paymentState.failWith)
        : Promise.resolve(paymentState.paid.has(inquiryId)),
  };
  const contributions = new ContributionRegistry();
  contributions.add(
    definePlugin({
      id: 'agency-gas',
      version: '1.0.0',
      kind: 'agency',
      engines: { darcha: '^1.0.0' },
      guards: { 'no-debt': ({ data }) => (data as { debt?: number } | undefined)?.debt === 0 },
    }),
  );
  const engine = new WorkflowEngine({
    db,
    logger,
    workflows,
    services,
    catalog,
    contexts: new TenantWorkflowContexts({
      tenants,
      calendars: new TenantCalendarStore({ db, tenants }),
      ttlMs: 0,
    }),
    staff: postgresStaffQueries,
    contributions,
    payments,
    clock: clock.read,
  });
  return {
    tenants,
    db,
    engine,
    workflows,
    staff,
    clock,
    payments: paymentState,
    services,
    catalog,
    actors: {
      operator: actor('operator', ['front_office']),
      officer: actor('officer', ['back_office']),
      officer2: actor('officer2', ['back_office']),
      supervisor: actor('supervisor', ['supervisor', 'back_office']),
    },
    filing: (overrides = {}) => ({
      serviceCode: SIMPLE_SERVICE.code,
      applicant: citizen('31234567890123'),
      formData: { account: '1234567' },
      channel: 'desk',
      ...overrides,
    }),
    close: () => db.close(),
  };
}
