import { expect } from 'chai';
import { isDarchaError } from '@darcha/core';
import { describeForms } from '../../agency-gas/test/form-cases.js';
import { verifyPack } from '../../agency-gas/test/verify-pack.js';
import employment, {
  childAllowance,
  jobConsultation,
  pensionConsultation,
  unemployedRegistration,
} from '../src/index.js';
import { PINFL, TENANT, startAgencyCity, type AgencyCity } from './agency-city.js';
import { describeConsultations } from './consultation-cases.js';

const DAY = 24 * 60 * 60 * 1000;
const unemployed = {
  pinfl: PINFL,
  lastJob: 'Chirchiq transformator zavodi, tokar',
  educationLevel: 'vocational',
  leavingReason: 'staff_reduction',
  phone: '+998901234567',
};
const firstJobSeeker = {
  pinfl: PINFL,
  educationLevel: 'bachelor',
  leavingReason: 'never_employed',
  phone: '+998901234567',
};
const family = {
  pinfl: PINFL,
  children: [
    { firstName: 'Madina', birthDate: '2015-04-12' },
    { firstName: 'Jasur', birthDate: '2019-11-03' },
  ],
  monthlyIncome: 1_450_000,
  householdSize: 4,
  address: 'Chirchiq, Navoiy ko‘chasi 21',
  phone: '+998901234567',
};

describe('agency-employment', function () {
  this.timeout(60_000);
  let city: AgencyCity;

  before(async () => {
    city = await startAgencyCity([employment], { code: 'employment-centre', kind: 'employment' });
  });
  after(() => city?.stop());

  it('verifies as the platform loads it', async () => {
    const { code, out } = await verifyPack('plugins/agency-employment');
    expect(out).to.include('ok: agency-employment@0.1.0, 4 services');
    expect(code).to.equal(0);
  });

  it('publishes its four free services in four locales, with their kinds, SLAs and workflows', async () => {
    expect(city.host.report.map((entry) => [entry.id, entry.status])).to.deep.equal([
      ['agency-employment', 'active'],
    ]);
    const services = city.host.registry.list().filter((service) => service.agencyKind === 'employment');
    expect(
      services.map((s) => [s.code, s.kind, s.category, s.sla.unit, s.sla.value, s.workflow]),
    ).to.have.deep.members([
      [
        'employment.unemployed-registration',
        'service',
        'social-protection.employment',
        'working_days',
        1,
        'agency-employment/unemployed-registration',
      ],
      [
        'employment.job-consultation',
        'information',
        'social-protection.employment',
        'working_hours',
        1,
        'agency-employment/consultation',
      ],
      [
        'employment.child-allowance',
        'service',
        'social-protection.benefits',
        'working_days',
        10,
        'agency-employment/child-allowance',
      ],
      [
        'employment.pension-consultation',
        'information',
        'social-protection.benefits',
        'working_hours',
        1,
        'agency-employment/consultation',
      ],
    ]);
    for (const service of services) {
      expect(Object.keys(service.names), service.code).to.have.members(['uz-Latn', 'uz-Cyrl', 'ru', 'en']);
      expect(service.fee, service.code).to.deep.equal({ free: true });
      const quote = await city.host.platform.fees.quote(TENANT, {
        serviceCode: service.code,
        formData: {},
        channel: 'desk',
        applicantType: 'individual',
      });
      expect([quote.free, quote.total, quote.lines], service.code).to.deep.equal([true, 0, []]);
    }
  });

  it('waits 3 working days for the visit with the clock stopped, a missed visit cancelled by the system', async () => {
    const workflow = await city.host.platform.workflows.fetch(unemployedRegistration.workflow, 1);
    expect(workflow.definition.states['awaiting_visit']).to.deep.include({
      type: 'start',
      publicStatus: 'action_required',
      clock: 'paused',
      candidateRole: 'front_office',
      sla: { unit: 'working_days', value: 3, onBreach: { action: 'miss_visit' } },
    });
    expect(workflow.definition.states['review']?.sla).to.deep.equal({
      unit: 'working_days',
      value: 1,
      onBreach: 'escalate',
    });
  });

  describeForms(() => city.host, {
    [unemployedRegistration.code]: {
      valid: [unemployed, firstJobSeeker, { ...unemployed, educationLevel: 'incomplete_secondary' }],
      invalid: [
        { data: { ...unemployed, lastJob: undefined }, errors: [['/lastJob', 'required']] },
        { data: { ...unemployed, educationLevel: 'phd' }, errors: [['/educationLevel', 'enum']] },
        { data: { ...unemployed, leavingReason: 'bored' }, errors: [['/leavingReason', 'enum']] },
        {
          data: { ...unemployed, pinfl: '3150797602003', phone: '901234567' },
          errors: [
            ['/pinfl', 'format'],
            ['/phone', 'format'],
          ],
        },
        {
          data: { lastJob: 'Zavod', tin: '301234567' },
          errors: [
            ['/pinfl', 'required'],
            ['/educationLevel', 'required'],
            ['/leavingReason', 'required'],
            ['/phone', 'required'],
            ['/tin', 'additionalProperties'],
          ],
        },
      ],
    },
    [childAllowance.code]: {
      valid: [family, { ...family, children: [family.children[0]], householdSize: 2, monthlyIncome: 0 }],
      invalid: [
        { data: { ...family, children: [] }, errors: [['/children', 'minItems']] },
        {
          data: { ...family, children: [{ firstName: 'Madina', birthDate: '12.04.2015' }] },
          errors: [['/children/0/birthDate', 'format']],
        },
        {
          data: { ...family, children: [{ firstName: 'Jasur' }] },
          errors: [['/children/0/birthDate', 'required']],
        },
        { data: { ...family, monthlyIncome: 1_450_000.5 }, errors: [['/monthlyIncome', 'type']] },
        { data: { ...family, monthlyIncome: -1 }, errors: [['/monthlyIncome', 'minimum']] },
        { data: { ...family, householdSize: 1 }, errors: [['/householdSize', 'minimum']] },
        { data: { ...family, pinfl: undefined }, errors: [['/pinfl', 'required']] },
      ],
    },
  });

  describeConsultations(
    () => city,
    [
      { service: jobConsultation, topic: 'vacancies', answer: 'Vacancies are posted at ish.mehnat.uz' },
      {
        service: pensionConsultation,
        topic: 'age_pension',
        answer: 'Men retire at 60 with 25 years of service',
      },
    ],
  );

  describe('registration as unemployed', () => {
    it('online form, the visit confirmed, reviewed in 1 working day, the decision issued and handed over', async () => {
      const { operator, officer } = city.actors;
      let inquiry = await city.file(unemployedRegistration.code, unemployed, { channel: 'online' });
      expect(inquiry).to.include({
        state: 'awaiting_visit',
        publicStatus: 'action_required',
        channel: 'online',
      });
      expect(inquiry.pausedAt).to.be.instanceOf(Date);
      // Three working days end when the third one closes: at least two days after a filing made before
      // Monday's opening, just under three after one made on a Sunday evening (the test files at
      // whatever time it runs), at most a week with a weekend or holidays between.
      expect(inquiry.stateDueAt!.getTime() - inquiry.filedAt.getTime()).to.be.within(2 * DAY, 7 * DAY);
      expect(await city.host.platform.payments.invoiceFor(TENANT, inquiry.id)).to.not.exist;

      const early = await city.act(inquiry, 'complete_review', officer).catch((e: unknown) => e);
      expect(isDarchaError(early, 'DARCHA_WORKFLOW_ACTION_UNAVAILABLE')).to.equal(true);
      const self = await city.act(inquiry, 'confirm_visit', city.citizen).catch((e: unknown) => e);
      expect(isDarchaError(self, 'DARCHA_WORKFLOW_ACTION_FORBIDDEN')).to.equal(true);
      inquiry = await city.act(inquiry, 'confirm_visit', operator);
      expect(inquiry).to.include({ state: 'review', publicStatus: 'in_progress', pausedAt: null });
      expect(inquiry.stateDueAt!.getTime() - Date.now()).to.be.within(0, 5 * DAY);
      inquiry = await city.act(inquiry, 'complete_review', officer);
      expect(inquiry).to.include({ state: 'ready', publicStatus: 'ready' });

      const [document] = await city.documents(inquiry.id);
      expect(document).to.include({
        templateKey: 'agency-employment/unemployed-decision',
        kind: 'registration-decision',
        locale: 'ru',
        holderInitials: 'A. K.',
      });
      expect(document!.serial).to.match(/^CHR-\d{4}-D\d{6}$/);
      const html = await city.host.platform.documents.html(TENANT, document!.id);
      expect(html)
        .to.contain('Решение о регистрации в качестве безработного')
        .and.to.contain('Karimov Aziz зарегистрирован(а) в качестве безработного')
        .and.to.contain(`<dt>ПИНФЛ</dt><dd>${PINFL}</dd>`)
        .and.to.contain('Chirchiq transformator zavodi, tokar')
        .and.to.contain(inquiry.trackingNumber)
        .and.to.contain(document!.serial);
      expect(html).not.to.contain('{{').and.not.to.contain('employment.last-job');
      inquiry = await city.act(inquiry, 'hand_over', operator);
      expect(inquiry).to.include({ state: 'completed', publicStatus: 'completed' });
    });

    it('cancelled by the system when the applicant does not come within 3 working days', async () => {
      const inquiry = await city.file(unemployedRegistration.code, firstJobSeeker, { channel: 'online' });
      const dueAt = inquiry.stateDueAt!;
      expect(await city.fireTimersAt(new Date(dueAt.getTime() - 60_000), inquiry.id)).to.deep.equal([
        'reminded',
      ]);
      expect((await city.host.platform.engine.get(TENANT, inquiry.id)).state).to.equal('awaiting_visit');
      expect(await city.fireTimersAt(new Date(dueAt.getTime() + 60_000), inquiry.id)).to.deep.equal([
        'action:miss_visit',
      ]);
      const after = await city.host.platform.engine.get(TENANT, inquiry.id);
      expect(after).to.include({ state: 'visit_missed', publicStatus: 'rejected' });
      expect(after.closedAt).to.be.instanceOf(Date);
      const last = (await city.publicHistory(inquiry.id)).at(-1)!;
      expect(last.title).to.equal('Did not come within 3 working days');
      expect(await city.documents(inquiry.id)).to.deep.equal([]);
    });

    it('refused with a reason, appealed by the citizen, reviewed again and registered', async () => {
      const { operator, officer, supervisor } = city.actors;
      let inquiry = await city.file(unemployedRegistration.code, unemployed);
      inquiry = await city.act(inquiry, 'confirm_visit', operator);
      const bare = await city.act(inquiry, 'reject', officer).catch((e: unknown) => e);
      expect(isDarchaError(bare, 'DARCHA_WORKFLOW_REQUIREMENTS_MISSING')).to.equal(true);
      const reason = 'The labour register shows a current employment contract';
      inquiry = await city.act(inquiry, 'reject', supervisor, reason);
      expect(inquiry).to.include({ state: 'rejected', publicStatus: 'rejected' });
      expect((await city.publicHistory(inquiry.id)).at(-1)).to.include({ comment: reason, title: 'Reject' });
      expect(await city.documents(inquiry.id)).to.deep.equal([]);

      inquiry = await city.act(inquiry, 'appeal', city.citizen, 'The contract was terminated on 2 March');
      expect(inquiry).to.include({ state: 'review', publicStatus: 'in_progress' });
      inquiry = await city.act(inquiry, 'complete_review', officer);
      const documents = await city.documents(inquiry.id);
      expect(documents.map((d) => d.templateKey)).to.deep.equal(['agency-employment/unemployed-decision']);
    });
  });

  describe('child allowance', () => {
    it('income checked within 10 working days, the decision for 12 months issued and handed over', async () => {
      const { operator, officer } = city.actors;
      let inquiry = await city.file(childAllowance.code, family);
      expect(inquiry).to.include({ state: 'submitted', publicStatus: 'submitted' });
      expect(await city.host.platform.payments.invoiceFor(TENANT, inquiry.id)).to.not.exist;
      inquiry = await city.act(inquiry, 'take_in_work', officer);
      expect(inquiry).to.include({ state: 'income_check', publicStatus: 'in_progress' });
      expect(inquiry.stateDueAt!.getTime() - Date.now()).to.be.within(10 * DAY, 20 * DAY);
      inquiry = await city.act(inquiry, 'complete_income_check', officer);
      expect(inquiry.state).to.equal('ready');

      const [document] = await city.documents(inquiry.id);
      expect(document).to.include({
        templateKey: 'agency-employment/child-allowance-decision',
        kind: 'allowance-decision',
      });
      const html = await city.host.platform.documents.html(TENANT, document!.id);
      expect(html)
        .to.contain('Решение о назначении пособия на детей')
        .and.to.contain('выплачивается ежемесячно в течение 12 месяцев')
        .and.to.contain('<dt>Количество детей</dt><dd>2</dd>')
        .and.to.contain('<dt>Членов семьи</dt><dd>4</dd>')
        .and.to.contain('<dt>Доход семьи в месяц, сум</dt><dd>1450000</dd>');
      inquiry = await city.act(inquiry, 'hand_over', operator);
      expect(inquiry).to.include({ state: 'completed', publicStatus: 'completed' });
    });

    it('refused when the income is above the threshold; the family may appeal within 15 days', async () => {
      const { officer } = city.actors;
      let inquiry = await city.file(childAllowance.code, { ...family, monthlyIncome: 9_800_000 });
      inquiry = await city.act(inquiry, 'take_in_work', officer);
      inquiry = await city.act(inquiry, 'reject', officer, 'Income per person is above the threshold');
      expect(inquiry).to.include({ state: 'rejected', publicStatus: 'rejected' });
      const allowed = await city.host.platform.engine.allowedActions(TENANT, inquiry, city.citizen);
      const appeal = allowed.find((a) => a.action === 'appeal')!;
      const days = (appeal.availableUntil!.getTime() - inquiry.closedAt!.getTime()) / DAY;
      expect(days).to.be.within(14.9, 15.1);
      expect(await city.documents(inquiry.id)).to.deep.equal([]);
    });
  });
});
