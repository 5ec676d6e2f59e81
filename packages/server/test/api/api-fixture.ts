import {
  definePlugin,
  loadConfig,
  openPlatform,
  type Inquiry,
  type Platform,
  type ServiceDefinition,
  type WorkflowDefinition,
} from '@darcha/core';
import { openTestDatabase } from '@darcha/core/testing-db';
import request from 'supertest';
import { createServer, type DarchaServer } from '../../src/create-server.js';

/** The two cities of the API tests; B's resources must stay invisible to A's credentials. */
export const CITY_A = 'chirchik';
export const CITY_B = 'djizak';
export const PASSWORD = 'correct horse battery';

/** Every staff role the tests sign in with, plus an officer bound to an agency. */
export const ROLES = [
  'front_office',
  'back_office',
  'supervisor',
  'cashier',
  'auditor',
  'city_admin',
] as const;
export type Role = (typeof ROLES)[number];

const workflow: WorkflowDefinition = {
  key: 'agency-gas/desk',
  version: 1,
  names: { en: 'Desk' },
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
    },
    waiting: {
      type: 'normal',
      publicStatus: 'action_required',
      names: { en: 'Waiting for the applicant' },
      clock: 'paused',
      candidateRole: 'citizen',
    },
    done: { type: 'terminal', publicStatus: 'completed', names: { en: 'Done' } },
    rejected: { type: 'terminal', publicStatus: 'rejected', names: { en: 'Rejected' } },
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
      action: 'finish',
      from: ['in_review'],
      to: 'done',
      roles: ['back_office'],
      public: true,
      names: { en: 'Finished' },
    },
    {
      action: 'reject',
      from: ['in_review'],
      to: 'rejected',
      roles: ['back_office'],
      public: true,
      requires: { comment: true },
      names: { en: 'Rejected' },
    },
  ],
};

export const SERVICE: ServiceDefinition = {
  code: 'gas.no-debt',
  version: 1,
  names: {
    'uz-Latn': 'Qarzdorlik yo‘qligi',
    'uz-Cyrl': 'Қарздорлик йўқлиги',
    ru: 'Справка об отсутствии долга',
    en: 'No-debt certificate',
  },
  category: 'utilities.gas',
  agencyKind: 'gas',
  applicantTypes: ['individual', 'legal_entity'],
  kind: 'service',
  channels: ['desk', 'online', 'api'],
  form: {
    type: 'object',
    properties: { account: { type: 'string', pattern: '^[0-9]{6,12}$' } },
    required: ['account'],
    additionalProperties: false,
  },
  documents: [
    {
      code: 'passport',
      names: { en: 'Passport' },
      accept: ['application/pdf', 'image/png'],
      maxBytes: 64 * 1024,
    },
  ],
  fee: { free: true },
  sla: { unit: 'working_days', value: 3 },
  workflow: 'agency-gas/desk',
};

/** A service only city B offers. */
export const SERVICE_B_ONLY: ServiceDefinition = {
  ...SERVICE,
  code: 'gas.connection',
  names: { ...SERVICE.names, en: 'Gas connection' },
};

export const APPLICANT = {
  type: 'individual',
  pinfl: '31234567890123',
  lastName: 'Karimova',
  firstName: 'Dilnoza',
  phone: '+998901234567',
  locale: 'ru',
} as const;

/** A city of the fixture: its staff (by role), their sessions and an API key per role. */
export interface FixtureCity {
  tenantId: string;
  staffIds: Record<Role | 'water_officer', string>;
  /** An inquiry filed at the desk. */
  inquiry: Inquiry;
  accessCode: string;
  apiKeys: Record<Role, string>;
}

export interface ApiFixture {
  platform: Platform;
  server: DarchaServer;
  a: FixtureCity;
  b: FixtureCity;
  close(): Promise<void>;
}

/** Opens a platform with two cities, their staff, keys and one inquiry each, and a server over it. */
export async function openApiFixture(): Promise<ApiFixture> {
  const plugin = definePlugin({
    id: 'agency-gas',
    version: '1.0.0',
    kind: 'agency',
    engines: { darcha: '^1.0.0' },
    categories: [{ id: 'utilities.gas', names: { en: 'Gas' } }],
    services: [SERVICE, SERVICE_B_ONLY],
    workflows: [workflow],
  });
  // The tests send many requests from one address: the rate limits have tests of their own.
  const config = loadConfig({
    env: { DARCHA_RATE_LIMIT_SIGN_IN: '100000', DARCHA_RATE_LIMIT_PUBLIC_WRITE: '100000' },
    overrides: { logLevel: 'silent' },
  });
  const platform = await openPlatform({
    config,
    db: await openTestDatabase(),
    plugins: [{ plugin, source: 'inline' }],
  });
  await platform.tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
  const a = await setUpCity(platform, CITY_A, 'CHR');
  const b = await setUpCity(platform, CITY_B, 'DJZ');
  // What only B has, so that A's lookups of it by code must come back empty.
  await platform.agencies.upsertAgency(CITY_B, {
    code: 'ipoteka',
    kind: 'bank',
    names: { en: 'Ipoteka bank' },
    contacts: {},
    workingHours: {},
    active: true,
  });
  await platform.agencies.upsertDesk(CITY_B, {
    code: 'window-9',
    names: { en: 'Window 9' },
    agencyCode: null,
    active: true,
  });
  await platform.catalog.setEntry(CITY_B, {
    serviceCode: SERVICE_B_ONLY.code,
    offered: true,
    agencyCode: 'gorgas',
  });
  const server = createServer({ platform });
  return { platform, server, a, b, close: () => platform.close() };
}

async function setUpCity(platform: Platform, tenantId: string, prefix: string): Promise<FixtureCity> {
  await platform.tenants.create({
    id: tenantId,
    kind: 'city',
    parentId: 'uz',
    names: { 'uz-Latn': tenantId },
    settings: { inquiries: { trackingPrefix: prefix } },
  });
  await platform.plugins.tenantPlugins.enable(tenantId, 'agency-gas');
  await platform.agencies.upsertAgency(tenantId, {
    code: 'gorgas',
    kind: 'gas',
    names: { en: 'Gorgas' },
    contacts: {},
    workingHours: {},
    active: true,
  });
  await platform.agencies.upsertAgency(tenantId, {
    code: 'gorvodokanal',
    kind: 'water',
    names: { en: 'Gorvodokanal' },
    contacts: {},
    workingHours: {},
    active: true,
  });
  await platform.catalog.setEntry(tenantId, {
    serviceCode: SERVICE.code,
    offered: true,
    agencyCode: 'gorgas',
  });
  const staffIds = {} as FixtureCity['staffIds'];
  const apiKeys = {} as FixtureCity['apiKeys'];
  for (const role of ROLES) {
    const member = await platform.staff.create(tenantId, {
      displayName: `${role} of ${tenantId}`,
      roles: [role],
    });
    staffIds[role] = member.id;
    await platform.identity.setStaffCredentials(tenantId, member.id, {
      login: role.replace('_', '.'),
      password: PASSWORD,
    });
    apiKeys[role] = (await platform.identity.createApiKey(tenantId, { name: `${role} key`, role })).key;
  }
  const water = await platform.staff.create(tenantId, {
    displayName: `water officer of ${tenantId}`,
    roles: ['back_office'],
    agencyCodes: ['gorvodokanal'],
  });
  staffIds.water_officer = water.id;
  await platform.identity.setStaffCredentials(tenantId, water.id, {
    login: 'water.officer',
    password: PASSWORD,
  });
  const { inquiry } = await platform.engine.file(
    tenantId,
    {
      serviceCode: SERVICE.code,
      applicant: { ...APPLICANT },
      formData: { account: '1234567' },
      channel: 'desk',
    },
    { id: staffIds.front_office, kind: 'staff', roles: ['front_office'] },
  );
  return {
    tenantId,
    staffIds,
    inquiry,
    accessCode: platform.identity.accessCode(tenantId, inquiry.id),
    apiKeys,
  };
}

/** A browser-like client signed in as `login` of `tenantId`: cookie jar plus the CSRF header. */
export async function signIn(
  server: DarchaServer,
  tenantId: string,
  login: string,
  password = PASSWORD,
): Promise<{ agent: ReturnType<typeof request.agent>; csrf: string }> {
  const agent = request.agent(server.app);
  const res = await agent.post('/api/v1/auth/sign-in').send({ login, password, tenant: tenantId });
  if (res.status !== 200)
    throw new Error(`sign-in of ${login}@${tenantId} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { agent, csrf: (res.body as { csrfToken: string }).csrfToken };
}
