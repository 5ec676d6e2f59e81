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
`;
}

/** src/plugin.ts: the manifest. */
export function pluginSource(spec: ScaffoldSpec): string {
  return `import { definePlugin } from '@darcha/core';
import { sampleCertificate } from './services/sample-certificate.js';

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
});
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
