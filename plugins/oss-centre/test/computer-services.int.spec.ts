import { expect } from 'chai';
import { SYSTEM_ACTOR, isDarchaError } from '@darcha/core';
import { computerServices } from '../src/index.js';
import { PINFL, startOssCities, type OssCentre, type OssCities } from './oss-city.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
const job = (kind: string, quantity: number) => ({
  applicantType: 'individual',
  pinfl: PINFL,
  kind,
  quantity,
});

describe(`oss.computer-services: at the desk (${engine})`, function () {
  this.timeout(60_000);
  let cities: OssCities;
  let namangan: OssCentre;

  before(async () => {
    cities = await startOssCities();
    namangan = cities.namangan;
  });
  after(() => cities?.stop());

  it('prints 25 pages: invoiced 20,600 at filing, paid in cash, done within the working hour, completed with a receipt only', async () => {
    const { operator } = namangan.actors;
    const { payments, documents, engine: workflow } = cities.host.platform;
    let inquiry = await namangan.file(computerServices.code, {
      ...job('printing', 25),
      details: 'Business plan, A4',
    });
    expect(inquiry).to.include({ state: 'awaiting_payment', publicStatus: 'action_required' });
    expect(inquiry.trackingNumber).to.match(/^NMG-\d{4}-\d{6}$/);
    const invoice = (await payments.invoiceFor(namangan.tenantId, inquiry.id))!;
    expect(invoice).to.include({ status: 'issued', total: 20_600 });
    expect(invoice.lines.map((l) => [l.quantity, l.unitAmount, l.amount, l.description.en])).to.deep.equal([
      [
        25,
        824,
        20_600,
        'Computer services (printing, scanning, typing, internet access) — printing, per page',
      ],
    ]);
    const early = await namangan.act(inquiry, 'confirm_payment', operator).catch((e: unknown) => e);
    expect(isDarchaError(early, 'DARCHA_WORKFLOW_REQUIREMENTS_MISSING')).to.equal(true);

    const { receiptNumber, paymentId } = await namangan.pay(inquiry);
    expect(receiptNumber).to.match(/^NMG-\d{4}-R\d{6}$/);
    inquiry = await namangan.act(inquiry, 'confirm_payment', operator);
    expect(inquiry).to.include({ state: 'in_work', publicStatus: 'in_progress' });
    const { definition } = await cities.host.platform.workflows.fetch(inquiry.workflowKey, 1);
    expect(definition.states['in_work']!.sla).to.deep.equal({
      unit: 'working_hours',
      value: 1,
      onBreach: 'escalate',
    });
    expect(inquiry.stateDueAt!.getTime(), 'due one working hour on').to.be.greaterThan(
      inquiry.stateEnteredAt.getTime(),
    );
    expect(inquiry.overallSla).to.deep.equal({ unit: 'working_hours', value: 1 });
    inquiry = await namangan.act(inquiry, 'complete', operator);
    expect(inquiry).to.include({ state: 'completed', publicStatus: 'completed' });
    expect((await workflow.get(namangan.tenantId, inquiry.id)).closedAt).to.be.instanceOf(Date);

    expect(await documents.listForInquiry(namangan.tenantId, inquiry.id), 'no certificate').to.deep.equal([]);
    const receipt = await payments.receipt(namangan.tenantId, paymentId);
    expect(receipt).to.include({ receiptNumber, total: 20_600, trackingNumber: inquiry.trackingNumber });
    const html = await documents.renderReceipt(namangan.tenantId, receipt);
    expect(html).to.contain(receiptNumber).and.to.contain('печать, страница');
  });

  it('types 3 pages for the social register at half price and rejects the job with the reason when it cannot be done', async () => {
    const { operator, supervisor } = namangan.actors;
    let inquiry = await namangan.file(computerServices.code, job('typing', 3), {
      categories: ['social-register'],
    });
    const invoice = (await cities.host.platform.payments.invoiceFor(namangan.tenantId, inquiry.id))!;
    expect(invoice.total).to.equal(6_180); // 3 x 4,120 = 12,360, minus 50%
    await namangan.pay(inquiry);
    inquiry = await namangan.act(inquiry, 'confirm_payment', operator);
    const bare = await namangan.act(inquiry, 'reject', supervisor).catch((e: unknown) => e);
    expect(isDarchaError(bare, 'DARCHA_WORKFLOW_REQUIREMENTS_MISSING')).to.equal(true);
    inquiry = await namangan.act(inquiry, 'reject', supervisor, 'The handwritten draft is unreadable');
    expect(inquiry).to.include({ state: 'rejected', publicStatus: 'rejected' });
  });

  it('cancels an hour of internet access that is not paid in time', async () => {
    let inquiry = await namangan.file(computerServices.code, job('internet', 2));
    expect((await cities.host.platform.payments.invoiceFor(namangan.tenantId, inquiry.id))!.total).to.equal(
      12_360,
    );
    inquiry = await namangan.act(inquiry, 'expire', SYSTEM_ACTOR);
    expect(inquiry).to.include({ state: 'cancelled', publicStatus: 'rejected' });
  });

  it('is filed at the desk only', async () => {
    const error = await cities.host.platform.engine
      .file(
        namangan.tenantId,
        {
          serviceCode: computerServices.code,
          channel: 'online',
          formData: job('printing', 1),
          applicant: {
            type: 'individual',
            pinfl: PINFL,
            lastName: 'Rashidova',
            firstName: 'Dilnoza',
            phone: '+998901234567',
            locale: 'uz-Latn',
          },
        },
        namangan.citizen,
      )
      .catch((e: unknown) => e);
    expect(isDarchaError(error, 'DARCHA_INQUIRY_FILING_REFUSED'), String(error)).to.equal(true);
  });
});
