import { expect } from 'chai';
import { SYSTEM_ACTOR, isDarchaError, type ApplicantCategory, type ApplicantType } from '@darcha/core';
import { describeForms } from '../../agency-gas/test/form-cases.js';
import { verifyPack } from '../../agency-gas/test/verify-pack.js';
import cadastre, { cadastralPassport, registerExtract } from '../src/index.js';
import { TENANT, startCadastreCity, type CadastreCity } from './cadastre-city.js';

const CADASTRE = '10:11:12:01:02:0034:0005:001';
const housing = {
  applicantType: 'individual',
  pinfl: '31507976020031',
  cadastreNumber: CADASTRE,
  propertyType: 'housing',
  area: 80,
  address: 'Chirchiq, Bog‘iston ko‘chasi 7',
  phone: '+998901234567',
};
const company = { ...housing, applicantType: 'legal_entity', pinfl: undefined, tin: '301234567' };

describe('agency-cadastre', function () {
  this.timeout(60_000);
  let city: CadastreCity;

  before(async () => {
    city = await startCadastreCity([cadastre]);
  });
  after(() => city?.stop());

  /** The fee as the FeeService quotes it in Chirchik today, at the desk. */
  function quote(
    serviceCode: string,
    formData: Record<string, unknown>,
    applicantType: ApplicantType = 'individual',
    categories?: ApplicantCategory[],
  ) {
    return city.host.platform.fees.quote(TENANT, {
      serviceCode,
      formData,
      channel: 'desk',
      applicantType,
      ...(categories ? { categories } : {}),
    });
  }

  it('verifies as the platform loads it', async () => {
    const { code, out } = await verifyPack('plugins/agency-cadastre');
    expect(out).to.include('ok: agency-cadastre@0.1.0, 2 services');
    expect(code).to.equal(0);
  });

  it('publishes the extract (5 working days) and the passport (10) in four locales with their workflows', async () => {
    expect(city.host.report.map((entry) => [entry.id, entry.status])).to.deep.equal([
      ['agency-cadastre', 'active'],
    ]);
    const services = city.host.registry.list().filter((service) => service.agencyKind === 'cadastre');
    expect(
      services.map((service) => [service.code, service.sla.unit, service.sla.value]),
    ).to.have.deep.members([
      ['cadastre.register-extract', 'working_days', 5],
      ['cadastre.cadastral-passport', 'working_days', 10],
    ]);
    for (const service of services) {
      expect(Object.keys(service.names), service.code).to.have.members(['uz-Latn', 'uz-Cyrl', 'ru', 'en']);
      const workflow = await city.host.platform.workflows.fetch(service.workflow, 1);
      expect(workflow.definition.states, service.code).to.include.keys(
        'awaiting_payment',
        'ready',
        'rejected',
      );
    }
  });

  describe('fees', () => {
    /** The tier and multiple of the extract for an area, an individual's housing unless told. */
    async function extract(
      form: Record<string, unknown>,
      applicantType: ApplicantType = 'individual',
    ): Promise<[string | undefined, number | null, number]> {
      const q = await quote(registerExtract.code, { ...housing, ...form }, applicantType);
      expect(q.total, JSON.stringify(form)).to.equal(
        Math.round(q.breakdown.bhm!.value * q.breakdown.multiplier!),
      );
      return [q.breakdown.tier?.id, q.breakdown.multiplier, q.total];
    }

    it('charges housing of individuals by floor area: 1.25 / 2.0 / 3.0 BHM, boundaries 100/101/300/301', async () => {
      expect((await extract({ area: 45 })).slice(0, 2)).to.deep.equal(['up-to-100', 1.25]);
      expect((await extract({ area: 100 })).slice(0, 2)).to.deep.equal(['up-to-100', 1.25]);
      expect((await extract({ area: 100.5 })).slice(0, 2)).to.deep.equal(['101-300', 2]);
      expect((await extract({ area: 101 })).slice(0, 2)).to.deep.equal(['101-300', 2]);
      expect((await extract({ area: 300 })).slice(0, 2)).to.deep.equal(['101-300', 2]);
      expect((await extract({ area: 301 })).slice(0, 2)).to.deep.equal(['over-300', 3]);
      expect((await extract({ area: 2500 })).slice(0, 2)).to.deep.equal(['over-300', 3]);
    });

    it('charges legal entities 5.0 BHM and non-residential property 3.0 / 5.0', async () => {
      expect((await extract({ area: 45 }, 'legal_entity')).slice(0, 2)).to.deep.equal(['legal-entity', 5]);
      expect((await extract({ area: 450 }, 'legal_entity')).slice(0, 2)).to.deep.equal(['legal-entity', 5]);
      const shop = { propertyType: 'non_residential', area: 60 };
      expect((await extract(shop)).slice(0, 2)).to.deep.equal(['non-residential', 3]);
      expect((await extract(shop, 'legal_entity')).slice(0, 2)).to.deep.equal(['legal-entity', 5]);
    });

    it('halves the extract and the passport for the social register and disability groups I and II', async () => {
      for (const code of [registerExtract.code, cadastralPassport.code]) {
        const full = await quote(code, housing);
        expect(full.breakdown.multiplier, code).to.equal(1.25);
        for (const category of ['social-register', 'disability-1', 'disability-2'] as const) {
          const discounted = await quote(code, housing, 'individual', [category]);
          expect(discounted.breakdown.discount, code).to.include({ category, percent: 50 });
          expect(discounted.total, code).to.equal(full.total - Math.round(full.total / 2));
        }
      }
    });

    it('charges the cadastral passport 1.25 BHM whatever the area', async () => {
      const small = await quote(cadastralPassport.code, housing);
      const large = await quote(cadastralPassport.code, { ...company, area: 900 }, 'legal_entity');
      expect([small.breakdown.multiplier, large.breakdown.multiplier]).to.deep.equal([1.25, 1.25]);
      expect(large.total).to.equal(small.total);
    });
  });

  const invalid = [
    { data: { ...housing, cadastreNumber: '10-11-12-01' }, errors: [['/cadastreNumber', 'format']] },
    { data: { ...housing, propertyType: 'garage' }, errors: [['/propertyType', 'enum']] },
    { data: { ...housing, area: 0 }, errors: [['/area', 'exclusiveMinimum']] },
    { data: { ...housing, area: '80' }, errors: [['/area', 'type']] },
    { data: { ...housing, area: undefined }, errors: [['/area', 'required']] },
    { data: { ...housing, pinfl: undefined }, errors: [['/pinfl', 'required']] },
    { data: { ...company, tin: undefined }, errors: [['/tin', 'required']] },
    {
      data: { ...housing, phone: '+7 900 1234567', pinfl: '123' },
      errors: [
        ['/phone', 'format'],
        ['/pinfl', 'format'],
      ],
    },
  ] satisfies { data: Record<string, unknown>; errors: [string, string][] }[];
  describeForms(() => city.host, {
    [registerExtract.code]: {
      valid: [housing, company, { ...housing, area: 100.5, purpose: 'Sale' }],
      invalid,
    },
    [cadastralPassport.code]: { valid: [housing, { ...company, propertyType: 'non_residential' }], invalid },
  });

  describe('workflows', () => {
    it('register extract: invoiced at filing, paid at the desk (PaymentService), issued and handed over', async () => {
      const { operator, officer, cashier } = city.actors;
      const { payments, documents } = city.host.platform;
      const form = { ...housing, area: 120 };
      let inquiry = await city.file(registerExtract.code, form);
      expect(inquiry).to.include({ state: 'awaiting_payment', publicStatus: 'action_required' });
      const unpaid = await city.act(inquiry, 'confirm_payment', operator).catch((e: unknown) => e);
      expect(isDarchaError(unpaid, 'DARCHA_WORKFLOW_REQUIREMENTS_MISSING')).to.equal(true);

      const invoice = (await payments.invoiceFor(TENANT, inquiry.id))!;
      expect(invoice.total).to.equal((await quote(registerExtract.code, form)).total);
      const paid = await payments.payAtDesk(
        TENANT,
        invoice.id,
        { amount: invoice.total, method: 'cash' },
        cashier,
      );
      expect(paid.invoice.status).to.equal('paid');

      inquiry = await city.act(inquiry, 'confirm_payment', operator);
      expect(inquiry).to.include({ state: 'register_check', publicStatus: 'in_progress' });
      inquiry = await city.act(inquiry, 'complete_register_check', officer);
      expect(inquiry).to.include({ state: 'ready', publicStatus: 'ready' });
      const [document] = await documents.listForInquiry(TENANT, inquiry.id);
      expect(document).to.include({
        templateKey: 'agency-cadastre/register-extract',
        kind: 'register-extract',
      });
      const html = await documents.html(TENANT, document!.id);
      expect(html)
        .to.contain('Выписка из реестра прав на недвижимое имущество')
        .and.to.contain(CADASTRE)
        .and.to.contain('Площадь, м²')
        .and.to.contain('Karimov');
      expect(html).not.to.contain('{{').and.not.to.contain('cadastre.number');
      inquiry = await city.act(inquiry, 'hand_over', operator);
      expect(inquiry).to.include({ state: 'completed', publicStatus: 'completed' });
    });

    it('cadastral passport: paid, rejected with a reason, appealed, surveyed and the passport issued', async () => {
      const { operator, officer, supervisor, cashier } = city.actors;
      const { payments, documents } = city.host.platform;
      let inquiry = await city.file(cadastralPassport.code, housing, { categories: ['disability-1'] });
      const invoice = (await payments.invoiceFor(TENANT, inquiry.id))!;
      expect(invoice.total).to.equal(
        (await quote(cadastralPassport.code, housing, 'individual', ['disability-1'])).total,
      );
      await payments.payAtDesk(TENANT, invoice.id, { amount: invoice.total, method: 'card' }, cashier);
      inquiry = await city.act(inquiry, 'confirm_payment', operator);
      expect(inquiry.state).to.equal('survey');
      inquiry = await city.act(inquiry, 'reject', supervisor, 'The title document names another owner');
      expect(inquiry).to.include({ state: 'rejected', publicStatus: 'rejected' });
      inquiry = await city.act(inquiry, 'appeal', city.citizenActor, 'The sale contract is attached');
      expect(inquiry.state).to.equal('survey');
      inquiry = await city.act(inquiry, 'complete_survey', officer);
      expect(inquiry.state).to.equal('ready');
      const issued = await documents.listForInquiry(TENANT, inquiry.id);
      expect(issued.map((d) => d.templateKey)).to.deep.equal(['agency-cadastre/cadastral-passport']);
      expect(await documents.html(TENANT, issued[0]!.id))
        .to.contain('Кадастровый паспорт')
        .and.to.contain(CADASTRE);
    });

    it('register extract: a legal entity that does not pay is cancelled by the system', async () => {
      let inquiry = await city.file(registerExtract.code, company, { applicantType: 'legal_entity' });
      const invoice = (await city.host.platform.payments.invoiceFor(TENANT, inquiry.id))!;
      expect(invoice.total).to.equal((await quote(registerExtract.code, company, 'legal_entity')).total);
      inquiry = await city.act(inquiry, 'expire', SYSTEM_ACTOR);
      expect(inquiry).to.include({ state: 'cancelled', publicStatus: 'rejected' });
    });
  });
});
