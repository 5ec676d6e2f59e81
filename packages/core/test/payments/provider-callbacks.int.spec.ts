import { expect } from 'chai';
import { signDemoCallback } from '../../src/payments/demo-payment-provider.js';
import type { Actor } from '../../src/workflow/inquiry/types.js';
import { dbEngine } from '../workflow/engine/engine-fixture.js';
import { expectCode } from '../staff/staff-fixtures.js';
import { openPaymentsFixture, PROVIDER_SECRET, type PaymentsFixture } from './payments-fixture.js';

describe(`provider payments and callbacks (${dbEngine})`, () => {
  let p: PaymentsFixture;
  const owner: Actor = {
    id: 'citizen:31234567890123',
    kind: 'citizen',
    roles: ['citizen'],
    applicantKey: '31234567890123',
  };

  before(async () => {
    p = await openPaymentsFixture();
  });
  after(() => p.close());
  beforeEach(() => p.f.clock.set('2026-03-02T05:00:00Z'));

  const started = async () => {
    const inquiry = await p.filePaid();
    const invoice = (await p.payments.ensureInvoice('chirchik', inquiry.id, p.f.actors.operator))!;
    const payment = await p.payments.startPayment('chirchik', invoice.id, 'demo-pay', owner);
    return { invoice, payment };
  };
  const paid = (reference: string, amount: number) =>
    signDemoCallback(PROVIDER_SECRET, { reference, status: 'paid', amount });
  const auditCount = (action: string) =>
    p.f.db.withTenant('chirchik', async (trx) =>
      Number((await trx('audit_log').where({ tenant_id: 'chirchik', action }).count('* as n'))[0]!['n']),
    );

  it('starts a pending payment for the outstanding sum, with the redirect URL', async () => {
    const { payment } = await started();
    expect(payment).to.include({
      status: 'pending',
      method: 'provider',
      providerId: 'demo-pay',
      amount: 515_000,
    });
    expect(payment.providerReference).to.match(/^demo-/);
    expect(payment.redirectUrl).to.contain(payment.providerReference!);
    expect(payment.receiptNumber).to.equal(null);
  });

  it('refuses to start for a stranger, an unknown provider, or a city without it', async () => {
    const inquiry = await p.filePaid();
    const invoice = (await p.payments.ensureInvoice('chirchik', inquiry.id, p.f.actors.operator))!;
    const stranger: Actor = {
      id: 'citizen:2',
      kind: 'citizen',
      roles: ['citizen'],
      applicantKey: '30000000000000',
    };
    await expectCode(
      p.payments.startPayment('chirchik', invoice.id, 'demo-pay', stranger),
      'DARCHA_PAYMENT_INVOICE_NOT_FOUND',
    );
    await expectCode(
      p.payments.startPayment('chirchik', invoice.id, 'nope', owner),
      'DARCHA_PAYMENT_PROVIDER_NOT_FOUND',
    );
    await expectCode(
      p.payments.confirmCallback('djizak', 'demo-pay', { body: paid('x', 1) }),
      'DARCHA_PAYMENT_PROVIDER_NOT_FOUND',
    );
  });

  it('confirms once: a replayed callback returns the same payment and never pays twice', async () => {
    const { invoice, payment } = await started();
    const body = paid(payment.providerReference!, 515_000);
    const first = await p.payments.confirmCallback('chirchik', 'demo-pay', { body });
    expect(first.replayed).to.equal(false);
    expect(first.payment.status).to.equal('confirmed');
    expect(first.payment.receiptNumber).to.match(/^CHR-2026-R\d{6}$/);
    expect(first.invoice).to.include({ status: 'paid', paidAmount: 515_000 });
    const again = await p.payments.confirmCallback('chirchik', 'demo-pay', { body });
    expect(again.replayed).to.equal(true);
    expect(again.payment.receiptNumber).to.equal(first.payment.receiptNumber);
    expect((await p.payments.getInvoice('chirchik', invoice.id)).paidAmount).to.equal(515_000);
    const events = await p.f.db.withTenant('chirchik', (trx) =>
      trx('outbox_events').where({
        tenant_id: 'chirchik',
        type: 'payment.received',
        inquiry_id: invoice.inquiryId,
      }),
    );
    expect(events).to.have.length(1);
  });

  it('confirms once when duplicate callbacks arrive at the same time', async () => {
    const { invoice, payment } = await started();
    const body = paid(payment.providerReference!, 515_000);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => p.payments.confirmCallback('chirchik', 'demo-pay', { body })),
    );
    expect(results.filter((r) => !r.replayed)).to.have.length(1);
    expect(new Set(results.map((r) => r.payment.receiptNumber)).size).to.equal(1);
    expect((await p.payments.getInvoice('chirchik', invoice.id)).paidAmount).to.equal(515_000);
  });

  it('refuses and audits a forged callback: a bad signature or an unknown reference', async () => {
    const { invoice, payment } = await started();
    const before = await auditCount('payment.callback-refused');
    const forged = { ...paid(payment.providerReference!, 515_000), signature: 'ab'.repeat(32) };
    await expectCode(
      p.payments.confirmCallback('chirchik', 'demo-pay', { body: forged }),
      'DARCHA_PAYMENT_CALLBACK_REFUSED',
    );
    await expectCode(
      p.payments.confirmCallback('chirchik', 'demo-pay', { body: { reference: payment.providerReference } }),
      'DARCHA_PAYMENT_CALLBACK_REFUSED',
    );
    await expectCode(
      p.payments.confirmCallback('chirchik', 'demo-pay', { body: paid('demo-unknown', 515_000) }),
      'DARCHA_PAYMENT_CALLBACK_REFUSED',
    );
    expect(await auditCount('payment.callback-refused')).to.equal(before + 3);
    expect((await p.payments.getPayment('chirchik', payment.id)).status).to.equal('pending');
    expect((await p.payments.getInvoice('chirchik', invoice.id)).paidAmount).to.equal(0);
  });

  it('refuses and audits an amount that differs from the started payment', async () => {
    const { invoice, payment } = await started();
    const before = await auditCount('payment.amount-mismatch');
    await expectCode(
      p.payments.confirmCallback('chirchik', 'demo-pay', { body: paid(payment.providerReference!, 1_000) }),
      'DARCHA_PAYMENT_AMOUNT_MISMATCH',
    );
    expect(await auditCount('payment.amount-mismatch')).to.equal(before + 1);
    expect((await p.payments.getPayment('chirchik', payment.id)).status).to.equal('pending');
    expect((await p.payments.getInvoice('chirchik', invoice.id)).status).to.equal('issued');
    // The right amount still confirms it.
    const ok = await p.payments.confirmCallback('chirchik', 'demo-pay', {
      body: paid(payment.providerReference!, 515_000),
    });
    expect(ok.invoice.status).to.equal('paid');
  });

  it('marks a payment the provider reports unpaid as failed', async () => {
    const { payment } = await started();
    const body = signDemoCallback(PROVIDER_SECRET, {
      reference: payment.providerReference!,
      status: 'failed',
      amount: 515_000,
    });
    const result = await p.payments.confirmCallback('chirchik', 'demo-pay', { body });
    expect(result.payment.status).to.equal('failed');
    expect(result.invoice.status).to.equal('issued');
  });

  it('does not apply a second provider payment to an invoice already paid', async () => {
    const { invoice, payment } = await started();
    const second = await p.payments.startPayment('chirchik', invoice.id, 'demo-pay', owner);
    await p.payments.confirmCallback('chirchik', 'demo-pay', {
      body: paid(payment.providerReference!, 515_000),
    });
    await expectCode(
      p.payments.confirmCallback('chirchik', 'demo-pay', { body: paid(second.providerReference!, 515_000) }),
      'DARCHA_PAYMENT_NOT_APPLICABLE',
    );
    expect((await p.payments.getPayment('chirchik', second.id)).status).to.equal('failed');
    expect((await p.payments.getInvoice('chirchik', invoice.id)).paidAmount).to.equal(515_000);
  });

  it('never drops money the provider took for a payment already given up on: 409 and audited, each time', async () => {
    const { invoice, payment } = await started();
    await p.payments.cancelInvoice('chirchik', invoice.id, 'filed twice', p.supervisor);
    expect((await p.payments.getPayment('chirchik', payment.id)).status).to.equal('failed');
    const before = await auditCount('payment.unapplied');
    for (let i = 0; i < 2; i++) {
      await expectCode(
        p.payments.confirmCallback('chirchik', 'demo-pay', {
          body: paid(payment.providerReference!, 515_000),
        }),
        'DARCHA_PAYMENT_NOT_APPLICABLE',
      );
    }
    expect(await auditCount('payment.unapplied')).to.equal(before + 2);
    expect((await p.payments.getInvoice('chirchik', invoice.id)).paidAmount).to.equal(0);
  });
});
