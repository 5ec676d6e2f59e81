import type { ScaffoldSpec } from './scaffold-spec.js';

const KIND_DESCRIPTION = {
  agency: "an agency's service pack, reusable by every city",
  city: "one city's pack: its agencies, local services and overrides",
  feature: 'a platform feature',
} as const;

/** src/index.ts: re-exports only. */
export function indexSource(): string {
  return `export { default } from './plugin.js';
export { sampleCertificate } from './services/sample-certificate.js';
export { simpleWorkflow } from './workflows/simple.js';
`;
}

/** src/plugin.ts: the manifest. */
export function pluginSource(spec: ScaffoldSpec): string {
  return `import { definePlugin } from '@darcha/core';
import { sampleCertificate } from './services/sample-certificate.js';
import { simpleWorkflow } from './workflows/simple.js';

/**
 * ${spec.id}: ${KIND_DESCRIPTION[spec.kind]}.
 *
 * The platform checks this manifest when it loads the plugin; \`darcha plugin verify\` runs the same checks.
 */
export default definePlugin({
  id: '${spec.id}',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  kind: '${spec.kind}',
  // The plugin API this plugin was written for; a core whose API is outside this range refuses it.
  engines: { darcha: '${spec.engineRange}' },
  // Plugins add leaves under core's roots; services sit in leaves only.
  categories: [
    {
      id: '${spec.category}',
      names: {
        'uz-Latn': "Namuna bo'limi",
        'uz-Cyrl': 'Намуна бўлими',
        ru: 'Раздел-образец',
        en: 'Sample section',
      },
    },
  ],
  services: [sampleCertificate],
  // Every service names a workflow: this plugin's own, a dependency's, or core's.
  workflows: [simpleWorkflow],
});
`;
}

/** src/workflows/simple.ts: the workflow the sample service runs. */
export function workflowSource(spec: ScaffoldSpec): string {
  return `import type { WorkflowDefinition } from '@darcha/core';

/**
 * The sample service's workflow: the agency's back office takes the application into review within
 * a working day, then issues the certificate or rejects it with a reason. A rejected applicant may
 * appeal within 15 calendar days. Published versions never change: publish a changed workflow as
 * version 2 (see docs/guides/workflows.md).
 */
export const simpleWorkflow: WorkflowDefinition = {
  key: '${spec.id}/simple',
  version: 1,
  names: { 'uz-Latn': 'Oddiy', 'uz-Cyrl': 'Оддий', ru: 'Простой', en: 'Simple' },
  states: {
    submitted: {
      type: 'start',
      publicStatus: 'submitted',
      names: { 'uz-Latn': 'Qabul qilindi', 'uz-Cyrl': 'Қабул қилинди', ru: 'Принято', en: 'Submitted' },
      candidateRole: 'back_office',
      sla: { unit: 'working_days', value: 1, onBreach: 'escalate' },
    },
    in_review: {
      type: 'normal',
      publicStatus: 'in_progress',
      names: {
        'uz-Latn': "Ko'rib chiqilmoqda",
        'uz-Cyrl': 'Кўриб чиқилмоқда',
        ru: 'На рассмотрении',
        en: 'In review',
      },
      candidateRole: 'back_office',
    },
    issued: {
      type: 'terminal',
      publicStatus: 'completed',
      names: { 'uz-Latn': 'Berildi', 'uz-Cyrl': 'Берилди', ru: 'Выдано', en: 'Issued' },
    },
    rejected: {
      type: 'terminal',
      publicStatus: 'rejected',
      names: { 'uz-Latn': 'Rad etildi', 'uz-Cyrl': 'Рад этилди', ru: 'Отказано', en: 'Rejected' },
    },
  },
  transitions: [
    {
      action: 'take_in_review',
      from: ['submitted'],
      to: 'in_review',
      roles: ['back_office'],
      names: { 'uz-Latn': "Ko'rib chiqishga olish", ru: 'Взять в работу', en: 'Take into review' },
    },
    {
      action: 'issue',
      from: ['in_review'],
      to: 'issued',
      roles: ['back_office'],
      guards: ['core/is-assignee'],
      public: true,
      names: { 'uz-Latn': 'Berish', ru: 'Выдать', en: 'Issue' },
    },
    {
      action: 'reject',
      from: ['submitted', 'in_review'],
      to: 'rejected',
      roles: ['back_office', 'supervisor'],
      requires: { comment: true },
      public: true,
      names: { 'uz-Latn': 'Rad etish', ru: 'Отказать', en: 'Reject' },
    },
    {
      action: 'appeal',
      from: ['rejected'],
      to: 'in_review',
      roles: ['citizen', 'front_office'],
      within: { days: 15, unit: 'calendar_days', of: 'rejection' },
      requires: { comment: true },
      public: true,
      names: { 'uz-Latn': 'Shikoyat', ru: 'Обжаловать', en: 'Appeal' },
    },
  ],
};
`;
}

/** src/services/sample-certificate.ts: one service definition. */
export function serviceSource(spec: ScaffoldSpec): string {
  return `import type { ServiceDefinition } from '@darcha/core';

/**
 * A sample service: a certificate for an individual, free, within 5 working days. Published
 * definitions never change: change a published one by adding a new version.
 */
export const sampleCertificate: ServiceDefinition = {
  code: '${spec.serviceCode}',
  version: 1,
  names: {
    'uz-Latn': "Namuna ma'lumotnoma",
    'uz-Cyrl': 'Намуна маълумотнома',
    ru: 'Справка (образец)',
    en: 'Sample certificate',
  },
  category: '${spec.category}',
  agencyKind: '${spec.agencyKind}',
  applicantTypes: ['individual'],
  kind: 'service',
  channels: ['desk', 'online'],
  // JSON Schema 2020-12 with Darcha's formats: pinfl, tin, cadastre-number, uz-phone, utility-account, postal-code.
  form: {
    type: 'object',
    additionalProperties: false,
    required: ['pinfl', 'phone'],
    properties: {
      pinfl: { type: 'string', format: 'pinfl' },
      phone: { type: 'string', format: 'uz-phone' },
      comment: { type: 'string', maxLength: 500 },
    },
  },
  ui: {
    pinfl: {
      order: 1,
      help: {
        'uz-Latn': '14 xonali JSHSHIR',
        'uz-Cyrl': '14 хонали ЖШШИР',
        ru: 'ПИНФЛ из 14 цифр',
        en: 'Personal number (PINFL), 14 digits',
      },
    },
    phone: { order: 2, widget: 'phone', placeholder: { en: '+998901234567' } },
    comment: { order: 3, widget: 'textarea' },
  },
  documents: [],
  result: { document: 'certificate' },
  fee: { free: true },
  // A city may set its own deadline within min..max in its catalog.
  sla: { unit: 'working_days', value: 5, min: 1, max: 10 },
  workflow: '${spec.id}/simple',
  keywords: { 'uz-Latn': ['namuna'], ru: ['образец'], en: ['sample'] },
};
`;
}

/** test/plugin.int.spec.ts: a passing test on the test host. */
export function testSource(spec: ScaffoldSpec): string {
  return `import { expect } from 'chai';
import { startTestHost, type TestHost } from '@darcha/testing';
import plugin, { sampleCertificate } from '../src/index.js';

describe('${spec.id}', function () {
  // The first test host in a process also builds the database template: a few seconds on PGlite.
  this.timeout(60_000);
  let host: TestHost;

  before(async () => {
    host = await startTestHost({ plugins: [plugin], tenants: ['chirchik'] });
  });
  after(() => host?.stop());

  it('starts and publishes its service', async () => {
    const [entry] = host.report;
    expect(entry).to.include({ id: '${spec.id}', status: 'active' });
    const service = await host.registry.get(sampleCertificate.code);
    expect(service.names.en).to.equal('Sample certificate');
  });

  it('accepts a valid application', async () => {
    const data = { pinfl: '31507976020031', phone: '+998901234567' };
    const result = await host.validate(sampleCertificate.code, data, 'uz-Latn');
    expect(result).to.deep.equal({ valid: true, errors: [] });
  });

  it('reports an invalid PINFL', async () => {
    const data = { pinfl: '12345', phone: '+998901234567' };
    const result = await host.validate(sampleCertificate.code, data, 'en');
    expect(result.valid).to.equal(false);
    expect(result.errors.map((error) => [error.field, error.keyword])).to.deep.equal([['/pinfl', 'format']]);
  });

  it('can be offered in a city catalog and found in Cyrillic', async () => {
    await host.catalog.setEntry('chirchik', { serviceCode: sampleCertificate.code, offered: true });
    const found = await host.catalog.search('chirchik', { text: 'намуна' });
    expect(found.map((service) => service.serviceCode)).to.deep.equal([sampleCertificate.code]);
  });
});
`;
}
