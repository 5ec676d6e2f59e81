import { expect } from 'chai';
import { SYSTEM_ACTOR, isDarchaError, type ApplicantCategory } from '@darcha/core';
import gas from '../../agency-gas/src/index.js';
import { describeForms } from '../../agency-gas/test/form-cases.js';
import { describeUtilityBasics } from '../../agency-gas/test/utility-basics-spec.js';
import { startUtilityCity, type UtilityTestCity } from '../../agency-gas/test/utility-test-city.js';
import { verifyPack } from '../../agency-gas/test/verify-pack.js';
import water, { meterVerification, wellMeterSealing } from '../src/index.js';

const verification = {
  applicantType: 'individual',
  pinfl: '31507976020031',
  account: '1002003',
  meterSerial: 'CH-2231-77',
  phone: '+998901234567',
  visitDate: '2026-12-03',
};
const sealing = {
  applicantType: 'individual',
  pinfl: '31507976020031',
  meterSerial: 'WL-0042',
  cadastreNumber: '10:11:12:01:02:0034:0005:001',
  address: 'Chirchiq, Bog‘iston ko‘chasi 7',
  phone: '+998901234567',
};

describe('agency-water', function () {
  this.timeout(60_000);
  let city: UtilityTestCity;

  before(async () => {
    city = await startUtilityCity([gas, water], { code: 'gorvodokanal', kind: 'water' });
  });
  after(() => city?.stop());

  /** The fee as the FeeService quotes it for the city's applicant, on the BHM in force today. */
  async function quote(
    serviceCode: string,
    formData: Record<string, unknown>,
    categories?: ApplicantCategory[],
  ) {
    return city.host.platform.fees.quote('chirchik', {
      serviceCode,
      formData,
      channel: 'desk',
      applicantType: 'individual',
      ...(categories ? { categories } : {}),
    });
  }

  it('verifies as the platform loads it', async () => {
    const { code, out } = await verifyPack('plugins/agency-water');
    expect(out).to.include('ok: agency-water@0.1.0, 5 services');
    expect(code).to.equal(0);
  });

  it('publishes its five services: meter verification in 14 and sealing in 10 working days', async () => {
    expect(city.host.report.map((entry) => [entry.id, entry.status])).to.deep.equal([
      ['agency-gas', 'active'],
      ['agency-water', 'active'],
    ]);
    expect(
      city.host.registry
        .list()
        .filter((service) => service.agencyKind === 'water')
        .map((service) => [service.code, service.sla.value]),
    ).to.have.deep.members([
      ['water.connection', 10],
      ['water.debt-information', 30],
      ['water.meter-verification', 14],
      ['water.no-debt-certificate', 1],
      ['water.well-meter-sealing', 10],
    ]);
  });

  describe('fees', () => {
    it('charges 18% of the BHM for a meter verification, half of it for the social register', async () => {
      const full = await quote(meterVerification.code, verification);
      const bhm = full.breakdown.bhm!.value;
      expect(full.breakdown.multiplier).to.equal(0.18);
      expect(full.total).to.equal(Math.round(bhm * 0.18));
      const discounted = await quote(meterVerification.code, verification, ['social-register']);
      expect(discounted.total).to.equal(full.total - Math.round(full.total / 2));
      expect(discounted.breakdown.discount).to.include({ category: 'social-register', percent: 50 });
    });

    it('charges half the BHM for sealing a meter on a well, half of it for disability group I', async () => {
      const full = await quote(wellMeterSealing.code, sealing);
      expect(full.total).to.equal(full.breakdown.bhm!.value / 2);
      const discounted = await quote(wellMeterSealing.code, sealing, ['disability-1']);
      expect(discounted.total).to.equal(full.total / 2);
    });
  });

  describeUtilityBasics('water', () => city, { networks: 'both' });

  describeForms(() => city.host, {
    [meterVerification.code]: {
      valid: [
        verification,
        { ...verification, applicantType: 'legal_entity', pinfl: undefined, tin: '301234567' },
      ],
      invalid: [
        { data: { ...verification, meterSerial: 'ab' }, errors: [['/meterSerial', 'pattern']] },
        { data: { ...verification, visitDate: '03.12.2026' }, errors: [['/visitDate', 'format']] },
        { data: { ...verification, pinfl: undefined }, errors: [['/pinfl', 'required']] },
      ],
    },
    [wellMeterSealing.code]: {
      valid: [sealing, { ...sealing, account: '1002003' }],
      invalid: [
        { data: { ...sealing, cadastreNumber: undefined }, errors: [['/cadastreNumber', 'required']] },
        { data: { ...sealing, account: 'A1002003' }, errors: [['/account', 'format']] },
      ],
    },
  });

  describe('water workflows', () => {
    it('meter verification: waits for payment, is verified, the certificate issued and handed over', async () => {
      const { operator, officer } = city.actors;
      let inquiry = await city.file(meterVerification.code, verification);
      expect(inquiry).to.include({ state: 'awaiting_payment', publicStatus: 'action_required' });
      expect(inquiry.pausedAt).to.be.instanceOf(Date);
      const unpaid = await city.act(inquiry, 'confirm_payment', operator).catch((e: unknown) => e);
      expect(isDarchaError(unpaid, 'DARCHA_WORKFLOW_REQUIREMENTS_MISSING')).to.equal(true);
      const { total } = await quote(meterVerification.code, verification);
      expect(total).to.be.greaterThan(0);
      city.paid.add(inquiry.id); // the cash desk took `total`: the payments module will record it
      inquiry = await city.act(inquiry, 'confirm_payment', operator);
      expect(inquiry).to.include({ state: 'verification', publicStatus: 'in_progress' });
      inquiry = await city.act(inquiry, 'complete_verification', officer);
      expect(inquiry.state).to.equal('ready');
      const [document] = await city.documents(inquiry.id);
      expect(document).to.include({
        templateKey: 'agency-water/verification-certificate',
        kind: 'verification-certificate',
      });
      const html = await city.host.platform.documents.html('chirchik', document!.id);
      expect(html).to.contain('Свидетельство о поверке счётчика воды').and.to.contain('CH-2231-77');
      inquiry = await city.act(inquiry, 'hand_over', operator);
      expect(inquiry).to.include({ state: 'completed', publicStatus: 'completed' });
    });

    it('meter verification: cancelled by the system when not paid in time', async () => {
      let inquiry = await city.file(meterVerification.code, verification);
      expect(inquiry.stateDueAt).to.be.instanceOf(Date); // the 10 working days to pay
      inquiry = await city.act(inquiry, 'expire', SYSTEM_ACTOR);
      expect(inquiry).to.include({ state: 'cancelled', publicStatus: 'rejected' });
    });

    it('well meter sealing: paid, rejected on the spot, appealed and sealed with an act', async () => {
      const { operator, officer } = city.actors;
      let inquiry = await city.file(wellMeterSealing.code, sealing, ['social-register']);
      city.paid.add(inquiry.id);
      inquiry = await city.act(inquiry, 'confirm_payment', operator);
      inquiry = await city.act(inquiry, 'reject', officer, 'The well has no meter installed');
      expect(inquiry.state).to.equal('rejected');
      inquiry = await city.act(inquiry, 'appeal', city.citizenActor, 'The meter was installed on Monday');
      expect(inquiry.state).to.equal('sealing');
      inquiry = await city.act(inquiry, 'complete_sealing', officer);
      const documents = await city.documents(inquiry.id);
      expect(documents.map((d) => d.templateKey)).to.deep.equal(['agency-water/sealing-act']);
    });
  });
});
