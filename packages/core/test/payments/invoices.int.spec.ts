import { expect } from 'chai';
import { CADASTRE_EXTRACT, DAY, GAS_NO_DEBT, dbEngine } from '../workflow/engine/engine-fixture.js';
import { expectCode } from '../staff/staff-fixtures.js';
import { openPaymentsFixture, type PaymentsFixture } from './payments-fixture.js';

describe(`invoices (${dbEngine})`, () => {
  let p: PaymentsFixture;

  before(async () => {
    p = await openPaymentsFixture();
  });
  after(() => p.close());
  beforeEach(() => p.f.clock.set('2026-03-02T05:00:00Z'));

  const audit = (tenantId: string, action: string, subjectId?: string) =>
    p.f.db.withTenant(tenantId, (trx) =>
      trx('audit_log')
        .where({ tenant_id: tenantId, action })
        .modify((q) => void (subjectId ? q.where('subject_id', subjectId) : q))
        .select('actor', 'details'),
    );

  it('makes the invoice from the fee quote, once, with an event and an audit entry', async () => {
    const inquiry = await p.filePaid();
    const [first, second] = await Promise.all([
      p.payments.ensureInvoice('chirchik', inquiry.id, p.f.actors.operator),
      p.payments.ensureInvoice('chirchik', inquiry.id, p.cashier),
    ]);
    expect(first!.id).to.equal(second!.id);
    expect(first).to.include({ status: 'issued', total: 515_000, paidAmount: 0, outstanding: 515_000 });
    expect(first!.serviceCode).to.equal(CADASTRE_EXTRACT.code);
    expect(first!.agencyCode).to.equal('kadastr');
    expect(first!.lines.reduce((sum, line) => sum + line.amount, 0)).to.equal(515_000);
    expect(first!.quote.breakdown.bhm?.value).to.equal(412_000);
    expect(first!.dueAt.getTime() - first!.issuedAt.getTime()).to.equal(30 * DAY);
    expect(await audit('chirchik', 'invoice.issue', first!.id)).to.have.length(1);
    const events = await p.f.db.withTenant('chirchik', (trx) =>
      trx('outbox_events').where({ tenant_id: 'chirchik', type: 'invoice.issued', inquiry_id: inquiry.id }),
    );
    expect(events).to.have.length(1);
    expect((await p.payments.invoiceFor('chirchik', inquiry.id))!.id).to.equal(first!.id);
  });

  it('makes no invoice for a free service', async () => {
    const { inquiry } = await p.f.engine.file(
      'chirchik',
      p.f.filing({ serviceCode: GAS_NO_DEBT.code }),
      p.f.actors.operator,
    );
    expect(await p.payments.ensureInvoice('chirchik', inquiry.id, p.f.actors.operator)).to.equal(null);
    expect(await p.payments.invoiceFor('chirchik', inquiry.id)).to.equal(null);
  });

  it('refuses citizens and unknown inquiries', async () => {
    const inquiry = await p.filePaid();
    await expectCode(
      p.payments.ensureInvoice('chirchik', inquiry.id, {
        id: 'citizen:1',
        kind: 'citizen',
        roles: ['citizen'],
      }),
      'DARCHA_PAYMENT_FORBIDDEN',
    );
    await expectCode(
      p.payments.ensureInvoice('chirchik', '00000000-0000-4000-8000-000000000000', p.cashier),
      'DARCHA_INQUIRY_NOT_FOUND',
    );
    await expectCode(p.payments.getInvoice('chirchik', 'not-a-uuid'), 'DARCHA_PAYMENT_INVOICE_NOT_FOUND');
  });

  it('cancels an unpaid invoice with a reason, and then a new one can be made', async () => {
    const inquiry = await p.filePaid();
    const invoice = (await p.payments.ensureInvoice('chirchik', inquiry.id, p.cashier))!;
    await expectCode(
      p.payments.cancelInvoice('chirchik', invoice.id, ' ', p.cashier),
      'DARCHA_PAYMENT_REASON_REQUIRED',
    );
    await expectCode(
      p.payments.cancelInvoice('chirchik', invoice.id, 'wrong area', p.f.actors.officer),
      'DARCHA_PAYMENT_FORBIDDEN',
    );
    const cancelled = await p.payments.cancelInvoice('chirchik', invoice.id, 'wrong area', p.cashier);
    expect(cancelled).to.include({ status: 'cancelled', cancelReason: 'wrong area', outstanding: 0 });
    await expectCode(
      p.payments.payAtDesk('chirchik', invoice.id, { amount: 515_000, method: 'cash' }, p.cashier),
      'DARCHA_PAYMENT_INVOICE_NOT_PAYABLE',
    );
    const again = (await p.payments.ensureInvoice('chirchik', inquiry.id, p.cashier))!;
    expect(again.id).to.not.equal(invoice.id);
    expect(await audit('chirchik', 'invoice.cancel', invoice.id)).to.have.length(1);
  });

  it('refuses to cancel an invoice with a payment on it', async () => {
    const inquiry = await p.filePaid();
    const invoice = (await p.payments.ensureInvoice('chirchik', inquiry.id, p.cashier))!;
    await p.payments.payAtDesk('chirchik', invoice.id, { amount: invoice.total, method: 'card' }, p.cashier);
    await expectCode(
      p.payments.cancelInvoice('chirchik', invoice.id, 'changed mind', p.cashier),
      'DARCHA_PAYMENT_INVOICE_NOT_PAYABLE',
    );
  });

  it('expires unpaid invoices past their due date, refuses paying them, and issues a fresh one on demand', async () => {
    const inquiry = await p.filePaid();
    const invoice = (await p.payments.ensureInvoice('chirchik', inquiry.id, p.cashier))!;
    p.f.clock.set('2026-04-01T06:00:00Z'); // 30 days and an hour later
    expect((await p.payments.getInvoice('chirchik', invoice.id)).status).to.equal('expired');
    await expectCode(
      p.payments.payAtDesk('chirchik', invoice.id, { amount: invoice.total, method: 'cash' }, p.cashier),
      'DARCHA_PAYMENT_INVOICE_EXPIRED',
    );
    const expiredBefore = await p.payments.listInvoices('chirchik', {
      status: 'expired',
      inquiryId: inquiry.id,
    });
    expect(expiredBefore.items.map((i) => i.id)).to.deep.equal([invoice.id]);
    expect(await p.payments.expireOverdue('chirchik')).to.be.greaterThan(0);
    expect(await p.payments.expireOverdue('chirchik')).to.equal(0);
    const stored = await p.f.db.withTenant('chirchik', (trx) =>
      trx('invoices').where({ tenant_id: 'chirchik', id: invoice.id }).first(),
    );
    expect(stored.status).to.equal('expired');
    expect(await audit('chirchik', 'invoice.expire', invoice.id)).to.have.length(1);
    const fresh = (await p.payments.ensureInvoice('chirchik', inquiry.id, p.cashier))!;
    expect(fresh.id).to.not.equal(invoice.id);
    expect(fresh.status).to.equal('issued');
  });

  it('lists invoices by status with paging', async () => {
    const page = await p.payments.listInvoices('chirchik', { status: 'issued', limit: 2 });
    expect(page.items.length).to.be.at.most(2);
    expect(page.total).to.be.greaterThan(0);
    expect(page.items.every((i) => i.status === 'issued')).to.equal(true);
    await expectCode(p.payments.listInvoices('chirchik', { limit: 0 }), 'DARCHA_PAYMENT_FILTER_INVALID');
  });

  it('keeps cities apart: another city neither sees nor pays an invoice', async () => {
    const inquiry = await p.filePaid();
    const invoice = (await p.payments.ensureInvoice('chirchik', inquiry.id, p.cashier))!;
    await expectCode(p.payments.getInvoice('djizak', invoice.id), 'DARCHA_PAYMENT_INVOICE_NOT_FOUND');
    await expectCode(
      p.payments.payAtDesk('djizak', invoice.id, { amount: invoice.total, method: 'cash' }, p.djizakCashier),
      'DARCHA_PAYMENT_INVOICE_NOT_FOUND',
    );
    await expectCode(p.payments.invoiceFor('djizak', inquiry.id), 'DARCHA_INQUIRY_NOT_FOUND');
    expect((await p.payments.listInvoices('djizak')).items.some((i) => i.id === invoice.id)).to.equal(false);
  });

  it('settles a fee that comes to nothing as it is made: a 100% discount never waits for a payment', async () => {
    await p.f.catalog.setEntry('djizak', {
      serviceCode: CADASTRE_EXTRACT.code,
      offered: true,
      agencyCode: 'kadastr',
      overrides: { feeParams: { discounts: [{ category: 'disability-1', percent: 100 }] } },
    });
    const filing = p.f.filing({ serviceCode: CADASTRE_EXTRACT.code, formData: { area: 80 } });
    const { inquiry } = await p.f.engine.file(
      'djizak',
      {
        ...filing,
        applicant: { ...filing.applicant, categories: ['disability-1'] } as typeof filing.applicant,
      },
      p.f.actors.operator,
    );
    const invoice = (await p.payments.ensureInvoice('djizak', inquiry.id, p.f.actors.operator))!;
    expect(invoice).to.deep.include({ status: 'paid', total: 0, paidAmount: 0 });
    expect(invoice.lines.map((l) => l.amount)).to.deep.equal([515_000, -515_000]);
    expect(await p.f.db.withTenant('djizak', (trx) => p.payments.isPaid(trx, 'djizak', inquiry.id))).to.equal(
      true,
    );
    await expectCode(
      p.payments.payAtDesk('djizak', invoice.id, { amount: 0, method: 'cash' }, p.djizakCashier),
      'DARCHA_PAYMENT_INVOICE_NOT_PAYABLE',
    );
  });
});
