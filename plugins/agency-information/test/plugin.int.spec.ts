import { expect } from 'chai';
import { describeForms } from '../../agency-gas/test/form-cases.js';
import { verifyPack } from '../../agency-gas/test/verify-pack.js';
import { startAgencyCity, type AgencyCity } from '../../agency-employment/test/agency-city.js';
import { describeConsultations } from '../../agency-employment/test/consultation-cases.js';
import information, { educationInfo, generalInfo, insuranceInfo, utilityDebtsInfo } from '../src/index.js';

describe('agency-information', function () {
  this.timeout(60_000);
  let city: AgencyCity;

  before(async () => {
    city = await startAgencyCity([information], { code: 'oss-info', kind: 'info' });
  });
  after(() => city?.stop());

  it('verifies as the platform loads it', async () => {
    const { code, out } = await verifyPack('plugins/agency-information');
    expect(out).to.include('ok: agency-information@0.1.0, 4 services');
    expect(code).to.equal(0);
  });

  it('publishes four free consultations for anyone, at the desk and online, answered within the working hour', async () => {
    expect(city.host.report.map((entry) => [entry.id, entry.status])).to.deep.equal([
      ['agency-information', 'active'],
    ]);
    const services = city.host.registry.list().filter((service) => service.agencyKind === 'info');
    expect(services.map((service) => service.code)).to.have.members([
      'info.education',
      'info.insurance',
      'info.utility-debts',
      'info.general',
    ]);
    for (const service of services) {
      expect(service, service.code).to.deep.include({
        kind: 'information',
        category: 'information.oss-desk',
        applicantTypes: ['individual', 'legal_entity'],
        channels: ['desk', 'online'],
        fee: { free: true },
        sla: { unit: 'working_hours', value: 1 },
        workflow: 'agency-information/consultation',
      });
      expect(Object.keys(service.names), service.code).to.have.members(['uz-Latn', 'uz-Cyrl', 'ru', 'en']);
      expect(Object.keys(service.descriptions!), service.code).to.have.members([
        'uz-Latn',
        'uz-Cyrl',
        'ru',
        'en',
      ]);
    }
    const workflow = await city.host.platform.workflows.fetch('agency-information/consultation', 1);
    expect(Object.keys(workflow.definition.states)).to.have.members(['submitted', 'answered', 'declined']);
  });

  it('finds the desk in the catalog by a Cyrillic or Latin keyword', async () => {
    const found = async (text: string) =>
      (await city.host.platform.catalog.search('chirchik', { text })).map((s) => s.serviceCode);
    expect(await found('школа')).to.include('info.education');
    expect(await found('sug‘urta')).to.include('info.insurance');
  });

  describeConsultations(
    () => city,
    [
      {
        service: educationInfo,
        topic: 'first_grade_enrolment',
        answer: 'Enrolment opens on 1 June at my.gov.uz',
      },
      { service: insuranceInfo, topic: 'motor', answer: 'The compulsory motor policy is bought online' },
      { service: utilityDebtsInfo, topic: 'gas', answer: 'Gas debt: 48 000 soums as of today' },
      { service: generalInfo, topic: 'opening_hours', answer: 'Open Monday to Friday, 9:00 to 18:00' },
    ],
  );

  const debt = { topic: 'water', question: 'How much do I owe for water?', account: '1002003' };
  describeForms(() => city.host, {
    [utilityDebtsInfo.code]: {
      valid: [debt, { ...debt, account: '123456789012', phone: '+998901234567' }],
      invalid: [
        { data: { ...debt, account: '12-34' }, errors: [['/account', 'format']] },
        { data: { ...debt, account: 1002003 }, errors: [['/account', 'type']] },
      ],
    },
  });

  it('a business asks about its utility debt by account and is answered', async () => {
    let inquiry = await city.file(utilityDebtsInfo.code, debt, { applicantType: 'legal_entity' });
    expect(inquiry).to.include({ kind: 'information', applicantKey: '301234567', agencyCode: 'oss-info' });
    expect(inquiry.formData).to.deep.equal(debt);
    inquiry = await city.act(inquiry, 'answer', city.actors.operator, 'Water debt on 1002003: 112 000 soums');
    expect(inquiry).to.include({ state: 'answered', publicStatus: 'completed' });
  });
});
