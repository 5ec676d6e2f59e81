import { expect } from 'chai';
import { SYSTEM_ACTOR, isDarchaError } from '@darcha/core';
import { describeForms } from '../../agency-gas/test/form-cases.js';
import { verifyPack } from '../../agency-gas/test/verify-pack.js';
import tax, { eReportHelp, taxCertificate } from '../src/index.js';
import { COMPANY, TIN, startAgencyTestCity, type AgencyTestCity } from './agency-test-city.js';

/** A day in 2025, when the BHM was 412,000 soums. */
const IN_2025 = new Date('2025-10-01T06:00:00Z');
const SERIAL = /^DJZ-\d{4}-D\d{6}$/;

const certificate = { tin: TIN, year: 2025, purpose: 'Bank loan application', phone: '+998901234567' };
const reports = {
  tin: TIN,
  year: 2025,
  quarter: 3,
  reportKinds: ['vat', 'profit-tax', 'statistics'],
  reports: 3,
  phone: '+998901234567',
};

describe('agency-tax', function () {
  this.timeout(60_000);
  let city: AgencyTestCity;

  before(async () => {
    // Djizak: the OSS's own unit helps with e-reports, the tax inspection issues certificates.
    city = await startAgencyTestCity([tax], {
      id: 'djizak',
      name: 'Jizzax',
      trackingPrefix: 'DJZ',
      agencies: [
        { code: 'oss-reports', kind: 'tax', offers: [eReportHelp.code] },
        { code: 'tax-inspection', kind: 'tax', offers: [taxCertificate.code] },
      ],
    });
  });
  after(() => city?.stop());

  it('verifies as the platform loads it', async () => {
    const { code, out } = await verifyPack('plugins/agency-tax');
    expect(out).to.include('ok: agency-tax@0.1.0, 2 services');
    expect(code).to.equal(0);
  });

  it('publishes the certificate (3 working days) and the e-report help (1) for legal entities, in four locales', async () => {
    expect(city.host.report.map((entry) => [entry.id, entry.status])).to.deep.equal([
      ['agency-tax', 'active'],
    ]);
    const services = city.host.registry.list().filter((service) => service.agencyKind === 'tax');
    expect(
      services.map((s) => [s.code, s.category, s.applicantTypes, s.sla.unit, s.sla.value, s.workflow]),
    ).to.have.deep.members([
      ['tax.certificate', 'business.tax', ['legal_entity'], 'working_days', 3, 'agency-tax/tax-certificate'],
      [
        'tax.e-report-help',
        'oss-services.e-reports',
        ['legal_entity'],
        'working_days',
        1,
        'agency-tax/e-report-help',
      ],
    ]);
    for (const service of services) {
      expect(Object.keys(service.names), service.code).to.have.members(['uz-Latn', 'uz-Cyrl', 'ru', 'en']);
      const workflow = await city.host.platform.workflows.fetch(service.workflow, 1);
      expect(workflow.definition.states, service.code).to.include.keys('ready', 'completed', 'rejected');
    }
  });

  describe('fees', () => {
    it('issues the tax certificate free of charge', async () => {
      const quote = await city.quote(taxCertificate.code, certificate, { applicantType: 'legal_entity' });
      expect(quote).to.include({ free: true, total: 0 });
    });

    it('charges the e-report help 0.1 BHM per report: 41,200 soums a report in 2025', async () => {
      const at = IN_2025;
      const one = await city.quote(
        eReportHelp.code,
        { ...reports, reports: 1 },
        { at, applicantType: 'legal_entity' },
      );
      expect(one.breakdown.bhm?.value).to.equal(412_000);
      expect(one.breakdown.units).to.deep.equal({ count: 1, unit: 'report' });
      expect(one.total).to.equal(41_200);
      const three = await city.quote(eReportHelp.code, reports, { at, applicantType: 'legal_entity' });
      expect(three.lines).to.have.length(1);
      expect(three.lines[0]).to.include({ kind: 'fee', quantity: 3, unitAmount: 41_200, amount: 123_600 });
      expect(three.total).to.equal(123_600);
      const most = await city.quote(
        eReportHelp.code,
        { ...reports, reports: 20 },
        { at, applicantType: 'legal_entity' },
      );
      expect(most.total).to.equal(824_000);
      const tooMany = await city
        .quote(eReportHelp.code, { ...reports, reports: 21 }, { at, applicantType: 'legal_entity' })
        .catch((e: unknown) => e);
      expect(isDarchaError(tooMany, 'DARCHA_FEE_UNITS_INVALID')).to.equal(true);
    });

    it('lets a city set its own tariff per report (self-financing)', async () => {
      const { catalog } = city.host.platform;
      const entry = { serviceCode: eReportHelp.code, offered: true, agencyCode: 'oss-reports' };
      await catalog.setEntry(city.tenant, {
        ...entry,
        overrides: { feeParams: { amount: { sum: 30_000 } } },
      });
      try {
        const quote = await city.quote(eReportHelp.code, reports, { applicantType: 'legal_entity' });
        expect([quote.breakdown.fixed, quote.breakdown.units?.count, quote.total]).to.deep.equal([
          30_000, 3, 90_000,
        ]);
      } finally {
        await catalog.setEntry(city.tenant, entry);
      }
    });
  });

  describeForms(() => city.host, {
    [taxCertificate.code]: {
      valid: [certificate, { ...certificate, quarter: 2 }],
      invalid: [
        { data: { ...certificate, tin: '30123456' }, errors: [['/tin', 'format']] },
        { data: { ...certificate, tin: undefined }, errors: [['/tin', 'required']] },
        { data: { ...certificate, year: 1999 }, errors: [['/year', 'minimum']] },
        { data: { ...certificate, year: '2025' }, errors: [['/year', 'type']] },
        { data: { ...certificate, quarter: 5 }, errors: [['/quarter', 'maximum']] },
        { data: { ...certificate, purpose: undefined }, errors: [['/purpose', 'required']] },
        { data: { ...certificate, phone: '901234567' }, errors: [['/phone', 'format']] },
        { data: { ...certificate, pinfl: '31507976020031' }, errors: [['/pinfl', 'additionalProperties']] },
      ],
    },
    [eReportHelp.code]: {
      valid: [
        reports,
        { ...reports, quarter: undefined, month: 12, reportKinds: ['turnover-tax'], reports: 1 },
        { ...reports, reports: 20 },
      ],
      invalid: [
        { data: { ...reports, tin: '3012345678' }, errors: [['/tin', 'format']] },
        { data: { ...reports, quarter: undefined }, errors: [['/quarter', 'required']] },
        { data: { ...reports, month: 3 }, errors: [['/quarter', 'false schema']] },
        { data: { ...reports, quarter: undefined, month: 13 }, errors: [['/month', 'maximum']] },
        { data: { ...reports, reportKinds: [] }, errors: [['/reportKinds', 'minItems']] },
        { data: { ...reports, reportKinds: ['vat', 'vat'] }, errors: [['/reportKinds', 'uniqueItems']] },
        { data: { ...reports, reportKinds: ['excise'] }, errors: [['/reportKinds/0', 'enum']] },
        { data: { ...reports, reports: 0 }, errors: [['/reports', 'minimum']] },
        { data: { ...reports, reports: 21 }, errors: [['/reports', 'maximum']] },
        { data: { ...reports, reports: 2.5 }, errors: [['/reports', 'type']] },
      ],
    },
  });

  describe('workflows', () => {
    it('e-report help: invoiced per report, paid at the desk, submitted and the confirmation issued', async () => {
      const { operator, officer } = city.actors;
      const { payments, documents } = city.host.platform;
      let inquiry = await city.file(eReportHelp.code, reports, { applicantType: 'legal_entity' });
      expect(inquiry).to.include({ state: 'awaiting_payment', publicStatus: 'action_required' });
      expect(inquiry.trackingNumber).to.match(/^DJZ-\d{4}-\d{6}$/);
      expect(inquiry.agencyCode).to.equal('oss-reports');
      const unpaid = await city.act(inquiry, 'confirm_payment', operator).catch((e: unknown) => e);
      expect(isDarchaError(unpaid, 'DARCHA_WORKFLOW_REQUIREMENTS_MISSING')).to.equal(true);

      const invoice = (await payments.invoiceFor(city.tenant, inquiry.id))!;
      expect(invoice.total).to.equal(123_600); // 3 reports x 0.1 x 412,000
      expect(invoice.lines.map((line) => [line.quantity, line.unitAmount])).to.deep.equal([[3, 41_200]]);
      expect(await city.pay(inquiry)).to.equal(123_600);

      inquiry = await city.act(inquiry, 'confirm_payment', operator);
      expect(inquiry).to.include({ state: 'submission', publicStatus: 'in_progress' });
      inquiry = await city.act(inquiry, 'complete_submission', officer);
      expect(inquiry).to.include({ state: 'ready', publicStatus: 'ready' });
      const issued = await documents.listForInquiry(city.tenant, inquiry.id);
      expect(issued.map((d) => [d.templateKey, d.kind])).to.deep.equal([
        ['agency-tax/e-report-confirmation', 'e-report-confirmation'],
      ]);
      expect(issued[0]!.serial).to.match(SERIAL);
      const html = await documents.html(city.tenant, issued[0]!.id);
      expect(html)
        .to.contain('Подтверждение представления электронной отчётности')
        .and.to.contain('(НДС, налог на прибыль, статистическая отчётность)')
        .and.to.contain(TIN)
        .and.to.contain('Квартал')
        .and.to.contain(inquiry.trackingNumber)
        .and.to.contain(issued[0]!.serial);
      expect(html).not.to.contain('{{').and.not.to.contain('tax.quarter').and.not.to.contain('Месяц');
      inquiry = await city.act(inquiry, 'hand_over', operator);
      expect(inquiry).to.include({ state: 'completed', publicStatus: 'completed' });
    });

    it('e-report help: an unpaid inquiry is cancelled by the system', async () => {
      const monthly = { ...reports, quarter: undefined, month: 11, reportKinds: ['vat'], reports: 1 };
      let inquiry = await city.file(eReportHelp.code, monthly, { applicantType: 'legal_entity' });
      const invoice = (await city.host.platform.payments.invoiceFor(city.tenant, inquiry.id))!;
      expect(invoice.total).to.equal(41_200);
      inquiry = await city.act(inquiry, 'expire', SYSTEM_ACTOR);
      expect(inquiry).to.include({ state: 'cancelled', publicStatus: 'rejected' });
    });

    it('tax certificate: free, rejected with a reason, appealed, checked and issued', async () => {
      const { operator, officer, supervisor } = city.actors;
      const { payments, documents } = city.host.platform;
      let inquiry = await city.file(taxCertificate.code, certificate, { applicantType: 'legal_entity' });
      expect(inquiry).to.include({ state: 'submitted', agencyCode: 'tax-inspection' });
      expect(await payments.invoiceFor(city.tenant, inquiry.id)).to.equal(null);
      inquiry = await city.act(inquiry, 'take_in_work', officer);
      expect(inquiry).to.include({ state: 'settlement_check', publicStatus: 'in_progress' });
      inquiry = await city.act(inquiry, 'reject', supervisor, 'The TIN is not registered in this city');
      expect(inquiry).to.include({ state: 'rejected', publicStatus: 'rejected' });
      inquiry = await city.act(
        inquiry,
        'appeal',
        operator,
        'Registered in Djizak since 2019; extract attached',
      );
      expect(inquiry.state).to.equal('settlement_check');
      inquiry = await city.act(inquiry, 'complete_settlement_check', officer);
      expect(inquiry.state).to.equal('ready');
      const issued = await documents.listForInquiry(city.tenant, inquiry.id);
      expect(issued.map((d) => d.templateKey)).to.deep.equal(['agency-tax/tax-certificate']);
      expect(issued[0]!.serial).to.match(SERIAL);
      const html = await documents.html(city.tenant, issued[0]!.id);
      expect(html)
        .to.contain('Справка о состоянии расчётов с бюджетом')
        .and.to.contain(`ИНН ${TIN} за 2025 год`)
        .and.to.contain('Bank loan application')
        .and.to.contain(COMPANY);
      expect(html).not.to.contain('Квартал');
      inquiry = await city.act(inquiry, 'hand_over', operator);
      expect(inquiry.state).to.equal('completed');
    });

    it('tax certificate: refused to an individual', async () => {
      const refused = await city.file(taxCertificate.code, certificate).catch((e: unknown) => e);
      expect(isDarchaError(refused, 'DARCHA_INQUIRY_FILING_REFUSED')).to.equal(true);
    });
  });
});
