import { expect } from 'chai';
import { CADASTRE_EXTRACT, dbEngine } from '../workflow/engine/engine-fixture.js';
import { expectCode } from '../staff/staff-fixtures.js';
import { openPaymentsFixture, type PaymentsFixture } from './payments-fixture.js';

describe(`desk payments and receipts (${dbEngine})`, () => {
  let p: PaymentsFixture;

  before(async () => {
    p = await openPaymentsFixture();
  });
  after(() => p.close());
  beforeEach(() => p.f.clock.set('2026-03-02T05:00:00Z'));

  const invoiceOf = async (tenantId = 'chirchik') => {
    const inquiry = await p.filePaid(tenantId);
    const actor = tenantId === 'chirchik' ? p.cashier : p.djizakCashier;
    return (await p.payments.ensureInvoice(tenantId, inquiry.id, actor))!;
  };

  it('takes the outstanding sum at the desk: a confirmed payment with a receipt, the invoice paid', async () => {
    const invoice = await invoiceOf();
    const { payment, invoice: after } = await p.payments.payAtDesk(
      'chirchik',
      invoice.id,
      { amount: 515_000, method: 'cash' },
      p.cashier,
    );
    expect(payment).to.include({
      status: 'confirmed',
      method: 'cash',
      amount: 515_000,
      receivedBy: p.cashier.id,
    });
    expect(payment.receiptNumber).to.match(/^CHR-2026-R\d{6}$/);
    expect(after).to.include({ status: 'paid', paidAmount: 515_000, outstanding: 0 });
    const receipt = await p.payments.receipt('chirchik', payment.id);
    expect(receipt).to.include({
      receiptNumber: payment.receiptNumber,
      payerName: 'Karimov Aziz',
      serviceCode: CADASTRE_EXTRACT.code,
      total: 515_000,
      method: 'cash',
      cashierName: 'Dilnoza Kassir',
    });
    expect(receipt.trackingNumber).to.match(/^CHR-2026-/);
    expect(receipt.lines.reduce((s, l) => s + l.amount, 0)).to.equal(515_000);
    const rows = await p.f.db.withTenant('chirchik', (trx) =>
      trx('audit_log').where({ tenant_id: 'chirchik', action: 'payment.receive', subject_id: payment.id }),
    );
    expect(rows).to.have.length(1);
    const events = await p.f.db.withTenant('chirchik', (trx) =>
      trx('outbox_events').where({
        tenant_id: 'chirchik',
        type: 'payment.received',
        inquiry_id: invoice.inquiryId,
      }),
    );
    expect(events).to.have.length(1);
    await expectCode(
      p.payments.payAtDesk('chirchik', invoice.id, { amount: 515_000, method: 'cash' }, p.cashier),
      'DARCHA_PAYMENT_INVOICE_NOT_PAYABLE',
    );
  });

  it('honours an idempotency key: a retried desk payment returns the first and takes nothing', async () => {
    const invoice = await invoiceOf();
    const pay = () =>
      p.payments.payAtDesk('chirchik', invoice.id, { amount: 515_000, method: 'cash' }, p.cashier, {
        idempotencyKey: `desk-${invoice.id}`,
      });
    const first = await pay();
    const again = await pay();
    expect([first.replayed, again.replayed]).to.deep.equal([false, true]);
    expect(again.payment.id).to.equal(first.payment.id);
    expect(again.payment.receiptNumber).to.equal(first.payment.receiptNumber);
    expect(await p.payments.paymentsOf('chirchik', invoice.id)).to.have.length(1);
    await expectCode(
      p.payments.payAtDesk('chirchik', invoice.id, { amount: 515_000, method: 'card' }, p.cashier, {
        idempotencyKey: `desk-${invoice.id}`,
      }),
      'DARCHA_IDEMPOTENCY_KEY_REUSED',
    );
  });

  it('refuses a wrong amount, a bad method and anyone but a cashier', async () => {
    const invoice = await invoiceOf();
    for (const amount of [100_000, 515_001, 0, -5, 515_000.5]) {
      await expectCode(
        p.payments.payAtDesk('chirchik', invoice.id, { amount, method: 'cash' }, p.cashier),
        'DARCHA_PAYMENT_AMOUNT_INVALID',
      );
    }
    await expectCode(
      p.payments.payAtDesk('chirchik', invoice.id, { amount: 515_000, method: 'gold' as 'cash' }, p.cashier),
      'DARCHA_PAYMENT_METHOD_INVALID',
    );
    await expectCode(
      p.payments.payAtDesk('chirchik', invoice.id, { amount: 515_000, method: 'cash' }, p.supervisor),
      'DARCHA_PAYMENT_FORBIDDEN',
    );
    expect((await p.payments.getInvoice('chirchik', invoice.id)).paidAmount).to.equal(0);
    expect(await p.payments.paymentsOf('chirchik', invoice.id)).to.deep.equal([]);
  });

  it('takes partial payments only where the fee allows them, never above the outstanding sum', async () => {
    await p.f.catalog.setEntry('djizak', {
      serviceCode: CADASTRE_EXTRACT.code,
      offered: true,
      agencyCode: 'kadastr',
      overrides: { feeParams: { partialPayments: true } },
    });
    const invoice = await invoiceOf('djizak');
    expect(invoice.partialAllowed).to.equal(true);
    const first = await p.payments.payAtDesk(
      'djizak',
      invoice.id,
      { amount: 200_000, method: 'cash' },
      p.djizakCashier,
    );
    expect(first.invoice).to.include({ status: 'issued', paidAmount: 200_000, outstanding: 315_000 });
    await expectCode(
      p.payments.payAtDesk('djizak', invoice.id, { amount: 315_001, method: 'cash' }, p.djizakCashier),
      'DARCHA_PAYMENT_AMOUNT_INVALID',
    );
    await expectCode(
      p.payments.cancelInvoice('djizak', invoice.id, 'no', p.djizakCashier),
      'DARCHA_PAYMENT_INVOICE_HAS_PAYMENTS',
    );
    const second = await p.payments.payAtDesk(
      'djizak',
      invoice.id,
      { amount: 315_000, method: 'card' },
      p.djizakCashier,
    );
    expect(second.invoice).to.include({ status: 'paid', paidAmount: 515_000 });
    const receipt = await p.payments.receipt('djizak', first.payment.id);
    expect(receipt.total).to.equal(200_000);
    expect(receipt.lines).to.have.length(1);
    expect(receipt.receiptNumber).to.match(/^DJI-2026-R\d{6}$/);
    // Chirchik's fee has no partial payments.
    const chirchik = await invoiceOf();
    await expectCode(
      p.payments.payAtDesk('chirchik', chirchik.id, { amount: 200_000, method: 'cash' }, p.cashier),
      'DARCHA_PAYMENT_AMOUNT_INVALID',
    );
  });

  it('numbers receipts 1..N without gaps or duplicates under concurrent payments, per tenant and year', async () => {
    p.f.clock.set('2027-01-05T05:00:00Z');
    const invoices = [];
    for (let i = 0; i < 24; i += 1) invoices.push(await invoiceOf());
    // Some of them fail (a wrong amount) and roll back: they must not leave a gap.
    const results = await Promise.allSettled(
      invoices.map((invoice, i) =>
        p.payments.payAtDesk(
          'chirchik',
          invoice.id,
          { amount: i % 5 === 4 ? 1 : invoice.total, method: i % 2 === 0 ? 'cash' : 'card' },
          i % 3 === 0 ? p.cashier2 : p.cashier,
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).to.have.length(24 - 4);
    const numbers = ok.map((r) => r.value.payment.receiptNumber!).sort();
    const expected = Array.from({ length: 20 }, (_, i) => `CHR-2027-R${String(i + 1).padStart(6, '0')}`);
    expect(numbers).to.deep.equal(expected);
  });

  it("opens the workflow's requires-payment step only once the invoice is paid", async () => {
    const { inquiry } = await p.engine.file(
      'chirchik',
      p.f.filing({ serviceCode: CADASTRE_EXTRACT.code, formData: { area: 80 } }),
      p.f.actors.operator,
    );
    const invoice = (await p.payments.ensureInvoice('chirchik', inquiry.id, p.f.actors.operator))!;
    const confirm = () =>
      p.engine.transition(
        'chirchik',
        inquiry.id,
        { action: 'confirm_payment', expectedVersion: inquiry.version },
        p.f.actors.operator,
      );
    await expectCode(confirm(), 'DARCHA_WORKFLOW_REQUIREMENTS_MISSING');
    await p.payments.payAtDesk('chirchik', invoice.id, { amount: invoice.total, method: 'cash' }, p.cashier);
    const moved = await confirm();
    expect(moved.inquiry.state).to.equal('in_review');
  });
});
