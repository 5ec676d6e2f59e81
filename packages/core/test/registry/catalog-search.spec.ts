import { expect } from 'chai';
import { searchCatalog } from '../../src/registry/catalog-search.js';
import { toCatalogService } from '../../src/registry/catalog-view.js';
import type { CatalogService, ServiceDefinition } from '../../src/registry/types.js';

function service(
  code: string,
  fields: Partial<ServiceDefinition>,
  agencyCode: string | null = null,
): CatalogService {
  const definition: ServiceDefinition = {
    code,
    version: 1,
    names: { en: code },
    category: 'utilities.gas',
    agencyKind: 'gas',
    applicantTypes: ['individual'],
    kind: 'service',
    channels: ['desk'],
    form: { type: 'object' },
    documents: [],
    fee: { free: true },
    sla: { unit: 'working_days', value: 1 },
    workflow: 'agency-gas/simple',
    ...fields,
  };
  return toCatalogService(definition, {
    serviceCode: code,
    offered: true,
    agencyCode,
    overrides: {},
    source: 'chirchik',
  });
}

const gasCertificate = service(
  'gas.no-debt-certificate',
  {
    names: {
      'uz-Latn': "Gaz ta'minotidan qarzdorlik yo'qligi haqida ma'lumotnoma",
      'uz-Cyrl': 'Газ таъминотидан қарздорлик йўқлиги ҳақида маълумотнома',
      ru: 'Справка об отсутствии задолженности за газ',
      en: 'Certificate of no gas debt',
    },
    applicantTypes: ['individual', 'legal_entity'],
    channels: ['desk', 'online'],
  },
  'gorgas',
);
const gasInfo = service('gas.debt-info', {
  names: {
    'uz-Latn': "Gaz bo'yicha qarzdorlik haqida axborot",
    ru: 'Информация о долге за газ',
    en: 'Gas debt information',
  },
  kind: 'information',
  keywords: { en: ['balance'] },
});
const extract = service('cadastre.extract', {
  names: {
    'uz-Latn': "Ko'chmas mulk reyestridan ko'chirma",
    ru: 'Выписка из реестра недвижимости',
    en: 'Real-estate register extract',
  },
  descriptions: { en: 'Rights to a house, a flat or land' },
  category: 'property.cadastre',
  agencyKind: 'cadastre',
  applicantTypes: ['legal_entity'],
});
const all = [extract, gasInfo, gasCertificate];
const codes = (found: CatalogService[]): string[] => found.map((s) => s.serviceCode);

describe('catalog search', () => {
  it('finds the same service in Latin and Cyrillic Uzbek, Russian and English', () => {
    for (const text of ['qarzdorlik', 'қарздорлик', 'задолженности', 'gas debt', "YO'QLIGI", 'йўқлиги']) {
      expect(codes(searchCatalog([gasCertificate, extract], { text })), text).to.deep.equal([
        'gas.no-debt-certificate',
      ]);
    }
  });

  it('needs every word, in names, descriptions or keywords', () => {
    expect(codes(searchCatalog(all, { text: 'gas debt' }))).to.deep.equal([
      'gas.debt-info',
      'gas.no-debt-certificate',
    ]);
    expect(codes(searchCatalog(all, { text: 'gas flat' }))).to.deep.equal([]);
    expect(codes(searchCatalog(all, { text: 'flat' }))).to.deep.equal(['cadastre.extract']);
    expect(codes(searchCatalog(all, { text: 'balance' }))).to.deep.equal(['gas.debt-info']);
  });

  it('puts the best name match first, then orders by code', () => {
    expect(codes(searchCatalog(all, { text: 'certificate' }))).to.deep.equal(['gas.no-debt-certificate']);
    // "gaz" starts both Uzbek names; "gas debt information" starts with the whole query
    expect(codes(searchCatalog(all, { text: 'gas debt inf' }))).to.deep.equal(['gas.debt-info']);
    expect(codes(searchCatalog(all, { text: 'газ' }))).to.deep.equal([
      'gas.debt-info',
      'gas.no-debt-certificate',
    ]);
    expect(codes(searchCatalog(all, { text: 'debt' }))).to.deep.equal([
      'gas.debt-info',
      'gas.no-debt-certificate',
    ]);
    expect(codes(searchCatalog(all, { text: 'no gas' }))).to.deep.equal(['gas.no-debt-certificate']);
  });

  it('filters by category (with subcategories), agency, applicant, kind and channel', () => {
    expect(codes(searchCatalog(all, { category: 'utilities' }))).to.deep.equal([
      'gas.debt-info',
      'gas.no-debt-certificate',
    ]);
    expect(codes(searchCatalog(all, { category: 'utilities.gas' }))).to.have.length(2);
    expect(codes(searchCatalog(all, { category: 'utilities.ga' }))).to.deep.equal([]);
    expect(codes(searchCatalog(all, { agencyCode: 'gorgas' }))).to.deep.equal(['gas.no-debt-certificate']);
    expect(codes(searchCatalog(all, { applicantType: 'legal_entity' }))).to.deep.equal([
      'cadastre.extract',
      'gas.no-debt-certificate',
    ]);
    expect(codes(searchCatalog(all, { kind: 'information' }))).to.deep.equal(['gas.debt-info']);
    expect(codes(searchCatalog(all, { channel: 'online' }))).to.deep.equal(['gas.no-debt-certificate']);
    expect(codes(searchCatalog(all, { text: 'gas', applicantType: 'legal_entity' }))).to.deep.equal([
      'gas.no-debt-certificate',
    ]);
  });

  it('returns everything, by code, for an empty query', () => {
    expect(codes(searchCatalog(all, {}))).to.deep.equal([
      'cadastre.extract',
      'gas.debt-info',
      'gas.no-debt-certificate',
    ]);
    expect(codes(searchCatalog(all, { text: "  ' " }))).to.have.length(3);
  });
});
