import { expect } from 'chai';
import { isDarchaError, type DarchaError } from '../../src/errors/darcha-error.js';
import type { BaseAmount } from '../../src/fees/base-amount-types.js';
import type { FeeSchedule } from '../../src/fees/fee-types.js';
import { filingDate } from '../../src/fees/filing-date.js';
import { bhmMultiple, divideHalfUp, percentOf, scaled } from '../../src/fees/money.js';
import { quoteFee, type FeeQuoteContext } from '../../src/fees/quote-fee.js';

const bhm = (amount: number, effectiveFrom: string): BaseAmount => ({
  country: 'uz',
  effectiveFrom,
  amount,
  note: null,
  createdBy: 'test',
  createdAt: new Date(0),
});
const BHM_2019 = bhm(202_730, '2019-09-01');
const BHM_2025 = bhm(412_000, '2025-08-01');

function context(changes: Partial<FeeQuoteContext> = {}): FeeQuoteContext {
  return {
    serviceCode: 'cadastre.register-extract',
    serviceVersion: 1,
    serviceNames: { en: 'Register extract', ru: 'Выписка из реестра' },
    formData: {},
    channel: 'desk',
    applicantType: 'individual',
    categories: [],
    date: '2025-08-01',
    country: 'uz',
    bhm: BHM_2025,
    ...changes,
  };
}

function refused(run: () => unknown, code: string): DarchaError {
  try {
    run();
  } catch (error) {
    if (isDarchaError(error, code)) return error;
    throw error;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

/** The cadastre register extract (services.md): housing of individuals by area, legal entities 5.0. */
const CADASTRE: FeeSchedule = {
  tiers: [
    {
      id: 'legal-entity',
      names: { en: 'legal entity' },
      when: [{ field: '$applicantType', equals: 'legal_entity' }],
      amount: { bhm: 5 },
    },
    {
      id: 'up-to-100',
      names: { en: 'up to 100 m2' },
      when: [{ field: '/area', max: 100 }],
      amount: { bhm: 1.25 },
    },
    { id: '101-300', when: [{ field: '/area', max: 300 }], amount: { bhm: 2 } },
    { id: 'over-300', when: [{ field: '/area', min: 300 }], amount: { bhm: 3 } },
  ],
  discounts: [
    { category: 'social-register', percent: 50 },
    { category: 'disability-1', percent: 50 },
    { category: 'disability-2', percent: 50 },
  ],
};

describe('quoteFee', () => {
  describe('amounts', () => {
    it('charges a fixed sum as it is, without the BHM', () => {
      const quote = quoteFee({ amount: { sum: 25_000 } }, context({ bhm: null }));
      expect(quote.total).to.equal(25_000);
      expect(quote.breakdown).to.deep.include({
        bhm: null,
        multiplier: null,
        fixed: 25_000,
        subtotal: 25_000,
      });
      expect(quote.lines).to.deep.equal([
        {
          kind: 'fee',
          description: quote.lines[0]!.description,
          quantity: 1,
          unitAmount: 25_000,
          amount: 25_000,
        },
      ]);
    });

    it('charges a BHM multiple with the BHM in force (water meter verification: 18% of the BHM)', () => {
      const quote = quoteFee({ amount: { bhm: 0.18 } }, context());
      expect(quote.total).to.equal(74_160);
      expect(quote.breakdown.bhm).to.deep.equal({
        country: 'uz',
        value: 412_000,
        effectiveFrom: '2025-08-01',
      });
      expect(quote.breakdown.multiplier).to.equal(0.18);
      expect(quote.free).to.equal(false);
      expect(quote.currency).to.equal('UZS');
      expect(quote.date).to.equal('2025-08-01');
    });

    it('uses whatever BHM value it is given: 2019 and 2025 give different fees for the same schedule', () => {
      expect(quoteFee({ amount: { bhm: 1 } }, context({ bhm: BHM_2019, date: '2025-07-31' })).total).to.equal(
        202_730,
      );
      expect(quoteFee({ amount: { bhm: 1 } }, context()).total).to.equal(412_000);
    });

    it('refuses a BHM multiple when the country has no BHM on that date', () => {
      const error = refused(
        () => quoteFee({ amount: { bhm: 1 } }, context({ bhm: null, date: '2019-08-31' })),
        'DARCHA_FEE_BASE_AMOUNT_MISSING',
      );
      expect(error.message).to.equal('Country "uz" has no base calculation amount in force on 2019-08-31.');
    });
  });

  describe('tiers chosen by the form (cadastre extract)', () => {
    const cases: Array<[string, Partial<FeeQuoteContext>, string, number]> = [
      ['80 m2', { formData: { area: 80 } }, 'up-to-100', 515_000],
      ['exactly 100 m2', { formData: { area: 100 } }, 'up-to-100', 515_000],
      ['100.5 m2', { formData: { area: 100.5 } }, '101-300', 824_000],
      ['101 m2', { formData: { area: 101 } }, '101-300', 824_000],
      ['exactly 300 m2', { formData: { area: 300 } }, '101-300', 824_000],
      ['301 m2', { formData: { area: 301 } }, 'over-300', 1_236_000],
      [
        'a legal entity, whatever the area',
        { formData: { area: 80 }, applicantType: 'legal_entity' },
        'legal-entity',
        2_060_000,
      ],
    ];
    for (const [name, changes, tier, total] of cases) {
      it(`${name}: tier ${tier}, ${total} soums`, () => {
        const quote = quoteFee(CADASTRE, context(changes));
        expect(quote.breakdown.tier?.id).to.equal(tier);
        expect(quote.total).to.equal(total);
      });
    }

    it('shows the tier in the breakdown and on the fee line', () => {
      const quote = quoteFee(CADASTRE, context({ formData: { area: 80 } }));
      expect(quote.breakdown).to.deep.include({
        tier: { id: 'up-to-100', names: { en: 'up to 100 m2' } },
        multiplier: 1.25,
        unitAmount: 515_000,
        subtotal: 515_000,
        channel: null,
        units: null,
        discount: null,
      });
      // A tier without a name in a locale shows its id there.
      expect(quote.lines[0]!.description).to.deep.equal({
        en: 'Register extract — up to 100 m2',
        ru: 'Выписка из реестра — up-to-100',
      });
    });

    it('refuses an application the tiers cannot price, saying why', () => {
      const error = refused(() => quoteFee(CADASTRE, context({ formData: {} })), 'DARCHA_FEE_NO_AMOUNT');
      expect(error.kind).to.equal('invalid');
      expect(error.message).to.include(
        'matches none of the tiers legal-entity, up-to-100, 101-300, over-300',
      );
      refused(() => quoteFee(CADASTRE, context({ formData: { area: 'big' } })), 'DARCHA_FEE_NO_AMOUNT');
    });

    it('reads nested form fields and compares with equals and in', () => {
      const schedule: FeeSchedule = {
        tiers: [
          {
            id: 'housing',
            when: [{ field: '/property/use', in: ['housing', 'garden'] }],
            amount: { bhm: 1 },
          },
          { id: 'other', when: [{ field: '/property/use', equals: 'office' }], amount: { bhm: 3 } },
        ],
      };
      expect(quoteFee(schedule, context({ formData: { property: { use: 'garden' } } })).total).to.equal(
        412_000,
      );
      expect(quoteFee(schedule, context({ formData: { property: { use: 'office' } } })).total).to.equal(
        1_236_000,
      );
      refused(
        () => quoteFee(schedule, context({ formData: { property: 'office' } })),
        'DARCHA_FEE_NO_AMOUNT',
      );
    });
  });

  describe('channels (business registration: 1 BHM at the desk, 0.5 online)', () => {
    const REGISTRATION: FeeSchedule = { channels: { desk: { bhm: 1 }, online: { bhm: 0.5 } } };

    it('charges by the channel of the application', () => {
      const desk = quoteFee(REGISTRATION, context({ channel: 'desk', applicantType: 'legal_entity' }));
      const online = quoteFee(REGISTRATION, context({ channel: 'online', applicantType: 'legal_entity' }));
      expect([desk.total, online.total]).to.deep.equal([412_000, 206_000]);
      expect(online.breakdown.channel).to.equal('online');
    });

    it('refuses a channel the schedule has no amount for, unless there is a default amount', () => {
      refused(() => quoteFee(REGISTRATION, context({ channel: 'api' })), 'DARCHA_FEE_NO_AMOUNT');
      const withDefault = quoteFee({ ...REGISTRATION, amount: { sum: 1_000 } }, context({ channel: 'api' }));
      expect(withDefault.total).to.equal(1_000);
      expect(withDefault.breakdown.channel).to.equal(null);
    });

    it('lets a tier come first, and a tier test the channel', () => {
      const schedule: FeeSchedule = {
        tiers: [
          {
            id: 'online-entity',
            when: [
              { field: '$channel', equals: 'online' },
              { field: '$applicantType', equals: 'legal_entity' },
            ],
            amount: { bhm: 0.25 },
          },
        ],
        channels: { online: { bhm: 0.5 } },
      };
      expect(
        quoteFee(schedule, context({ channel: 'online', applicantType: 'legal_entity' })).total,
      ).to.equal(103_000);
      expect(quoteFee(schedule, context({ channel: 'online' })).total).to.equal(206_000);
    });
  });

  describe('per unit (room rental by the hour, pages printed)', () => {
    const ROOM: FeeSchedule = {
      amount: { sum: 50_000 },
      perUnit: { field: '/hours', unit: 'hour', unitNames: { en: 'hour' }, max: 12 },
    };

    it('multiplies the unit amount by the whole number in the form', () => {
      const quote = quoteFee(ROOM, context({ formData: { hours: 3 } }));
      expect(quote.total).to.equal(150_000);
      expect(quote.breakdown.units).to.deep.equal({ count: 3, unit: 'hour' });
      expect(quote.lines[0]).to.deep.include({ quantity: 3, unitAmount: 50_000, amount: 150_000 });
      expect(quote.lines[0]!.description['en']).to.equal('Register extract — hour');
    });

    it('rounds the unit amount before multiplying (pages at 0.0125 BHM of 202,730)', () => {
      // 0.0125 x 202,730 = 2,534.125 -> 2,534 a page; 7 pages = 17,738 (not round(17,738.875) = 17,739).
      const quote = quoteFee(
        { amount: { bhm: 0.0125 }, perUnit: { field: '/pages', unit: 'page' } },
        context({ bhm: BHM_2019, formData: { pages: 7 } }),
      );
      expect(quote.breakdown.unitAmount).to.equal(2_534);
      expect(quote.total).to.equal(17_738);
    });

    it('refuses a missing, fractional, textual or out-of-range count, naming the field', () => {
      const bad: Array<[unknown, string]> = [
        [undefined, 'which is missing'],
        [2.5, 'which is 2.5, not a whole number'],
        ['3', 'which is "3", not a whole number'],
        [0, 'which is 0, below the minimum of 1'],
        [13, 'which is 13, above the maximum of 12'],
      ];
      for (const [hours, problem] of bad) {
        const formData = hours === undefined ? {} : { hours };
        const error = refused(() => quoteFee(ROOM, context({ formData })), 'DARCHA_FEE_UNITS_INVALID');
        expect(error.message).to.include('form field /hours').and.include(problem);
      }
    });

    it('caps the count at 10,000 when the schedule sets no maximum, and never overflows into a crash', () => {
      const pages: FeeSchedule = { amount: { sum: 1_000 }, perUnit: { field: '/pages', unit: 'page' } };
      expect(quoteFee(pages, context({ formData: { pages: 10_000 } })).total).to.equal(10_000_000);
      const error = refused(
        () => quoteFee(pages, context({ formData: { pages: 9_000_000_000_000 } })),
        'DARCHA_FEE_UNITS_INVALID',
      );
      expect(error.message).to.include('above the maximum of 10000');
      const huge: FeeSchedule = {
        amount: { sum: 1_000_000_000_000 },
        perUnit: { field: '/pages', unit: 'page', max: 1_000_000 },
      };
      const overflow = refused(
        () => quoteFee(huge, context({ formData: { pages: 1_000_000 } })),
        'DARCHA_FEE_UNITS_INVALID',
      );
      expect(overflow.message).to.include('makes the amount too large');
    });
  });

  describe('discounts by applicant category', () => {
    it('takes 50% off for the social protection register and disability groups I and II', () => {
      for (const category of ['social-register', 'disability-1', 'disability-2'] as const) {
        const quote = quoteFee(CADASTRE, context({ formData: { area: 80 }, categories: [category] }));
        expect(quote.total, category).to.equal(257_500);
        expect(quote.breakdown.subtotal).to.equal(515_000);
        expect(quote.breakdown.discount).to.deep.equal({ category, percent: 50, amount: 257_500 });
      }
    });

    it('shows the discount as a negative line', () => {
      const quote = quoteFee(CADASTRE, context({ formData: { area: 80 }, categories: ['disability-2'] }));
      expect(quote.lines).to.have.length(2);
      expect(quote.lines[1]).to.deep.equal({
        kind: 'discount',
        description: {
          'uz-Latn': 'Chegirma 50%: II guruh nogironligi',
          'uz-Cyrl': 'Чегирма 50%: II гуруҳ ногиронлиги',
          ru: 'Скидка 50%: инвалидность II группы',
          en: 'Discount 50%: disability group II',
        },
        quantity: 1,
        unitAmount: -257_500,
        amount: -257_500,
      });
      expect(quote.lines.reduce((sum, line) => sum + line.amount, 0)).to.equal(quote.total);
    });

    it('gives no discount to a category the schedule does not name, and the largest one only', () => {
      const none = quoteFee({ amount: { bhm: 1 } }, context({ categories: ['social-register'] }));
      expect([none.total, none.breakdown.discount, none.lines.length]).to.deep.equal([412_000, null, 1]);
      const schedule: FeeSchedule = {
        amount: { bhm: 1 },
        discounts: [
          { category: 'disability-2', percent: 25 },
          { category: 'disability-1', percent: 50 },
        ],
      };
      const both = quoteFee(schedule, context({ categories: ['disability-2', 'disability-1'] }));
      expect(both.breakdown.discount).to.deep.equal({
        category: 'disability-1',
        percent: 50,
        amount: 206_000,
      });
      expect(both.total).to.equal(206_000);
    });
  });

  describe('rounding', () => {
    it('rounds a half soum of the unit amount up, and a half soum of the discount up', () => {
      // 1.25 x 202,730 = 253,412.5 -> 253,413; 50% of it = 126,706.5 -> 126,707; total 126,706.
      const quote = quoteFee(
        CADASTRE,
        context({ bhm: BHM_2019, formData: { area: 50 }, categories: ['social-register'] }),
      );
      expect(quote.breakdown.unitAmount).to.equal(253_413);
      expect(quote.breakdown.discount?.amount).to.equal(126_707);
      expect(quote.total).to.equal(126_706);
    });

    it('computes in integers where floats go wrong (1.15 x 202,730 is exactly 233,139.5)', () => {
      expect(Math.round(202_730 * 1.15)).to.equal(233_139); // what float arithmetic would charge
      expect(bhmMultiple(202_730, 1.15)).to.equal(233_140);
      expect(bhmMultiple(202_730, 0.18)).to.equal(36_491); // 36,491.4 rounds down
      expect(bhmMultiple(412_000, 0.0001)).to.equal(41); // 41.2
      expect(percentOf(101, 50)).to.equal(51); // 50.5
      expect(percentOf(99, 33.33)).to.equal(33); // 32.9967
      expect(percentOf(3, 12.5)).to.equal(0); // 0.375
    });

    it('rounds half up in the integer division', () => {
      expect([
        divideHalfUp(5n, 2n),
        divideHalfUp(3n, 2n),
        divideHalfUp(7n, 4n),
        divideHalfUp(5n, 4n),
        divideHalfUp(0n, 3n),
      ]).to.deep.equal([3n, 2n, 2n, 1n, 0n]);
    });

    it('accepts at most 4 decimals in a multiplier and refuses more', () => {
      expect(scaled(0.1825, 4)).to.equal(1825n);
      expect(scaled(0.18251, 4)).to.equal(undefined);
      const error = refused(
        () => quoteFee({ amount: { bhm: 0.18251 } }, context()),
        'DARCHA_FEE_SCHEDULE_INVALID',
      );
      expect(error.message).to.include('/amount/bhm: 0.18251 has more than 4 decimals');
    });
  });

  describe('the filing date in the tenant time zone', () => {
    it('puts an instant on the Tashkent calendar day, not the UTC one', () => {
      expect(filingDate(new Date('2025-07-31T23:30:00+05:00'), 'Asia/Tashkent')).to.equal('2025-07-31');
      // 19:10 UTC on 31 July is already 1 August in Tashkent.
      expect(filingDate(new Date('2025-08-01T00:10:00+05:00'), 'Asia/Tashkent')).to.equal('2025-08-01');
      expect(filingDate(new Date('2025-08-01T00:10:00+05:00'), 'UTC')).to.equal('2025-07-31');
    });
  });

  it('carries the payment terms of the schedule, with their defaults', () => {
    const plain = quoteFee({ amount: { sum: 1 } }, context());
    expect([plain.partialPayments, plain.payableDays, plain.invoiceAt]).to.deep.equal([false, 30, 'filing']);
    const terms = quoteFee(
      { amount: { sum: 1 }, partialPayments: true, payableDays: 10, invoiceAt: 'effect' },
      context(),
    );
    expect([terms.partialPayments, terms.payableDays, terms.invoiceAt]).to.deep.equal([true, 10, 'effect']);
  });
});
