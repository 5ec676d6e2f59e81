import { expect } from 'chai';
import { serviceDefinitionSchemaProblems } from '../../src/registry/service-definition.schema.js';
import type { ServiceDefinition } from '../../src/registry/types.js';

function gasCertificate(): ServiceDefinition {
  return {
    code: 'gas.no-debt-certificate',
    version: 1,
    names: {
      'uz-Latn': "Gaz ta'minotidan qarzdorlik yo'qligi haqida ma'lumotnoma",
      'uz-Cyrl': 'Газ таъминотидан қарздорлик йўқлиги ҳақида маълумотнома',
      ru: 'Справка об отсутствии задолженности за газ',
      en: 'Certificate of no gas debt',
    },
    category: 'utilities.gas',
    agencyKind: 'gas',
    applicantTypes: ['individual', 'legal_entity'],
    kind: 'service',
    channels: ['desk', 'online'],
    form: { type: 'object', required: ['account'], properties: { account: { type: 'string' } } },
    documents: [
      { code: 'id-card', names: { en: 'ID card' }, accept: ['application/pdf'], maxBytes: 5_000_000 },
    ],
    result: { document: 'certificate', template: 'agency-gas/no-debt-certificate' },
    fee: { free: true },
    sla: { unit: 'working_days', value: 1, min: 1, max: 3 },
    workflow: 'agency-gas/simple-certificate',
    keywords: { ru: ['газ', 'долг'] },
  };
}

describe('service definition schema', () => {
  it('accepts a complete definition', () => {
    expect(serviceDefinitionSchemaProblems(gasCertificate())).to.deep.equal([]);
  });

  it('names every invalid field at once', () => {
    const definition = {
      ...gasCertificate(),
      code: 'Gas',
      version: 0,
      names: { 'uz-Latn': 'Gaz', en: 'Gas' },
      applicantTypes: [],
      channels: ['desk', 'desk'],
      workflow: 'simple-certificate',
      documents: [{ code: 'id-card', names: { en: 'ID card' }, accept: [], maxBytes: 0 }],
      colour: 'blue',
    };
    const problems = serviceDefinitionSchemaProblems(definition);
    const fields = problems.map((p) => p.split(':')[0]);
    expect(fields).to.include.members([
      '/code',
      '/version',
      '/names/uz-Cyrl',
      '/names/ru',
      '/applicantTypes',
      '/channels',
      '/workflow',
      '/documents/0/accept',
      '/documents/0/maxBytes',
      '/colour',
    ]);
    expect(problems).to.include('/names/ru: is required');
    expect(problems).to.include('/colour: is not a known field; remove it or check its spelling');
  });

  it('requires the fields every service has', () => {
    const problems = serviceDefinitionSchemaProblems({ code: 'gas.x', version: 1 });
    for (const field of ['names', 'category', 'agencyKind', 'form', 'documents', 'fee', 'sla', 'workflow']) {
      expect(problems).to.include(`/${field}: is required`);
    }
  });

  it('refuses a non-integer SLA and unknown locales in names', () => {
    const definition = {
      ...gasCertificate(),
      sla: { unit: 'working_days', value: 1.5 },
      names: { ...gasCertificate().names, kk: 'Gaz' },
    };
    const fields = serviceDefinitionSchemaProblems(definition).map((p) => p.split(':')[0]);
    expect(fields).to.include.members(['/sla/value', '/names/kk']);
  });
});
