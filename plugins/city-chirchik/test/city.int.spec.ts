import { expect } from 'chai';
import { isDarchaError } from '@darcha/core';
import { chirchik } from '../src/index.js';
import { startCity, type CityHost } from './city-host.js';

const NO_DEBT = {
  applicantType: 'individual',
  pinfl: '31507976020031',
  account: '1002003',
  phone: '+998901234567',
};
const EXTRACT = {
  applicantType: 'individual',
  pinfl: '31507976020031',
  cadastreNumber: '10:11:12:01:02:0034:0005:001',
  propertyType: 'housing',
  area: 80,
  address: 'Chirchiq, Bog‘iston ko‘chasi 7',
  phone: '+998901234567',
};

describe('city-chirchik (seconded staff)', function () {
  this.timeout(60_000);
  let city: CityHost;

  before(async () => {
    city = await startCity(chirchik);
  });
  after(() => city?.stop());

  it('sets up the hall: eleven agencies, each offering its services, the Saturday morning, CHR numbers', async () => {
    const { platform } = city.host;
    expect(city.host.report.filter((entry) => entry.status !== 'active')).to.deep.equal([]);
    const agencies = await platform.agencies.listAgencies('chirchik');
    expect(agencies).to.have.length(11);
    const offered = await platform.catalog.services('chirchik');
    for (const agency of agencies) {
      expect(
        offered.filter((s) => s.agencyCode === agency.code),
        agency.code,
      ).not.to.be.empty;
    }
    // Every service of the packs the city depends on is offered, except the two info desks' picks.
    const kinds = new Set(agencies.filter((a) => a.kind !== 'info').map((a) => a.kind));
    const expected = platform.services.list().filter((s) => kinds.has(s.agencyKind));
    expect(offered.filter((s) => s.definition.agencyKind !== 'info')).to.have.length(expected.length);
    const calendar = await platform.calendars.get('chirchik');
    expect(calendar.isWorkingDay('2026-11-28')).to.equal(true); // a Saturday
    expect(calendar.isWorkingDay('2026-12-08')).to.equal(false); // Constitution Day
    expect((await platform.tenants.effectiveSettings('chirchik'))['workflow']).to.deep.include({
      routing: 'candidate_role',
    });
  });

  it('routes by agency: a Gorgas inquiry waits for Gorgas’s officers, who receive, work and hand it over', async () => {
    let inquiry = await city.file('gorgas', 'gas.no-debt-certificate', NO_DEBT);
    expect(inquiry.trackingNumber).to.match(/^CHR-\d{4}-\d{6}$/);
    expect([inquiry.agencyCode, inquiry.assigneeId, inquiry.candidateRole]).to.deep.equal([
      'gorgas',
      null,
      'back_office',
    ]);
    const refused = await city.act(inquiry, 'take_in_work', 'gorvodokanal').catch((e: unknown) => e);
    expect(isDarchaError(refused), String(refused)).to.equal(true);
    inquiry = await city.act(inquiry, 'take_in_work', 'gorgas');
    inquiry = await city.act(inquiry, 'complete_account_check', 'gorgas');
    expect(inquiry.state).to.equal('ready');
    const [certificate] = await city.host.platform.documents.listForInquiry('chirchik', inquiry.id);
    expect(certificate?.serial).to.be.a('string');
    inquiry = await city.act(inquiry, 'hand_over', 'gorgas');
    expect(inquiry.state).to.equal('completed');
  });

  it('takes the cadastre fee at the cash desk before the cadastre unit works the extract', async () => {
    let inquiry = await city.file('cadastre-unit', 'cadastre.register-extract', EXTRACT);
    expect(inquiry.state).to.equal('awaiting_payment');
    const invoice = await city.host.platform.payments.invoiceFor('chirchik', inquiry.id);
    const bhm = (
      await city.host.platform.fees.quote('chirchik', {
        serviceCode: 'cadastre.register-extract',
        formData: EXTRACT,
        channel: 'desk',
        applicantType: 'individual',
      })
    ).breakdown.bhm!.value;
    expect(invoice?.total).to.equal(Math.round(bhm * 1.25));
    await city.pay(inquiry);
    inquiry = await city.act(inquiry, 'confirm_payment', 'cadastre-unit');
    inquiry = await city.act(inquiry, 'complete_register_check', 'cadastre-unit');
    inquiry = await city.act(inquiry, 'hand_over', 'cadastre-unit');
    expect(inquiry.state).to.equal('completed');
  });
});
