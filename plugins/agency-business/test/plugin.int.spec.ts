import { expect } from 'chai';
import { SYSTEM_ACTOR, isDarchaError, type Inquiry } from '@darcha/core';
import { describeForms } from '../../agency-gas/test/form-cases.js';
import { verifyPack } from '../../agency-gas/test/verify-pack.js';
import {
  COMPANY,
  PINFL,
  startAgencyTestCity,
  type AgencyTestCity,
} from '../../agency-tax/test/agency-test-city.js';
import business, { entrepreneurRegistration, llcRegistration, sharesMakeWhole } from '../src/index.js';

/** A day in 2025, when the BHM was 412,000 soums. */
const IN_2025 = new Date('2025-10-01T06:00:00Z');
const SERIAL = /^CHR-\d{4}-D\d{6}$/;
const DIRECTOR = '42001856010027';

const llc = {
  companyName: 'Hisob Servis',
  legalForm: 'llc',
  founders: [
    { type: 'individual', pinfl: PINFL, share: 60 },
    { type: 'legal_entity', tin: '305556677', share: 40 },
  ],
  charterCapital: 10_000_000,
  address: 'Chirchiq, Amir Temur ko‘chasi 12',
  directorPinfl: DIRECTOR,
  phone: '+998901234567',
};
const soleFounder = {
  ...llc,
  founders: [{ type: 'individual', pinfl: PINFL, share: 100 }],
  charterCapital: 0,
};
const entrepreneur = {
  pinfl: PINFL,
  tradeName: 'Aziz Savdo',
  activityCode: '47.19',
  address: 'Chirchiq, Bog‘iston ko‘chasi 7',
  phone: '+998901234567',
};

describe('agency-business', function () {
  this.timeout(60_000);
  let city: AgencyTestCity;

  before(async () => {
    city = await startAgencyTestCity([business], {
      id: 'chirchik',
      name: 'Chirchiq',
      trackingPrefix: 'CHR',
      agencies: [
        {
          code: 'registration-inspection',
          kind: 'business',
          offers: [llcRegistration.code, entrepreneurRegistration.code],
        },
      ],
    });
  });
  after(() => city?.stop());

  /** Working minutes from `from` to the inquiry's overall due date, on Chirchik's calendar. */
  async function minutesLeft(inquiry: Inquiry, from: Date): Promise<number> {
    const calendar = await city.host.platform.calendars.get(city.tenant);
    return calendar.workingMinutesBetween(from, inquiry.dueAt!);
  }

  it('verifies as the platform loads it', async () => {
    const { code, out } = await verifyPack('plugins/agency-business');
    expect(out).to.include('ok: agency-business@0.1.0, 2 services');
    expect(code).to.equal(0);
  });

  it('publishes the LLC (30 minutes, legal entities) and the entrepreneur (2 working days, individuals)', async () => {
    expect(city.host.report.map((entry) => [entry.id, entry.status])).to.deep.equal([
      ['agency-business', 'active'],
    ]);
    const services = city.host.registry.list().filter((service) => service.agencyKind === 'business');
    expect(
      services.map((s) => [s.code, s.applicantTypes, s.channels, s.sla.unit, s.sla.value, s.workflow]),
    ).to.have.deep.members([
      [
        'business.llc-registration',
        ['legal_entity'],
        ['desk', 'online'],
        'minutes',
        30,
        'agency-business/llc-registration',
      ],
      [
        'business.entrepreneur-registration',
        ['individual'],
        ['desk', 'online'],
        'working_days',
        2,
        'agency-business/entrepreneur-registration',
      ],
    ]);
    expect(llcRegistration.documents.map((d) => d.code)).to.deep.equal([
      'application',
      'charter',
      'founders-decision',
    ]);
    for (const service of services) {
      expect(Object.keys(service.names), service.code).to.have.members(['uz-Latn', 'uz-Cyrl', 'ru', 'en']);
    }
    const { definition } = await city.host.platform.workflows.fetch('agency-business/llc-registration', 1);
    expect(definition.states['registration']).to.include({ candidateRole: 'back_office' });
    expect(definition.states['registration']).not.to.have.property('sla');
    expect(definition.transitions.find((t) => t.action === 'complete_registration')?.guards).to.deep.equal([
      'core/is-assignee',
      'agency-business/founder-shares',
    ]);
  });

  describe('fees', () => {
    it('charges the LLC 1 BHM at the desk and 0.5 online: 412,000 and 206,000 soums in 2025', async () => {
      const at = IN_2025;
      const desk = await city.quote(llcRegistration.code, llc, { at, applicantType: 'legal_entity' });
      const online = await city.quote(llcRegistration.code, llc, {
        at,
        applicantType: 'legal_entity',
        channel: 'online',
      });
      expect([desk.breakdown.channel, desk.breakdown.multiplier, desk.total]).to.deep.equal([
        'desk',
        1,
        412_000,
      ]);
      expect([online.breakdown.channel, online.breakdown.multiplier, online.total]).to.deep.equal([
        'online',
        0.5,
        206_000,
      ]);
      expect(desk.breakdown.bhm?.value).to.equal(412_000);
    });

    it('charges the entrepreneur (assumed) 0.5 BHM at the desk and 0.25 online, halved for the social register', async () => {
      const at = IN_2025;
      const desk = await city.quote(entrepreneurRegistration.code, entrepreneur, { at });
      const online = await city.quote(entrepreneurRegistration.code, entrepreneur, { at, channel: 'online' });
      expect([desk.total, online.total]).to.deep.equal([206_000, 103_000]);
      const social = await city.quote(entrepreneurRegistration.code, entrepreneur, {
        at,
        categories: ['social-register'],
      });
      expect(social.breakdown.discount).to.include({
        category: 'social-register',
        percent: 50,
        amount: 103_000,
      });
      expect(social.total).to.equal(103_000);
    });

    it('gives the LLC no social discount (the applicant is a company)', async () => {
      const quote = await city.quote(llcRegistration.code, llc, {
        at: IN_2025,
        applicantType: 'legal_entity',
        categories: ['disability-1'],
      });
      expect([quote.breakdown.discount, quote.total]).to.deep.equal([null, 412_000]);
    });
  });

  describe('founders', () => {
    it('adds the shares up to the hundredth of a percent', () => {
      const founders = (...shares: number[]) => shares.map((share) => ({ share }));
      expect(sharesMakeWhole(founders(100))).to.equal(true);
      expect(sharesMakeWhole(founders(33.34, 33.33, 33.33))).to.equal(true);
      expect(sharesMakeWhole(founders(0.1, 0.2, 99.7))).to.equal(true);
      expect(sharesMakeWhole(founders(60, 30))).to.equal(false);
      expect(sharesMakeWhole(founders(33.33, 33.33, 33.33))).to.equal(false);
      expect(sharesMakeWhole([])).to.equal(false);
      expect(sharesMakeWhole(undefined)).to.equal(false);
    });
  });

  const founder = (extra: Record<string, unknown>) => ({ ...llc, founders: [llc.founders[0], extra] });
  describeForms(() => city.host, {
    [llcRegistration.code]: {
      valid: [
        llc,
        soleFounder,
        { ...llc, founders: [...llc.founders.slice(0, 1), { ...llc.founders[1], share: 39.5 }] },
      ],
      invalid: [
        { data: { ...llc, founders: [] }, errors: [['/founders', 'minItems']] },
        {
          data: {
            ...llc,
            founders: Array.from({ length: 51 }, () => ({ type: 'individual', pinfl: PINFL, share: 1 })),
          },
          errors: [['/founders', 'maxItems']],
        },
        {
          data: { ...soleFounder, founders: [{ type: 'individual', pinfl: PINFL, share: 60 }] },
          errors: [['/founders/0/share', 'const']],
        },
        { data: founder({ type: 'individual', share: 40 }), errors: [['/founders/1/pinfl', 'required']] },
        {
          data: founder({ type: 'legal_entity', tin: '30555667', share: 40 }),
          errors: [['/founders/1/tin', 'format']],
        },
        {
          data: founder({ type: 'legal_entity', tin: '305556677', share: 0 }),
          errors: [['/founders/1/share', 'exclusiveMinimum']],
        },
        {
          data: founder({ type: 'legal_entity', tin: '305556677', share: 101 }),
          errors: [['/founders/1/share', 'maximum']],
        },
        {
          data: founder({ type: 'trust', tin: '305556677', share: 40 }),
          errors: [['/founders/1/type', 'enum']],
        },
        { data: { ...llc, legalForm: 'jsc' }, errors: [['/legalForm', 'enum']] },
        { data: { ...llc, charterCapital: -1 }, errors: [['/charterCapital', 'minimum']] },
        { data: { ...llc, charterCapital: 1500.5 }, errors: [['/charterCapital', 'type']] },
        { data: { ...llc, companyName: undefined }, errors: [['/companyName', 'required']] },
        {
          data: { ...llc, directorPinfl: '4200185601002', phone: '+99890123456' },
          errors: [
            ['/directorPinfl', 'format'],
            ['/phone', 'format'],
          ],
        },
      ],
    },
    [entrepreneurRegistration.code]: {
      valid: [entrepreneur, { ...entrepreneur, activityCode: '47.19.1' }],
      invalid: [
        { data: { ...entrepreneur, pinfl: undefined }, errors: [['/pinfl', 'required']] },
        { data: { ...entrepreneur, pinfl: '3150797602003X' }, errors: [['/pinfl', 'format']] },
        { data: { ...entrepreneur, activityCode: '4719' }, errors: [['/activityCode', 'pattern']] },
        { data: { ...entrepreneur, tradeName: 'A' }, errors: [['/tradeName', 'minLength']] },
        { data: { ...entrepreneur, address: undefined }, errors: [['/address', 'required']] },
        { data: { ...entrepreneur, tin: '301234567' }, errors: [['/tin', 'additionalProperties']] },
      ],
    },
  });

  describe('workflows', () => {
    it('LLC online: invoiced 206,000, paid, registered against the 30-minute clock, certificate issued', async () => {
      const { operator, officer } = city.actors;
      const { documents } = city.host.platform;
      let inquiry = await city.file(llcRegistration.code, llc, {
        applicantType: 'legal_entity',
        channel: 'online',
      });
      expect(inquiry).to.include({ state: 'awaiting_payment', channel: 'online' });
      expect(inquiry.overallSla).to.deep.equal({ unit: 'minutes', value: 30 });
      expect(await minutesLeft(inquiry, inquiry.filedAt)).to.be.closeTo(30, 1e-6);

      const invoice = (await city.host.platform.payments.invoiceFor(city.tenant, inquiry.id))!;
      expect(invoice.total).to.equal(206_000);
      expect(invoice.quote.breakdown).to.include({ channel: 'online', multiplier: 0.5 });
      expect(await city.pay(inquiry)).to.equal(206_000);

      inquiry = await city.act(inquiry, 'confirm_payment', operator);
      expect(inquiry).to.include({ state: 'registration', publicStatus: 'in_progress', stateDueAt: null });
      // The clock stood still while the duty was unpaid: 30 working minutes from payment.
      expect(await minutesLeft(inquiry, inquiry.stateEnteredAt)).to.be.closeTo(30, 1e-6);
      inquiry = await city.act(inquiry, 'complete_registration', officer);
      expect(inquiry).to.include({ state: 'ready', publicStatus: 'ready' });

      const issued = await documents.listForInquiry(city.tenant, inquiry.id);
      expect(issued.map((d) => [d.templateKey, d.kind])).to.deep.equal([
        ['agency-business/llc-certificate', 'registration-certificate'],
      ]);
      expect(issued[0]!.serial).to.match(SERIAL);
      const html = await documents.html(city.tenant, issued[0]!.id);
      expect(html)
        .to.contain('Свидетельство о государственной регистрации юридического лица')
        .and.to.contain(
          'Общество с ограниченной ответственностью «Hisob Servis» с уставным фондом 10\u00a0000\u00a0000\u00a0сум',
        )
        .and.to.contain('Число учредителей</dt><dd>2</dd>')
        .and.to.contain(COMPANY)
        .and.to.contain(issued[0]!.serial);
      expect(html).not.to.contain('{{').and.not.to.contain('business.founders');
      inquiry = await city.act(inquiry, 'hand_over', operator);
      expect(inquiry).to.include({ state: 'completed', publicStatus: 'completed' });
    });

    it('LLC at the desk: invoiced 412,000; shares short of 100% block the registration, rejected and appealed', async () => {
      const { operator, officer } = city.actors;
      const short = founder({ type: 'legal_entity', tin: '305556677', share: 30 });
      let inquiry = await city.file(llcRegistration.code, short, { applicantType: 'legal_entity' });
      const invoice = (await city.host.platform.payments.invoiceFor(city.tenant, inquiry.id))!;
      expect(invoice.total).to.equal(412_000);
      expect(invoice.quote.breakdown).to.include({ channel: 'desk', multiplier: 1 });
      await city.pay(inquiry);
      inquiry = await city.act(inquiry, 'confirm_payment', operator);
      expect(inquiry.state).to.equal('registration');

      const refused = await city.act(inquiry, 'complete_registration', officer).catch((e: unknown) => e);
      expect(isDarchaError(refused, 'DARCHA_WORKFLOW_GUARD_REFUSED')).to.equal(true);
      expect((refused as { details: { guard: string } }).details.guard).to.equal(
        'agency-business/founder-shares',
      );
      expect((await city.host.platform.engine.get(city.tenant, inquiry.id)).state).to.equal('registration');

      inquiry = await city.act(inquiry, 'reject', officer, 'The founders’ shares add up to 90%, not 100%');
      expect(inquiry).to.include({ state: 'rejected', publicStatus: 'rejected' });
      inquiry = await city.act(
        inquiry,
        'appeal',
        city.citizenActor,
        'The decision gives 60% and 40%; see page 2',
      );
      expect(inquiry.state).to.equal('registration');
      // Reopened: the 30 minutes start again.
      expect(await minutesLeft(inquiry, inquiry.stateEnteredAt)).to.be.closeTo(30, 1e-6);
      expect(await city.host.platform.documents.listForInquiry(city.tenant, inquiry.id)).to.deep.equal([]);
    });

    it('LLC: refused to an individual applicant', async () => {
      const refused = await city.file(llcRegistration.code, llc).catch((e: unknown) => e);
      expect(isDarchaError(refused, 'DARCHA_INQUIRY_FILING_REFUSED')).to.equal(true);
    });

    it('entrepreneur: social register pays half, registered within 2 working days, certificate issued', async () => {
      const { operator, officer } = city.actors;
      const { documents } = city.host.platform;
      let inquiry = await city.file(entrepreneurRegistration.code, entrepreneur, {
        categories: ['social-register'],
      });
      expect(await city.pay(inquiry)).to.equal(103_000);
      inquiry = await city.act(inquiry, 'confirm_payment', operator);
      expect(inquiry.state).to.equal('registration');
      const calendar = await city.host.platform.calendars.get(city.tenant);
      expect(inquiry.stateDueAt).to.deep.equal(calendar.addWorkingDays(inquiry.stateEnteredAt, 2));
      inquiry = await city.act(inquiry, 'complete_registration', officer);
      const issued = await documents.listForInquiry(city.tenant, inquiry.id);
      expect(issued.map((d) => d.templateKey)).to.deep.equal(['agency-business/entrepreneur-certificate']);
      expect(issued[0]!.serial).to.match(SERIAL);
      expect(await documents.html(city.tenant, issued[0]!.id))
        .to.contain('Свидетельство о государственной регистрации индивидуального предпринимателя')
        .and.to.contain(
          'Karimov Aziz зарегистрирован(а) как индивидуальный предприниматель под фирменным наименованием «Aziz Savdo»',
        )
        .and.to.contain('47.19');
      inquiry = await city.act(inquiry, 'hand_over', operator);
      expect(inquiry.state).to.equal('completed');
    });

    it('entrepreneur online: invoiced 0.25 BHM, cancelled by the system when not paid', async () => {
      let inquiry = await city.file(entrepreneurRegistration.code, entrepreneur, { channel: 'online' });
      const invoice = (await city.host.platform.payments.invoiceFor(city.tenant, inquiry.id))!;
      expect(invoice.total).to.equal(103_000);
      inquiry = await city.act(inquiry, 'expire', SYSTEM_ACTOR);
      expect(inquiry).to.include({ state: 'cancelled', publicStatus: 'rejected' });
    });
  });
});
