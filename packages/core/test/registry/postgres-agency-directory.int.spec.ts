import { expect } from 'chai';
import { listAudit } from '../../src/audit/audit-log.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { isDarchaError, type DarchaError } from '../../src/errors/darcha-error.js';
import type { Agency } from '../../src/registry/contracts.js';
import { PostgresAgencyDirectory } from '../../src/registry/postgres-agency-directory.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

const gorgas: Agency = {
  code: 'gorgas',
  kind: 'gas',
  names: { 'uz-Latn': 'Shahar gaz xizmati', ru: 'Горгаз', en: 'City gas service' },
  contacts: { phone: '+998 70 716 00 00', email: 'gorgas@chirchik.uz', address: { ru: 'ул. Навои, 1' } },
  workingHours: { mon: ['09:00', '18:00'], sat: ['09:00', '13:00'] },
  active: true,
};

describe(`agency directory (${engine})`, () => {
  let db: Database;
  let agencies: PostgresAgencyDirectory;

  before(async () => {
    db = await openTestDatabase();
    const tenants = new PostgresTenantRegistry(db);
    await tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
    await tenants.create({ id: 'chirchik', kind: 'city', parentId: 'uz', names: { 'uz-Latn': 'Chirchiq' } });
    await tenants.create({ id: 'djizak', kind: 'city', parentId: 'uz', names: { 'uz-Latn': 'Jizzax' } });
    agencies = new PostgresAgencyDirectory(db);
  });
  after(() => db.close());

  it('adds, reads, changes and lists agencies, and audits each save', async () => {
    expect(await agencies.upsertAgency('chirchik', gorgas)).to.deep.equal(gorgas);
    expect(await agencies.getAgency('chirchik', 'gorgas')).to.deep.equal(gorgas);
    const renamed = { ...gorgas, names: { ...gorgas.names, en: 'Chirchik Gorgas' }, active: false };
    expect(await agencies.upsertAgency('chirchik', renamed)).to.deep.equal(renamed);
    const tax: Agency = {
      code: 'tax',
      kind: 'tax',
      names: { en: 'Tax inspection' },
      contacts: {},
      workingHours: {},
      active: true,
    };
    await agencies.upsertAgency('chirchik', tax);
    expect((await agencies.listAgencies('chirchik')).map((a) => a.code)).to.deep.equal(['gorgas', 'tax']);
    const audit = await db.withTenant('chirchik', (trx) =>
      listAudit(trx, 'chirchik', { subjectType: 'agency' }),
    );
    expect(audit.map((a) => `${a.action}:${a.subjectId}:${String(a.details['created'])}`)).to.deep.equal([
      'agency.upsert:tax:true',
      'agency.upsert:gorgas:false',
      'agency.upsert:gorgas:true',
    ]);
  });

  it('fills in the optional parts of an agency', async () => {
    const minimal = { code: 'vodokanal', kind: 'water', names: { ru: 'Водоканал' } } as Agency;
    expect(await agencies.upsertAgency('chirchik', minimal)).to.deep.equal({
      ...minimal,
      contacts: {},
      workingHours: {},
      active: true,
    });
  });

  it('lists every invalid field of an agency', async () => {
    const error = await expectCode(
      agencies.upsertAgency('chirchik', {
        ...gorgas,
        code: 'Gor Gas',
        kind: '',
        names: {},
        contacts: { email: 'not-an-email' },
        workingHours: { mon: ['9:00', '18:00'], tue: ['09:00', '25:00'] },
      }),
      'DARCHA_AGENCY_INVALID',
    );
    const fields = (error.details['errors'] as { field: string }[]).map((e) => e.field);
    expect(fields).to.include.members([
      '/code',
      '/kind',
      '/names',
      '/contacts/email',
      '/workingHours/mon/0',
      '/workingHours/tue/1',
    ]);
    expect(error.message).to.include('"Gor Gas"').and.include('tenant "chirchik"');
  });

  it('wants working hours to open before they close', async () => {
    const error = await expectCode(
      agencies.upsertAgency('chirchik', {
        ...gorgas,
        workingHours: { fri: ['18:00', '09:00'], sun: ['10:00', '10:00'] },
      }),
      'DARCHA_AGENCY_INVALID',
    );
    expect(error.details['errors']).to.deep.equal([
      { field: '/workingHours/fri', message: 'opens at 18:00, which is not before it closes (09:00)' },
      { field: '/workingHours/sun', message: 'opens at 10:00, which is not before it closes (10:00)' },
    ]);
  });

  it('answers DARCHA_AGENCY_NOT_FOUND for an unknown agency and DARCHA_TENANT_NOT_FOUND for an unknown tenant', async () => {
    const error = await expectCode(agencies.getAgency('chirchik', 'bank'), 'DARCHA_AGENCY_NOT_FOUND');
    expect(error.message).to.equal('Tenant "chirchik" has no agency "bank".');
    await expectCode(agencies.upsertAgency('namangan', gorgas), 'DARCHA_TENANT_NOT_FOUND');
  });

  it('adds desks, with or without an agency, and refuses an agency the tenant lacks', async () => {
    await agencies.upsertAgency('chirchik', gorgas);
    const window1 = { code: '1', names: { ru: 'Окно 1' }, agencyCode: 'gorgas', active: true };
    const reception = { code: 'reception', names: { en: 'Reception' }, agencyCode: null, active: true };
    expect(await agencies.upsertDesk('chirchik', window1)).to.deep.equal(window1);
    expect(await agencies.upsertDesk('chirchik', reception)).to.deep.equal(reception);
    expect(await agencies.upsertDesk('chirchik', { ...window1, agencyCode: null })).to.deep.equal({
      ...window1,
      agencyCode: null,
    });
    expect((await agencies.listDesks('chirchik')).map((d) => `${d.code}:${d.agencyCode}`)).to.deep.equal([
      '1:null',
      'reception:null',
    ]);
    await expectCode(
      agencies.upsertDesk('chirchik', { ...window1, agencyCode: 'bank' }),
      'DARCHA_AGENCY_NOT_FOUND',
    );
    await expectCode(agencies.upsertDesk('djizak', window1), 'DARCHA_AGENCY_NOT_FOUND'); // gorgas is Chirchik's
    const invalid = await expectCode(
      agencies.upsertDesk('chirchik', { code: 'Window 2', names: {}, agencyCode: null, active: true }),
      'DARCHA_AGENCY_DESK_INVALID',
    );
    expect((invalid.details['errors'] as { field: string }[]).map((e) => e.field)).to.deep.equal([
      '/code',
      '/names',
    ]);
  });

  it("keeps one tenant's agencies and desks invisible to another", async () => {
    await agencies.upsertAgency('chirchik', gorgas);
    await agencies.upsertDesk('chirchik', {
      code: '7',
      names: { en: 'Window 7' },
      agencyCode: 'gorgas',
      active: true,
    });
    expect(await agencies.listAgencies('djizak')).to.deep.equal([]);
    expect(await agencies.listDesks('djizak')).to.deep.equal([]);
    await expectCode(agencies.getAgency('djizak', 'gorgas'), 'DARCHA_AGENCY_NOT_FOUND');
    const seen = await db.withTenant('djizak', async (trx) => ({
      agencies: await trx('agencies').select('code'),
      desks: await trx('desks').select('code'),
      updated: await trx('agencies').update({ active: false }),
    }));
    expect(seen).to.deep.equal({ agencies: [], desks: [], updated: 0 });
    // Djizak may have its own "gorgas": codes are unique per tenant only.
    await agencies.upsertAgency('djizak', { ...gorgas, names: { en: 'Djizak gas' } });
    expect((await agencies.getAgency('chirchik', 'gorgas')).names.en).to.equal('City gas service');
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
