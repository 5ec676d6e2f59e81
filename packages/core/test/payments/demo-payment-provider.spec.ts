import { expect } from 'chai';
import { demoPaymentProvider, signDemoCallback } from '../../src/payments/demo-payment-provider.js';
import { receiptPrefix, yearIn } from '../../src/payments/receipt-numbers.js';

describe('demo payment provider', () => {
  const provider = demoPaymentProvider({ secret: 's3cret' });
  const verify = (body: unknown) => provider.verify({ tenantId: 'chirchik', body, headers: {} });

  it('accepts a callback signed with its secret and reports reference, paid and amount', async () => {
    const body = signDemoCallback('s3cret', { reference: 'demo-1', status: 'paid', amount: 515_000 });
    expect(await verify(body)).to.deep.equal({ reference: 'demo-1', paid: true, amount: 515_000 });
  });

  it('refuses a wrong secret, a changed field, and malformed bodies', async () => {
    const other = signDemoCallback('other', { reference: 'demo-1', status: 'paid', amount: 515_000 });
    expect(await verify(other)).to.equal(null);
    const body = signDemoCallback('s3cret', { reference: 'demo-1', status: 'paid', amount: 515_000 });
    expect(await verify({ ...body, amount: 1 })).to.equal(null);
    expect(await verify({ ...body, signature: 'zz' })).to.equal(null);
    for (const bad of [null, 'x', [], {}, { ...body, status: 'maybe' }])
      expect(await verify(bad)).to.equal(null);
  });
});

describe('receipt numbers', () => {
  it("prefix the inquiry's tracking prefix, else the tenant id", () => {
    expect(receiptPrefix('chirchik', 'CHR-2026-000123')).to.equal('CHR');
    expect(receiptPrefix('chirchik', 'TASH-CITY-2026-000001')).to.equal('TASH-CITY');
    expect(receiptPrefix('chirchik', null)).to.equal('CHIRCHIK');
  });

  it('take the year in the tenant time zone', () => {
    // 31 December 2026, 20:30 UTC is already 1 January 2027 in Tashkent (UTC+5).
    expect(yearIn(new Date('2026-12-31T20:30:00Z'), 'Asia/Tashkent')).to.equal(2027);
    expect(yearIn(new Date('2026-12-31T18:30:00Z'), 'Asia/Tashkent')).to.equal(2026);
  });
});
