import { expect } from 'chai';
import { isDarchaError } from '@darcha/core';
import { describeForms } from '../../agency-gas/test/form-cases.js';
import { verifyPack } from '../../agency-gas/test/verify-pack.js';
import { PINFL, TIN, startAgencyCity, type AgencyCity } from '../../agency-employment/test/agency-city.js';
import { describeConsultations } from '../../agency-employment/test/consultation-cases.js';
import bank, { accountOpening, mortgageConsultation } from '../src/index.js';

const DAY = 24 * 60 * 60 * 1000;
const person = {
  applicantType: 'individual',
  pinfl: PINFL,
  preferredDate: '2026-03-16',
  accountKind: 'card',
  phone: '+998901234567',
};
const company = {
  applicantType: 'legal_entity',
  tin: TIN,
  preferredDate: '2026-03-17',
  accountKind: 'current',
  phone: '+998712345678',
};

describe('agency-bank', function () {
  this.timeout(60_000);
  let city: AgencyCity;

  before(async () => {
    city = await startAgencyCity([bank], { code: 'ipoteka-bank', kind: 'bank' });
  });
  after(() => city?.stop());

  it('verifies as the platform loads it', async () => {
    const { code, out } = await verifyPack('plugins/agency-bank');
    expect(out).to.include('ok: agency-bank@0.1.0, 2 services');
    expect(code).to.equal(0);
  });

  it('publishes the mortgage consultation and the account-opening appointment, free, in four locales', async () => {
    expect(city.host.report.map((entry) => [entry.id, entry.status])).to.deep.equal([
      ['agency-bank', 'active'],
    ]);
    const services = city.host.registry.list().filter((service) => service.agencyKind === 'bank');
    expect(services.map((s) => [s.code, s.kind, s.sla.unit, s.sla.value, s.workflow])).to.have.deep.members([
      ['bank.mortgage-consultation', 'information', 'working_hours', 1, 'agency-bank/mortgage-consultation'],
      ['bank.account-opening', 'service', 'working_days', 1, 'agency-bank/account-opening'],
    ]);
    for (const service of services) {
      expect(Object.keys(service.names), service.code).to.have.members(['uz-Latn', 'uz-Cyrl', 'ru', 'en']);
      expect(service.fee, service.code).to.deep.equal({ free: true });
      expect(service.result, service.code).to.equal(undefined);
    }
    const workflow = await city.host.platform.workflows.fetch(accountOpening.workflow, 1);
    expect(Object.keys(workflow.definition.states)).to.have.members([
      'submitted',
      'appointment',
      'completed',
      'rejected',
    ]);
  });

  describeForms(() => city.host, {
    [accountOpening.code]: {
      valid: [person, company, { ...person, accountKind: 'foreign_currency', preferredDate: '2026-12-31' }],
      invalid: [
        { data: { ...person, preferredDate: '16.03.2026' }, errors: [['/preferredDate', 'format']] },
        { data: { ...person, preferredDate: '2026-02-30' }, errors: [['/preferredDate', 'format']] },
        { data: { ...person, accountKind: 'crypto' }, errors: [['/accountKind', 'enum']] },
        { data: { ...person, pinfl: undefined }, errors: [['/pinfl', 'required']] },
        { data: { ...company, tin: '30123456' }, errors: [['/tin', 'format']] },
        {
          data: { applicantType: 'legal_entity', tin: TIN },
          errors: [
            ['/preferredDate', 'required'],
            ['/accountKind', 'required'],
            ['/phone', 'required'],
          ],
        },
      ],
    },
  });

  describeConsultations(
    () => city,
    [
      {
        service: mortgageConsultation,
        topic: 'young_families',
        answer: 'Young families pay a 15% down payment; bring the marriage certificate',
      },
    ],
  );

  describe('account-opening appointment', () => {
    it('the branch confirms the appointment within 1 working day; nothing to pay, nothing issued', async () => {
      const { officer } = city.actors;
      let inquiry = await city.file(accountOpening.code, company, { applicantType: 'legal_entity' });
      expect(inquiry).to.include({ state: 'submitted', publicStatus: 'submitted', applicantKey: TIN });
      expect(await city.host.platform.payments.invoiceFor('chirchik', inquiry.id)).to.not.exist;
      inquiry = await city.act(inquiry, 'take_in_work', officer);
      expect(inquiry).to.include({ state: 'appointment', publicStatus: 'in_progress' });
      expect(inquiry.stateDueAt!.getTime() - Date.now()).to.be.within(0, 5 * DAY);
      inquiry = await city.act(inquiry, 'complete_appointment', officer);
      expect(inquiry).to.include({ state: 'completed', publicStatus: 'completed' });
      expect(inquiry.closedAt).to.be.instanceOf(Date);
      expect(await city.documents(inquiry.id)).to.deep.equal([]);
      expect((await city.publicHistory(inquiry.id)).at(-1)).to.include({ title: 'Appointment confirmed' });
    });

    it('refused with a reason, appealed online by the citizen, confirmed', async () => {
      const { officer } = city.actors;
      let inquiry = await city.file(accountOpening.code, person, { channel: 'online' });
      inquiry = await city.act(inquiry, 'take_in_work', officer);
      const bare = await city.act(inquiry, 'reject', officer).catch((e: unknown) => e);
      expect(isDarchaError(bare, 'DARCHA_WORKFLOW_REQUIREMENTS_MISSING')).to.equal(true);
      const reason = 'No free slot on 16 March; please choose another date';
      inquiry = await city.act(inquiry, 'reject', officer, reason);
      expect(inquiry).to.include({ state: 'rejected', publicStatus: 'rejected' });
      expect((await city.publicHistory(inquiry.id)).at(-1)).to.include({ title: 'Reject', comment: reason });
      inquiry = await city.act(inquiry, 'appeal', city.citizen, 'Any day of the week of 23 March suits me');
      expect(inquiry).to.include({ state: 'appointment', publicStatus: 'in_progress' });
      inquiry = await city.act(inquiry, 'complete_appointment', officer);
      expect(inquiry.state).to.equal('completed');
    });
  });
});
