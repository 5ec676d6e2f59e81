import { expect } from 'chai';
import { dbEngine } from '../workflow/engine/engine-fixture.js';
import { expectCode } from '../staff/staff-fixtures.js';
import { openPaymentsFixture, type PaymentsFixture } from './payments-fixture.js';

describe(`refunds (${dbEngine})`, () => {
  let p: PaymentsFixture;

  before(async () => {
    p = await openPaymentsFixture();
  });
  after(() => p.close());

  const paidPayment = async () => {
    const inquiry = await p.filePaid();
    const invoice = (await p.payments.ensureInvoice('chirchik', inquiry.id, p.cashier))!;
    return (
      await p.payments.payAtDesk('chirchik', invoice.id, { amount: invoice.total, method: 'cash' }, p.cashier)
    ).payment;
  };

  it('never lets pending and approved refunds exceed the payment', async () => {
    const payment = await paidPayment();
    const a = await p.payments.requestRefund(
      'chirchik',
      payment.id,
      { amount: 300_000, reason: 'overcharged' },
      p.cashier,
    );
    expect(a.status).to.equal('requested');
    const err = await expectCode(
      p.payments.requestRefund('chirchik', payment.id, { amount: 215_001, reason: 'more' }, p.cashier),
      'DARCHA_PAYMENT_REFUND_TOO_LARGE',
    );
    expect(err.details['available']).to.equal(215_000);
    await p.payments.rejectRefund('chirchik', a.id, 'not justified', p.supervisor);
    const b = await p.payments.requestRefund(
      'chirchik',
      payment.id,
      { amount: 515_000, reason: 'service not given' },
      p.cashier,
    );
    await p.payments.approveRefund('chirchik', b.id, null, p.admin);
    await expectCode(
      p.payments.requestRefund('chirchik', payment.id, { amount: 1, reason: 'one more' }, p.cashier),
      'DARCHA_PAYMENT_REFUND_TOO_LARGE',
    );
    expect((await p.payments.getPayment('chirchik', payment.id)).refundedAmount).to.equal(515_000);
    expect((await p.payments.getInvoice('chirchik', payment.invoiceId)).refundedAmount).to.equal(515_000);
  });

  it('refuses bad input: no reason, a non-positive or fractional amount, an unknown payment', async () => {
    const payment = await paidPayment();
    for (const input of [
      { amount: 1000, reason: '  ' },
      { amount: 0, reason: 'x' },
      { amount: -1, reason: 'x' },
      { amount: 10.5, reason: 'x' },
    ]) {
      await expectCode(
        p.payments.requestRefund('chirchik', payment.id, input, p.cashier),
        'DARCHA_PAYMENT_REFUND_INVALID',
      );
    }
    await expectCode(
      p.payments.requestRefund(
        'chirchik',
        '00000000-0000-4000-8000-000000000000',
        { amount: 1, reason: 'x' },
        p.cashier,
      ),
      'DARCHA_PAYMENT_NOT_FOUND',
    );
    await expectCode(
      p.payments.requestRefund('djizak', payment.id, { amount: 1, reason: 'x' }, p.djizakCashier),
      'DARCHA_PAYMENT_NOT_FOUND',
    );
  });

  it('takes a cashier to request, a supervisor or city admin other than the requester to decide, once', async () => {
    const payment = await paidPayment();
    await expectCode(
      p.payments.requestRefund('chirchik', payment.id, { amount: 1000, reason: 'x' }, p.supervisor),
      'DARCHA_PAYMENT_FORBIDDEN',
    );
    const refund = await p.payments.requestRefund(
      'chirchik',
      payment.id,
      { amount: 1000, reason: 'x' },
      p.cashier,
    );
    await expectCode(
      p.payments.approveRefund('chirchik', refund.id, null, p.cashier2),
      'DARCHA_PAYMENT_FORBIDDEN',
    );
    const both = { ...p.cashier, roles: ['cashier', 'supervisor'] };
    await expectCode(
      p.payments.approveRefund('chirchik', refund.id, null, both),
      'DARCHA_PAYMENT_REFUND_OWN_REQUEST',
    );
    const approved = await p.payments.approveRefund('chirchik', refund.id, 'ok', p.supervisor);
    expect(approved).to.include({ status: 'approved', decidedBy: p.supervisor.id, decisionNote: 'ok' });
    await expectCode(
      p.payments.rejectRefund('chirchik', refund.id, 'no', p.admin),
      'DARCHA_PAYMENT_REFUND_DECIDED',
    );
    const audit = await p.f.db.withTenant('chirchik', (trx) =>
      trx('audit_log').where({ tenant_id: 'chirchik', subject_id: refund.id }).orderBy('at').pluck('action'),
    );
    expect(audit).to.deep.equal(['refund.request', 'refund.approve']);
    const events = await p.f.db.withTenant('chirchik', (trx) =>
      trx('outbox_events').where({
        tenant_id: 'chirchik',
        type: 'payment.refunded',
        inquiry_id: payment.inquiryId,
      }),
    );
    expect(events).to.have.length(1);
  });

  it('refuses refunds of a payment that is not confirmed', async () => {
    const inquiry = await p.filePaid();
    const invoice = (await p.payments.ensureInvoice('chirchik', inquiry.id, p.cashier))!;
    const pending = await p.payments.startPayment('chirchik', invoice.id, 'demo-pay', p.cashier);
    await expectCode(
      p.payments.requestRefund('chirchik', pending.id, { amount: 1, reason: 'x' }, p.cashier),
      'DARCHA_PAYMENT_NOT_REFUNDABLE',
    );
  });
});
