import { expect } from 'chai';
import { listAudit } from '../../src/audit/audit-log.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { isDarchaError, type DarchaError } from '../../src/errors/darcha-error.js';
import type { Agency } from '../../src/registry/contracts.js';
import { PostgresAgencyDirectory } from '../../src/registry/postgres-agency-directory.js';
import { PostgresServiceRegistry } from '../../src/registry/postgres-service-registry.js';
import { PostgresTenantCatalog } from '../../src/registry/postgres-tenant-catalog.js';
import type { CatalogService, ServiceDefinition } from '../../src/registry/types.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
const TENANTS = ['uz', 'uz.tashkent-region', 'chirchik', 'uz.jizzakh-region', 'djizak'];
const GAS = 'gas.no-debt-certificate';
const CYLINDERS = 'gas.cylinder-supply';
const EXTRACT = 'cadastre.extract';

function service(code: string, changes: Partial<ServiceDefinition>): ServiceDefinition {
  return {
    code,
    version: 1,
    names: { 'uz-Latn': code, 'uz-Cyrl': code, ru: code, en: code },
    category: 'utilities.gas',
    agencyKind: 'gas',
    applicantTypes: ['individual', 'legal_entity'],
    kind: 'service',
    channels: ['desk', 'online'],
    form: { type: 'object', properties: { account: { type: 'string' } } },
    documents: [],
    fee: { free: true },
    sla: { unit: 'working_days', value: 1 },
    workflow: 'agency-gas/simple-certificate',
    ...changes,
  };
}

const gasCertificate = service(GAS, {
  names: {
    'uz-Latn': "Gaz ta'minotidan qarzdorlik yo'qligi haqida ma'lumotnoma",
    'uz-Cyrl': 'Газ таъминотидан қарздорлик йўқлиги ҳақида маълумотнома',
    ru: 'Справка об отсутствии задолженности за газ',
    en: 'Certificate of no gas debt',
  },
  sla: { unit: 'working_days', value: 1, min: 1, max: 3 },
});
const cylinders = service(CYLINDERS, {
  names: { 'uz-Latn': 'Gaz ballon', 'uz-Cyrl': 'Газ баллон', ru: 'Газовые баллоны', en: 'Gas cylinders' },
  applicantTypes: ['individual'],
  sla: { unit: 'working_days', value: 12 },
});
const extract = service(EXTRACT, {
  names: {
    'uz-Latn': "Reyestrdan ko'chirma",
    'uz-Cyrl': 'Реестрдан кўчирма',
    ru: 'Выписка из реестра',
    en: 'Register extract',
  },
  category: 'property.cadastre',
  agencyKind: 'cadastre',
  applicantTypes: ['legal_entity'],
  fee: {
    free: false,
    rule: 'core/schedule',
    params: {
      amount: { bhm: 1.25 },
      discounts: [{ category: 'social-register', percent: 50 }],
    },
    tenantOverridable: true,
  },
  workflow: 'agency-cadastre/extract',
});

const agency = (code: string, kind: string): Agency => ({
  code,
  kind,
  names: { en: code },
  contacts: {},
  workingHours: {},
  active: true,
});

describe(`tenant catalog (${engine})`, () => {
  let db: Database;
  let registry: PostgresServiceRegistry;
  let catalog: PostgresTenantCatalog;
  let agencies: PostgresAgencyDirectory;
  let tenants: PostgresTenantRegistry;

  before(async () => {
    db = await openTestDatabase();
    tenants = new PostgresTenantRegistry(db);
    await tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
    await tenants.create({
      id: 'uz.tashkent-region',
      kind: 'region',
      parentId: 'uz',
      names: { 'uz-Latn': 'Toshkent viloyati' },
    });
    await tenants.create({
      id: 'chirchik',
      kind: 'city',
      parentId: 'uz.tashkent-region',
      names: { 'uz-Latn': 'Chirchiq' },
    });
    await tenants.create({
      id: 'uz.jizzakh-region',
      kind: 'region',
      parentId: 'uz',
      names: { 'uz-Latn': 'Jizzax viloyati' },
    });
    await tenants.create({
      id: 'djizak',
      kind: 'city',
      parentId: 'uz.jizzakh-region',
      names: { 'uz-Latn': 'Jizzax' },
    });
    registry = new PostgresServiceRegistry(db);
    registry.addCategories('agency-gas', [{ id: 'utilities.gas', names: { en: 'Gas' } }]);
    registry.addCategories('agency-cadastre', [{ id: 'property.cadastre', names: { en: 'Cadastre' } }]);
    await registry.publish('agency-gas', [gasCertificate, cylinders]);
    await registry.publish('agency-cadastre', [extract]);
    agencies = new PostgresAgencyDirectory(db);
    await agencies.upsertAgency('uz.tashkent-region', agency('oblgaz', 'gas'));
    await agencies.upsertAgency('chirchik', agency('gorgas', 'gas'));
    await agencies.upsertAgency('chirchik', agency('kadastr', 'cadastre'));
    await agencies.upsertAgency('djizak', agency('gorgas', 'gas'));
    catalog = new PostgresTenantCatalog(db, registry, tenants);
  });
  after(() => db.close());
  beforeEach(async () => {
    for (const tenant of TENANTS) await db.withTenant(tenant, (trx) => trx('catalog_entries').delete());
    catalog = new PostgresTenantCatalog(db, registry, tenants); // one that has cached nothing yet
  });

  const summary = async (tenantId: string): Promise<string[]> =>
    (await catalog.services(tenantId)).map(
      (s) => `${s.serviceCode}@${s.source}:${s.agencyCode}:sla=${s.sla.value}`,
    );

  describe('inheritance', () => {
    it('lets a city inherit, override, withhold, and inherit again', async () => {
      await catalog.setEntry('uz.tashkent-region', { serviceCode: GAS, offered: true, agencyCode: 'oblgaz' });
      await catalog.setEntry('uz.tashkent-region', { serviceCode: CYLINDERS, offered: true });
      expect(await summary('chirchik')).to.deep.equal([
        `${CYLINDERS}@uz.tashkent-region:null:sla=12`,
        `${GAS}@uz.tashkent-region:oblgaz:sla=1`,
      ]);
      expect(await summary('djizak')).to.deep.equal([]); // another region's city

      await catalog.setEntry('chirchik', {
        serviceCode: GAS,
        offered: true,
        agencyCode: 'gorgas',
        overrides: { slaValue: 3, names: { ru: 'Справка Горгаза об отсутствии долга' } },
      });
      await catalog.setEntry('chirchik', { serviceCode: CYLINDERS, offered: false });
      expect(await summary('chirchik')).to.deep.equal([`${GAS}@chirchik:gorgas:sla=3`]);
      const own = await catalog.service('chirchik', GAS);
      expect(own.names).to.deep.equal({ ...gasCertificate.names, ru: 'Справка Горгаза об отсутствии долга' });
      expect(own.sla).to.deep.equal({ unit: 'working_days', value: 3, min: 1, max: 3 });
      expect(own.definition).to.deep.equal(gasCertificate);
      const withheld = await expectCode(catalog.service('chirchik', CYLINDERS), 'DARCHA_CATALOG_NOT_OFFERED');
      expect(withheld.message).to.equal(`Tenant "chirchik" does not offer service "${CYLINDERS}".`);
      expect(await summary('uz.tashkent-region')).to.have.length(2); // the region is untouched

      await catalog.removeEntry('chirchik', GAS);
      await catalog.removeEntry('chirchik', CYLINDERS);
      await catalog.removeEntry('chirchik', CYLINDERS); // nothing left to remove: a no-op
      expect(await summary('chirchik')).to.deep.equal([
        `${CYLINDERS}@uz.tashkent-region:null:sla=12`,
        `${GAS}@uz.tashkent-region:oblgaz:sla=1`,
      ]);
      const audit = await db.withTenant('chirchik', (trx) =>
        listAudit(trx, 'chirchik', { subjectType: 'service' }),
      );
      expect(audit.map((a) => `${a.action}:${a.subjectId}`).reverse()).to.deep.equal([
        `catalog.offer:${GAS}`,
        `catalog.withhold:${CYLINDERS}`,
        `catalog.remove:${GAS}`,
        `catalog.remove:${CYLINDERS}`,
      ]);
    });

    it('takes the nearest entry: a region may withhold what the country offers, and a city offer it again', async () => {
      await catalog.setEntry('uz', { serviceCode: CYLINDERS, offered: true });
      await catalog.setEntry('uz.jizzakh-region', { serviceCode: CYLINDERS, offered: false });
      expect(await summary('chirchik')).to.deep.equal([`${CYLINDERS}@uz:null:sla=12`]);
      expect(await summary('djizak')).to.deep.equal([]);
      await catalog.setEntry('djizak', { serviceCode: CYLINDERS, offered: true, agencyCode: 'gorgas' });
      expect(await summary('djizak')).to.deep.equal([`${CYLINDERS}@djizak:gorgas:sla=12`]);
    });

    it('shows only services an active plugin publishes', async () => {
      await catalog.setEntry('chirchik', { serviceCode: EXTRACT, offered: true, agencyCode: 'kadastr' });
      registry.withdrawPlugin('agency-cadastre');
      try {
        expect(await catalog.services('chirchik')).to.deep.equal([]);
        await expectCode(catalog.service('chirchik', EXTRACT), 'DARCHA_CATALOG_NOT_OFFERED');
      } finally {
        registry.addCategories('agency-cadastre', [{ id: 'property.cadastre', names: { en: 'Cadastre' } }]);
        await registry.publish('agency-cadastre', [extract]);
      }
      expect((await catalog.service('chirchik', EXTRACT)).agencyCode).to.equal('kadastr');
    });

    it('answers DARCHA_TENANT_NOT_FOUND for an unknown tenant', async () => {
      await expectCode(catalog.services('namangan'), 'DARCHA_TENANT_NOT_FOUND');
      await expectCode(
        catalog.setEntry('namangan', { serviceCode: GAS, offered: true }),
        'DARCHA_TENANT_NOT_FOUND',
      );
    });
  });

  describe('validating entries', () => {
    it('keeps an SLA override within the bounds, and refuses one where there are none', async () => {
      const above = await expectCode(
        catalog.setEntry('chirchik', { serviceCode: GAS, offered: true, overrides: { slaValue: 4 } }),
        'DARCHA_CATALOG_OVERRIDE_INVALID',
      );
      expect(above.message).to.include('/overrides/slaValue: 4 is outside the allowed 1..3 (working_days)');
      await expectCode(
        catalog.setEntry('chirchik', { serviceCode: CYLINDERS, offered: true, overrides: { slaValue: 10 } }),
        'DARCHA_CATALOG_OVERRIDE_INVALID',
      );
      expect(await catalog.services('chirchik')).to.deep.equal([]); // nothing was written
    });

    it('overrides fee parameters only where the fee allows it, key by key', async () => {
      await expectCode(
        catalog.setEntry('chirchik', {
          serviceCode: GAS,
          offered: true,
          overrides: { feeParams: { amount: { bhm: 2 } } },
        }),
        'DARCHA_CATALOG_OVERRIDE_INVALID',
      );
      await catalog.setEntry('chirchik', {
        serviceCode: EXTRACT,
        offered: true,
        agencyCode: 'kadastr',
        overrides: { feeParams: { amount: { bhm: 1 } } },
      });
      const offered: CatalogService = await catalog.service('chirchik', EXTRACT);
      // The city's amount replaces the definition's; the definition's discounts stay.
      expect(offered.fee).to.deep.equal({
        ...extract.fee,
        params: { amount: { bhm: 1 }, discounts: [{ category: 'social-register', percent: 50 }] },
      });
    });

    it('refuses fee parameters that do not make a valid schedule, naming the field', async () => {
      const refused = await expectCode(
        catalog.setEntry('chirchik', {
          serviceCode: EXTRACT,
          offered: true,
          agencyCode: 'kadastr',
          overrides: { feeParams: { amount: { bhm: 0.123456 }, multiplier: 2 } },
        }),
        'DARCHA_CATALOG_OVERRIDE_INVALID',
      );
      expect(refused.message).to.include('/overrides/feeParams/multiplier: is not a known field');
      const decimals = await expectCode(
        catalog.setEntry('chirchik', {
          serviceCode: EXTRACT,
          offered: true,
          agencyCode: 'kadastr',
          overrides: { feeParams: { amount: { bhm: 0.123456 } } },
        }),
        'DARCHA_CATALOG_OVERRIDE_INVALID',
      );
      expect(decimals.message).to.include(
        '/overrides/feeParams/amount/bhm: 0.123456 has more than 4 decimals',
      );
      expect(await catalog.ownEntries('chirchik')).to.deep.equal([]); // nothing was written
    });

    it("routes a service only through one of the tenant's own agencies of the right kind", async () => {
      const mismatch = await expectCode(
        catalog.setEntry('chirchik', { serviceCode: GAS, offered: true, agencyCode: 'kadastr' }),
        'DARCHA_CATALOG_AGENCY_MISMATCH',
      );
      expect(mismatch.message).to.include('"cadastre" agency').and.include('needs a "gas" one');
      await expectCode(
        catalog.setEntry('chirchik', { serviceCode: GAS, offered: true, agencyCode: 'oblgaz' }), // the region's
        'DARCHA_AGENCY_NOT_FOUND',
      );
    });

    it('refuses an unknown service and a malformed entry', async () => {
      await expectCode(
        catalog.setEntry('chirchik', { serviceCode: 'gas.unknown', offered: true }),
        'DARCHA_REGISTRY_SERVICE_NOT_FOUND',
      );
      const error = await expectCode(
        catalog.setEntry('chirchik', {
          serviceCode: 'gas',
          offered: 'yes',
          overrides: { colour: 'red' },
        } as never),
        'DARCHA_CATALOG_ENTRY_INVALID',
      );
      expect((error.details['errors'] as { field: string }[]).map((e) => e.field)).to.deep.equal([
        '/serviceCode',
        '/offered',
        '/overrides/colour',
      ]);
    });

    it('keeps an agency from changing kind while the catalog routes services through it', async () => {
      await catalog.setEntry('chirchik', { serviceCode: GAS, offered: true, agencyCode: 'gorgas' });
      const error = await expectCode(
        agencies.upsertAgency('chirchik', agency('gorgas', 'water')),
        'DARCHA_AGENCY_IN_USE',
      );
      expect(error.message).to.include(GAS);
      await agencies.upsertAgency('chirchik', { ...agency('gorgas', 'gas'), active: false }); // same kind: fine
      await agencies.upsertAgency('chirchik', agency('gorgas', 'gas'));
    });
  });

  describe('isolation', () => {
    it("keeps a city's catalog invisible to another city", async () => {
      await catalog.setEntry('chirchik', { serviceCode: GAS, offered: true, agencyCode: 'gorgas' });
      expect(await catalog.services('djizak')).to.deep.equal([]);
      await expectCode(catalog.service('djizak', GAS), 'DARCHA_CATALOG_NOT_OFFERED');
      const rows = await db.withTenant('djizak', (trx) => trx('catalog_entries').select('service_code'));
      expect(rows).to.deep.equal([]);
      await catalog.removeEntry('djizak', GAS); // cannot touch Chirchik's entry
      expect(await summary('chirchik')).to.deep.equal([`${GAS}@chirchik:gorgas:sla=1`]);
    });
  });

  describe('search', () => {
    beforeEach(async () => {
      await catalog.setEntry('uz.tashkent-region', { serviceCode: GAS, offered: true, agencyCode: 'oblgaz' });
      await catalog.setEntry('chirchik', { serviceCode: CYLINDERS, offered: true, agencyCode: 'gorgas' });
      await catalog.setEntry('chirchik', { serviceCode: EXTRACT, offered: true, agencyCode: 'kadastr' });
    });
    const codes = async (query: Parameters<PostgresTenantCatalog['search']>[1]): Promise<string[]> =>
      (await catalog.search('chirchik', query)).map((s) => s.serviceCode);

    it('finds the same service in Latin and Cyrillic Uzbek, Russian and English', async () => {
      for (const text of ['qarzdorlik', 'қарздорлик', 'задолженности', 'gas debt']) {
        expect(await codes({ text }), text).to.deep.equal([GAS]);
      }
      expect(await codes({ text: 'газ' })).to.deep.equal([CYLINDERS, GAS]);
    });

    it('filters by category, applicant type, agency, kind and channel', async () => {
      expect(await codes({ category: 'utilities' })).to.deep.equal([CYLINDERS, GAS]);
      expect(await codes({ category: 'property' })).to.deep.equal([EXTRACT]);
      expect(await codes({ applicantType: 'legal_entity' })).to.deep.equal([EXTRACT, GAS]);
      expect(await codes({ applicantType: 'individual', category: 'utilities.gas' })).to.deep.equal([
        CYLINDERS,
        GAS,
      ]);
      expect(await codes({ agencyCode: 'oblgaz' })).to.deep.equal([GAS]);
      expect(await codes({ kind: 'appeal' })).to.deep.equal([]);
      expect(await codes({ channel: 'online', text: 'ballon' })).to.deep.equal([CYLINDERS]);
      expect(await codes({})).to.deep.equal([EXTRACT, CYLINDERS, GAS].sort());
      expect(await catalog.search('djizak', { text: 'gaz' })).to.deep.equal([]);
    });

    it('refuses a malformed query', async () => {
      await expectCode(
        catalog.search('chirchik', { applicantType: 'robot' } as never),
        'DARCHA_CATALOG_QUERY_INVALID',
      );
    });
  });
});

async function expectCode(promise: Promise<unknown>, code: string): Promise<DarchaError> {
  try {
    await promise;
  } catch (error) {
    expect(isDarchaError(error, code), `expected ${code}, got ${String(error)}`).to.equal(true);
    return error as DarchaError;
  }
  return expect.fail(`expected ${code}`);
}
