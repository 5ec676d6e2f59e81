import {
  definePlugin,
  loadConfig,
  openPlatform,
  type Actor,
  type Platform,
  type ServiceDefinition,
  type WorkflowDefinition,
} from '@darcha/core';
import { openTestDatabase } from '@darcha/core/testing-db';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { createServer, type DarchaServer } from '../../src/create-server.js';

export const engineName = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

const workflow: WorkflowDefinition = {
  key: 'agency-city/simple',
  version: 1,
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
      public: true,
      names: { en: 'Taken into review' },
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

const names = (en: string) => ({ 'uz-Latn': `${en} (uz)`, 'uz-Cyrl': `${en} (ўз)`, ru: `${en} (ru)`, en });

/** A street-damage report: every attribute datatype, and the location fields in its own form. */
export const POTHOLE: ServiceDefinition = {
  code: 'streets.pothole',
  version: 1,
  names: names('Pothole'),
  descriptions: { en: 'A hole in the road surface', ru: 'Яма на дороге' },
  category: 'utilities.streets',
  agencyKind: 'streets',
  applicantTypes: ['individual'],
  kind: 'service',
  channels: ['online', 'api'],
  form: {
    type: 'object',
    additionalProperties: false,
    required: ['size', 'address_string'],
    properties: {
      lat: { type: 'number', minimum: -90, maximum: 90 },
      long: { type: 'number', minimum: -180, maximum: 180 },
      address_string: { type: 'string', minLength: 1, maxLength: 300 },
      description: { type: 'string', maxLength: 4000 },
      media_url: { type: 'string', format: 'uri' },
      size: { enum: ['small', 'medium', 'large'] },
      hazards: {
        type: 'array',
        items: { enum: ['traffic', 'pedestrians', 'water'] },
        minItems: 1,
        uniqueItems: true,
      },
      depth_cm: { type: 'integer', minimum: 1, maximum: 100 },
      noticed_at: { type: 'string', format: 'date-time' },
      details: { type: 'string', maxLength: 1000 },
      landmark: { type: 'string', maxLength: 100, title: 'Landmark' },
      night: { type: 'boolean' },
      surface: {
        oneOf: [
          { const: 'asphalt', title: 'Asphalt' },
          { const: 'gravel', title: 'Gravel' },
        ],
      },
      photos: { type: 'array', items: { type: 'string' } },
    },
  },
  ui: {
    size: { order: 1, widget: 'radio' },
    hazards: { order: 2 },
    depth_cm: {
      order: 3,
      help: { en: 'Measure at the deepest point', ru: 'Измерьте в самом глубоком месте' },
    },
    noticed_at: { order: 4 },
    details: { order: 5, widget: 'textarea' },
    landmark: { order: 6, placeholder: { en: 'Next to school 12' } },
    night: { order: 7 },
    surface: { order: 8 },
  },
  documents: [],
  fee: { free: true },
  sla: { unit: 'working_days', value: 5 },
  workflow: 'agency-city/simple',
  keywords: { en: ['road', 'hole'], ru: ['дорога', 'яма'] },
};

/** A certificate for citizens and businesses, without any location field. */
export const NO_DEBT: ServiceDefinition = {
  code: 'gas.no-debt',
  version: 1,
  names: names('No-debt certificate'),
  category: 'utilities.gas',
  agencyKind: 'gas',
  applicantTypes: ['individual', 'legal_entity'],
  kind: 'service',
  channels: ['desk', 'online', 'api'],
  form: {
    type: 'object',
    additionalProperties: false,
    required: ['account'],
    properties: { account: { type: 'string', pattern: '^[0-9]{6,12}$' } },
  },
  documents: [],
  fee: { free: true },
  sla: { unit: 'working_days', value: 3 },
  workflow: 'agency-city/simple',
};

/** For businesses only; keeps request parameters it has no field for in its `note`. */
export const METER_CHECK: ServiceDefinition = {
  code: 'water.meter-check',
  version: 1,
  names: names('Meter check'),
  category: 'utilities.water',
  agencyKind: 'water',
  applicantTypes: ['legal_entity'],
  kind: 'service',
  channels: ['api'],
  form: {
    type: 'object',
    additionalProperties: false,
    required: ['account'],
    properties: {
      account: { type: 'string', pattern: '^[0-9]{6,12}$' },
      note: { type: 'string', maxLength: 5000 },
    },
  },
  documents: [],
  fee: { free: true },
  sla: { unit: 'working_days', value: 10 },
  workflow: 'agency-city/simple',
};

/** Offered at the desk only: not an Open311 service. */
export const DESK_ONLY: ServiceDefinition = { ...NO_DEBT, code: 'gas.desk-only', channels: ['desk'] };

export const CITIZEN = {
  first_name: 'Dilnoza',
  last_name: 'Karimova',
  phone: '+998 90 123-45-67',
  email: 'd@example.uz',
};
export const PINFL = '31234567890123';

export interface Open311Fixture {
  platform: Platform;
  server: DarchaServer;
  keys: { chirchik: string; revoked: string; djizak: string };
  /** A back-office officer of Chirchik, to move inquiries. */
  officer: Actor;
  close(): Promise<void>;
}

/** Chirchik (ru), Djizak and Namangan (uz-Latn), suspended Angren; four services; keys. */
export async function openOpen311Fixture(): Promise<Open311Fixture> {
  const plugin = definePlugin({
    id: 'agency-city',
    version: '1.0.0',
    kind: 'agency',
    engines: { darcha: '^1.0.0' },
    categories: [
      { id: 'utilities.streets', names: names('Streets') },
      { id: 'utilities.gas', names: names('Gas') },
      { id: 'utilities.water', names: names('Water') },
    ],
    services: [POTHOLE, NO_DEBT, METER_CHECK, DESK_ONLY],
    workflows: [workflow],
  });
  const config = loadConfig({
    env: {},
    overrides: { logLevel: 'silent', 'http.rateLimits.publicWrite.limit': 100000 },
  });
  const platform = await openPlatform({
    config,
    db: await openTestDatabase(),
    plugins: [{ plugin, source: 'inline' }],
  });
  try {
    return await seed(platform);
  } catch (error) {
    await platform.close();
    throw error;
  }
}

async function seed(platform: Platform): Promise<Open311Fixture> {
  await platform.tenants.create({
    id: 'uz',
    kind: 'country',
    names: { 'uz-Latn': "O'zbekiston", en: 'Uzbekistan' },
  });
  const cities = [
    ['chirchik', 'CHR', 'ru'],
    ['djizak', 'DJZ', 'uz-Latn'],
    ['namangan', 'NMG', 'uz-Latn'],
    ['angren', 'ANG', 'uz-Latn'],
  ] as const;
  for (const [id, prefix, locale] of cities) {
    await platform.tenants.create({
      id,
      kind: 'city',
      parentId: 'uz',
      names: { en: id, 'uz-Latn': id, ru: id },
      defaultLocale: locale,
      timeZone: 'Asia/Tashkent',
      settings: { inquiries: { trackingPrefix: prefix } },
    });
    await platform.plugins.tenantPlugins.enable(id, 'agency-city');
    for (const [code, kind, title] of [
      ['roads', 'streets', 'City roads'],
      ['gorgas', 'gas', 'Gorgas'],
      ['vodokanal', 'water', 'Vodokanal'],
    ] as const) {
      await platform.agencies.upsertAgency(id, {
        code,
        kind,
        names: { en: title, ru: `${title} (ru)` },
        contacts: {},
        workingHours: {},
        active: true,
      });
    }
    for (const [service, agency] of [
      [POTHOLE, 'roads'],
      [NO_DEBT, 'gorgas'],
      [METER_CHECK, 'vodokanal'],
      [DESK_ONLY, 'gorgas'],
    ] as const) {
      await platform.catalog.setEntry(id, { serviceCode: service.code, offered: true, agencyCode: agency });
    }
  }
  await platform.tenants.suspend('angren', 'audit');
  const chirchik = (
    await platform.identity.createApiKey('chirchik', { name: 'fixmystreet', role: 'front_office' })
  ).key;
  const revoked = await platform.identity.createApiKey('chirchik', { name: 'old app', role: 'front_office' });
  await platform.identity.revokeApiKey('chirchik', revoked.apiKey.id);
  const djizak = (
    await platform.identity.createApiKey('djizak', { name: 'djizak app', role: 'front_office' })
  ).key;
  const member = await platform.staff.create('chirchik', { displayName: 'Officer', roles: ['back_office'] });
  const server = createServer({ platform });
  return {
    platform,
    server,
    keys: { chirchik, revoked: revoked.key, djizak },
    officer: { id: member.id, kind: 'staff', roles: ['back_office'] },
    close: () => platform.close(),
  };
}

/** A form body with repeated keys kept (`attribute[x][]=a&attribute[x][]=b`). */
export function form(fields: Readonly<Record<string, string | readonly string[]>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of typeof value === 'string' ? [value] : value) params.append(name, item);
  }
  return params.toString();
}

/** POSTs a form to `/open311/v2/requests.<format>`. */
export function post(
  server: DarchaServer,
  fields: Readonly<Record<string, string | readonly string[]>>,
  format: 'xml' | 'json' = 'json',
  headers: Readonly<Record<string, string>> = {},
) {
  const call = request(server.app).post(`/open311/v2/requests.${format}`).type('form');
  for (const [name, value] of Object.entries(headers)) call.set(name, value);
  return call.send(form(fields));
}

/** The lists of GeoReport v2, always arrays when parsed. */
const LISTS = ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format', 'note'];

/** Checks the XML is well formed, starts with the declaration, and parses it with every list as an array. */
export function parseXml(text: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`XML is not well formed: ${JSON.stringify(valid.err)}`);
  if (!text.startsWith('<?xml version="1.0" encoding="utf-8"?>')) throw new Error('XML declaration missing');
  const parser = new XMLParser({
    ignoreAttributes: true,
    ignoreDeclaration: true,
    parseTagValue: false,
    isArray: (name) => LISTS.includes(name),
  });
  return parser.parse(text) as Record<string, unknown>;
}

/** How many inquiries a tenant has. */
export async function countInquiries(platform: Platform, tenantId: string): Promise<number> {
  const row = await platform.db.withTenant(tenantId, (trx) =>
    trx('inquiries').where('tenant_id', tenantId).count({ n: '*' }).first(),
  );
  return Number((row as { n: string | number } | undefined)?.n ?? 0);
}

/** Moves an inquiry's filing (and last update) into the past. */
export async function backdate(
  platform: Platform,
  tenantId: string,
  trackingNumber: string,
  filedAt: Date,
): Promise<void> {
  await platform.db.withTenant(tenantId, (trx) =>
    trx('inquiries')
      .where({ tenant_id: tenantId, tracking_number: trackingNumber })
      .update({ filed_at: filedAt, updated_at: filedAt }),
  );
}
