import { expect } from 'chai';
import { TenantCalendarStore } from '../../src/calendar/tenant-calendar-store.js';
import { BaseAmountTable } from '../../src/fees/base-amount-table.js';
import { FeeService } from '../../src/fees/fee-service.js';
import type { FeeQuoteInput } from '../../src/fees/fee-types.js';
import { PostgresAgencyDirectory } from '../../src/registry/postgres-agency-directory.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';
import type { IndividualApplicant } from '../../src/workflow/inquiry/types.js';
import { expectCode, fieldsOf } from '../staff/staff-fixtures.js';
import {
  CADASTRE_EXTRACT,
  GAS_NO_DEBT,
  citizen,
  dbEngine,
  openEngineFixture,
  type EngineFixture,
} from '../workflow/engine/engine-fixture.js';

const EXTRACT = CADASTRE_EXTRACT.code;

describe(`fee service (${dbEngine})`, () => {
  let fx: EngineFixture;
  let tenants: PostgresTenantRegistry;
  let fees: FeeService;
  let baseAmounts: BaseAmountTable;

  const input = (changes: Partial<FeeQuoteInput> = {}): FeeQuoteInput => ({
    serviceCode: EXTRACT,
    formData: { area: 80 },
    channel: 'desk',
    applicantType: 'individual',
    ...changes,
  });

  before(async () => {
    fx = await openEngineFixture();
    tenants = new PostgresTenantRegistry(fx.db);
    const calendars = new TenantCalendarStore({ db: fx.db, tenants });
    baseAmounts = new BaseAmountTable({ db: fx.db, tenants });
    fees = new FeeService({
      baseAmounts,
      services: fx.services,
      catalog: fx.catalog,
      tenants,
      timeZoneOf: async (tenantId) => (await calendars.get(tenantId)).timeZone,
      clock: fx.clock.read,
    });
  });

  after(async () => {
    await fx.close();
  });

  describe('the BHM in force on the filing date, in Tashkent time', () => {
    it('uses the old value until the evening before the new one starts, the new one from midnight', async () => {
      const before = await fees.quote('chirchik', input({ at: new Date('2025-07-31T23:30:00+05:00') }));
      const after = await fees.quote('chirchik', input({ at: new Date('2025-08-01T00:10:00+05:00') }));
      expect(before.breakdown.bhm).to.deep.equal({
        country: 'uz',
        value: 375_000,
        effectiveFrom: '2024-10-01',
      });
      expect([before.date, before.total]).to.deep.equal(['2025-07-31', 468_750]); // 1.25 x 375,000
      expect(after.breakdown.bhm).to.deep.equal({
        country: 'uz',
        value: 412_000,
        effectiveFrom: '2025-08-01',
      });
      expect([after.date, after.total]).to.deep.equal(['2025-08-01', 515_000]); // 1.25 x 412,000
    });

    it('quotes for now when no date is given', async () => {
      const quote = await fees.quote('chirchik', input());
      expect(quote.date).to.equal('2026-03-02');
      expect(quote.total).to.equal(515_000);
    });

    it('refuses a date before the first value of the country', async () => {
      await expectCode(
        fees.quote('chirchik', input({ at: new Date('2019-08-31T12:00:00+05:00') })),
        'DARCHA_FEE_BASE_AMOUNT_MISSING',
      );
    });
  });

  describe('quotes', () => {
    it('quotes the tiers and the discount of the cadastre extract', async () => {
      const large = await fees.quote('chirchik', input({ formData: { area: 350 } }));
      expect([large.breakdown.tier?.id, large.total]).to.deep.equal(['over-300', 1_236_000]);
      const entity = await fees.quote('chirchik', input({ applicantType: 'legal_entity' }));
      expect([entity.breakdown.tier?.id, entity.total]).to.deep.equal(['legal-entity', 2_060_000]);
      const discounted = await fees.quote('chirchik', input({ categories: ['disability-1'] }));
      expect(discounted.total).to.equal(257_500);
      expect(discounted.lines.map((l) => [l.kind, l.amount])).to.deep.equal([
        ['fee', 515_000],
        ['discount', -257_500],
      ]);
    });

    it('answers a free service with a free quote and no lines', async () => {
      const quote = await fees.quote('chirchik', input({ serviceCode: GAS_NO_DEBT.code, formData: {} }));
      expect(quote).to.deep.include({
        serviceCode: GAS_NO_DEBT.code,
        serviceVersion: 1,
        free: true,
        total: 0,
        lines: [],
      });
    });

    it("applies a city's fee overrides to that city only, key by key", async () => {
      await fx.catalog.setEntry('djizak', {
        serviceCode: EXTRACT,
        offered: true,
        agencyCode: 'kadastr',
        overrides: { feeParams: { discounts: [{ category: 'social-register', percent: 75 }] } },
      });
      try {
        const djizak = await fees.quote('djizak', input({ categories: ['social-register'] }));
        expect(djizak.breakdown.discount).to.deep.equal({
          category: 'social-register',
          percent: 75,
          amount: 386_250,
        });
        expect(djizak.breakdown.tier?.id).to.equal('up-to-100'); // the tiers of the definition stay
        const chirchik = await fees.quote('chirchik', input({ categories: ['social-register'] }));
        expect(chirchik.breakdown.discount?.percent).to.equal(50);
        // The disability discounts were replaced with the whole list: Djizak gives none now.
        expect(
          (await fees.quote('djizak', input({ categories: ['disability-1'] }))).breakdown.discount,
        ).to.equal(null);
      } finally {
        await fx.catalog.setEntry('djizak', { serviceCode: EXTRACT, offered: true, agencyCode: 'kadastr' });
      }
    });

    it('quotes a filed inquiry from its form, channel, applicant categories and filing time', async () => {
      fx.clock.set('2025-07-31T18:50:00Z'); // 23:50 in Tashkent: still the 375,000 BHM
      try {
        const { inquiry } = await fx.engine.file(
          'chirchik',
          fx.filing({
            serviceCode: EXTRACT,
            formData: { area: 150 },
            applicant: {
              ...(citizen('31234567890123') as IndividualApplicant),
              categories: ['social-register'],
            },
          }),
          fx.actors.operator,
        );
        const quote = await fees.quoteForInquiry('chirchik', inquiry);
        expect(quote.date).to.equal('2025-07-31');
        expect(quote.breakdown).to.deep.include({ multiplier: 2, unitAmount: 750_000, subtotal: 750_000 });
        expect(quote.breakdown.tier?.id).to.equal('101-300');
        expect(quote.total).to.equal(375_000);
      } finally {
        fx.clock.set('2026-03-02T05:00:00Z');
      }
    });

    it('refuses a malformed request, naming the fields', async () => {
      const error = await expectCode(
        fees.quote('chirchik', {
          ...input(),
          channel: 'fax',
          categories: ['veteran'],
          at: new Date('nonsense'),
        } as unknown as FeeQuoteInput),
        'DARCHA_FEE_QUOTE_INVALID',
      );
      expect(fieldsOf(error)).to.have.members(['/channel', '/categories/0', '/at']);
    });

    it('refuses a service the city does not offer', async () => {
      await tenants.create({
        id: 'namangan',
        kind: 'city',
        parentId: 'uz',
        names: { 'uz-Latn': 'Namangan' },
      });
      await expectCode(fees.quote('namangan', input()), 'DARCHA_CATALOG_NOT_OFFERED');
    });

    it("uses the BHM of the tenant's own country", async () => {
      await tenants.create({ id: 'kz', kind: 'country', names: { 'uz-Latn': 'Qozogʻiston' } });
      await tenants.create({ id: 'almaty', kind: 'city', parentId: 'kz', names: { 'uz-Latn': 'Olmaota' } });
      await new PostgresAgencyDirectory(fx.db).upsertAgency('almaty', {
        code: 'kadastr',
        kind: 'cadastre',
        names: { en: 'Cadastre' },
        contacts: {},
        workingHours: {},
        active: true,
      });
      await fx.catalog.setEntry('almaty', { serviceCode: EXTRACT, offered: true, agencyCode: 'kadastr' });
      const missing = await expectCode(fees.quote('almaty', input()), 'DARCHA_FEE_BASE_AMOUNT_MISSING');
      expect(missing.message).to.include('Country "kz"');
      await baseAmounts.add({ country: 'kz', effectiveFrom: '2026-01-01', amount: 3_932 });
      const quote = await fees.quote('almaty', input());
      expect(quote.breakdown.bhm).to.deep.equal({ country: 'kz', value: 3_932, effectiveFrom: '2026-01-01' });
      expect(quote.total).to.equal(4_915); // 1.25 x 3,932
    });
  });

  // Last: it publishes a new version of the extract.
  describe('service versions', () => {
    it('keeps an inquiry on its pinned service version when a new one is published', async () => {
      const { inquiry } = await fx.engine.file(
        'chirchik',
        fx.filing({ serviceCode: EXTRACT, formData: { area: 80 } }),
        fx.actors.operator,
      );
      await fx.services.publish('agency-cadastre', [
        {
          ...CADASTRE_EXTRACT,
          version: 2,
          fee: { free: false, rule: 'core/schedule', params: { amount: { bhm: 2.5 } } },
        },
      ]);
      const pinned = await fees.quoteForInquiry('chirchik', inquiry);
      expect([pinned.serviceVersion, pinned.total]).to.deep.equal([1, 515_000]);
      const current = await fees.quote('chirchik', input());
      expect([current.serviceVersion, current.total]).to.deep.equal([2, 1_030_000]);
      expect((await fees.quote('chirchik', input({ serviceVersion: 1 }))).total).to.equal(515_000);
    });
  });
});
