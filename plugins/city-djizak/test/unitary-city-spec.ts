import { expect } from 'chai';
import type { CityPack } from '@darcha/city-kit';
import { startCity, type CityHost } from '../../city-chirchik/test/city-host.js';

const ACCOUNT = { account: '1002003', phone: '+998901234567' };
const NO_DEBT = { applicantType: 'individual', pinfl: '31507976020031', ...ACCOUNT };
const REPORTS = {
  tin: '301234567',
  year: 2025,
  quarter: 3,
  reportKinds: ['vat', 'profit-tax', 'statistics'],
  reports: 3,
  phone: '+998901234567',
};
const COMPANY = {
  type: 'legal_entity' as const,
  tin: '301234567',
  name: 'Jizzax Savdo MChJ',
  representative: { lastName: 'Karimov', firstName: 'Aziz' },
  phone: '+998901234567',
  locale: 'ru' as const,
};

/**
 * The tests of a city run as a state unitary enterprise (Djizak, Namangan): its setup, and routing by
 * the OSS front office to the agencies' back offices and back.
 */
export function describeUnitaryCity(pack: CityPack, prefix: string): void {
  describe(`${pack.spec.id} (state unitary enterprise)`, function () {
    this.timeout(60_000);
    let city: CityHost;
    const tenantId = pack.spec.tenant.id;

    before(async () => {
      city = await startCity(pack);
    });
    after(() => city?.stop());

    it('sets up the OSS, its desks and the back offices it routes to', async () => {
      const { platform } = city.host;
      expect(city.host.report.filter((entry) => entry.status !== 'active')).to.deep.equal([]);
      const offered = await platform.catalog.services(tenantId);
      const by = (agency: string) =>
        offered
          .filter((s) => s.agencyCode === agency)
          .map((s) => s.serviceCode)
          .sort();
      expect(by('oss-reports')).to.deep.equal(['tax.e-report-help']);
      expect(by('tax-inspection')).to.deep.equal(['tax.certificate']);
      expect(by('oss').length).to.be.greaterThan(0);
      expect(by('oss-info')).to.include.members(['info.education', 'info.insurance', 'info.utility-debts']);
      expect(by('employment-centre')).to.include.members([
        'employment.job-consultation',
        'employment.pension-consultation',
      ]);
      expect(by('chamber-consulting')).to.deep.equal(['chamber.startup-consultation']);
      expect((await platform.tenants.effectiveSettings(tenantId))['workflow']).to.deep.include({
        routing: 'round_robin',
      });
    });

    it('the front office takes consultations in turn and answers them', async () => {
      const first = await city.file('front1', 'gas.debt-information', ACCOUNT);
      const second = await city.file('front1', 'gas.debt-information', ACCOUNT);
      expect(first.trackingNumber.startsWith(`${prefix}-`)).to.equal(true);
      const operators = [city.staff['front1']!.id, city.staff['front2']!.id];
      expect([first.assigneeId, second.assigneeId]).to.have.members(operators);
      const by = first.assigneeId === operators[0] ? 'front1' : 'front2';
      const answered = await city.act(first, 'answer', by, 'No debt on account 1002003 as of today.');
      expect(answered.state).to.equal('answered');
    });

    it('routes a certificate to the agency’s back office and back to the front office to hand over', async () => {
      let inquiry = await city.file('front1', 'gas.no-debt-certificate', NO_DEBT);
      expect(inquiry.assigneeId).to.equal(city.staff['gorgas']!.id);
      inquiry = await city.act(inquiry, 'take_in_work', 'gorgas');
      inquiry = await city.act(inquiry, 'complete_account_check', 'gorgas');
      expect(inquiry.state).to.equal('ready');
      const operators = [city.staff['front1']!.id, city.staff['front2']!.id];
      expect(operators).to.include(inquiry.assigneeId);
      inquiry = await city.act(
        inquiry,
        'hand_over',
        inquiry.assigneeId === operators[0] ? 'front1' : 'front2',
      );
      expect(inquiry.state).to.equal('completed');
    });

    it('sells its own e-report help: paid at the desk, done by its reports desk, handed over at the front', async () => {
      const { platform } = city.host;
      let inquiry = await city.file('front1', 'tax.e-report-help', REPORTS, COMPANY);
      expect([inquiry.state, inquiry.agencyCode]).to.deep.equal(['awaiting_payment', 'oss-reports']);
      const invoice = await platform.payments.invoiceFor(tenantId, inquiry.id);
      const quote = await platform.fees.quote(tenantId, {
        serviceCode: 'tax.e-report-help',
        formData: REPORTS,
        channel: 'desk',
        applicantType: 'legal_entity',
      });
      expect(invoice?.total).to.equal(3 * Math.round(quote.breakdown.bhm!.value * 0.1));
      await city.pay(inquiry);
      const operator = inquiry.assigneeId === city.staff['front1']!.id ? 'front1' : 'front2';
      inquiry = await city.act(inquiry, 'confirm_payment', operator);
      expect(inquiry.assigneeId).to.equal(city.staff['oss-reports']!.id);
      inquiry = await city.act(inquiry, 'complete_submission', 'oss-reports');
      expect(inquiry.state).to.equal('ready');
      const front = inquiry.assigneeId === city.staff['front1']!.id ? 'front1' : 'front2';
      inquiry = await city.act(inquiry, 'hand_over', front);
      expect(inquiry.state).to.equal('completed');
    });
  });
}
