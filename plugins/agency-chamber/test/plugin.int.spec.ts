import { expect } from 'chai';
import { verifyPack } from '../../agency-gas/test/verify-pack.js';
import { startAgencyCity, type AgencyCity } from '../../agency-employment/test/agency-city.js';
import { describeConsultations } from '../../agency-employment/test/consultation-cases.js';
import chamber, { startupConsultation } from '../src/index.js';

describe('agency-chamber', function () {
  this.timeout(60_000);
  let city: AgencyCity;

  before(async () => {
    city = await startAgencyCity([chamber], { code: 'chamber-consulting', kind: 'chamber' });
  });
  after(() => city?.stop());

  it('verifies as the platform loads it', async () => {
    const { code, out } = await verifyPack('plugins/agency-chamber');
    expect(out).to.include('ok: agency-chamber@0.1.0, 1 service');
    expect(code).to.equal(0);
  });

  it('publishes the free start-up consultation for would-be entrepreneurs and businesses', async () => {
    expect(city.host.report.map((entry) => [entry.id, entry.status])).to.deep.equal([
      ['agency-chamber', 'active'],
    ]);
    const service = await city.host.registry.get('chamber.startup-consultation');
    expect(service).to.deep.include({
      agencyKind: 'chamber',
      kind: 'information',
      category: 'business.consulting',
      applicantTypes: ['individual', 'legal_entity'],
      fee: { free: true },
      sla: { unit: 'working_hours', value: 1 },
      workflow: 'agency-chamber/startup-consultation',
    });
    expect(Object.keys(service.names)).to.have.members(['uz-Latn', 'uz-Cyrl', 'ru', 'en']);
    const quote = await city.host.platform.fees.quote('chirchik', {
      serviceCode: service.code,
      formData: {},
      channel: 'desk',
      applicantType: 'legal_entity',
    });
    expect([quote.free, quote.total]).to.deep.equal([true, 0]);
  });

  describeConsultations(
    () => city,
    [
      {
        service: startupConsultation,
        topic: 'legal_form',
        answer: 'A family business registers as a sole entrepreneur; an LLC needs a charter',
      },
    ],
  );
});
