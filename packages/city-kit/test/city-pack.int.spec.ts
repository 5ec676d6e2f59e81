import { expect } from 'chai';
import { isDarchaError, type Actor, type Inquiry } from '@darcha/core';
import { startTestHost, type TestHost } from '@darcha/testing';
import cadastre from '../../../plugins/agency-cadastre/src/index.js';
import gas from '../../../plugins/agency-gas/src/index.js';
import {
  UZBEKISTAN,
  UZBEKISTAN_REGIONS,
  cityAgency,
  defineCityPack,
  type OperatingModel,
} from '../src/index.js';

const ALL = (text: string) => ({ 'uz-Latn': text, 'uz-Cyrl': text, ru: text, en: text });

/** A city of the Tashkent region with a gas supplier and a cadastre unit, run by `model`. */
function testCity(id: string, model: OperatingModel) {
  const names = ALL(id[0]!.toUpperCase() + id.slice(1));
  return defineCityPack({
    id: `city-${id}`,
    version: '0.1.0',
    tenant: { id, kind: 'city', parentId: 'uz.tashkent-region', names },
    operatingModel: model,
    ossName: ALL(`${names.en} OSS`),
    agencies: [cityAgency('gas', 'gorgas', names), cityAgency('cadastre', 'cadastre', names)],
    dependsOn: [
      { id: 'agency-gas', range: '^0.1.0' },
      { id: 'agency-cadastre', range: '^0.1.0' },
    ],
  });
}

const alpha = testCity('alpha', 'seconded-staff');
/** A city whose pack asks for an override the extract does not allow (it sets no SLA bounds). */
const gamma = (() => {
  const pack = testCity('gamma', 'seconded-staff');
  const [gorgas, cadastreUnit] = pack.spec.agencies;
  const agencies = [
    gorgas!,
    { ...cadastreUnit!, overrides: { 'cadastre.register-extract': { slaValue: 3 } } },
  ];
  return defineCityPack({ ...pack.spec, agencies });
})();
const beta = testCity('beta', 'unitary-enterprise');
const EXTRACT = 'cadastre.register-extract';
const FORM = {
  applicantType: 'individual',
  pinfl: '31507976020031',
  cadastreNumber: '10:11:12:01:02:0034:0005:001',
  propertyType: 'housing',
  area: 80,
  address: 'Bog‘iston ko‘chasi 7',
  phone: '+998901234567',
};

describe('city packs (city-kit)', function () {
  this.timeout(60_000);
  let host: TestHost;
  /** Demo staff of each city, by login, as actors. */
  const staff: Record<string, Record<string, Actor>> = {};

  before(async () => {
    host = await startTestHost({
      plugins: [gas, cadastre, alpha.plugin, beta.plugin, gamma.plugin],
      tenants: [UZBEKISTAN, ...UZBEKISTAN_REGIONS, alpha.spec.tenant, beta.spec.tenant, gamma.spec.tenant],
      enable: {
        alpha: ['agency-gas', 'agency-cadastre', 'city-alpha'],
        beta: ['agency-gas', 'agency-cadastre', 'city-beta'],
      },
    });
    for (const city of [alpha, beta]) {
      const tenantId = city.spec.tenant.id;
      staff[tenantId] = {};
      for (const { login, ...member } of city.demoStaff()) {
        const created = await host.platform.staff.create(tenantId, member);
        staff[tenantId]![login] = {
          id: created.id,
          kind: 'staff',
          roles: member.roles,
          agencyCodes: member.agencyCodes,
        };
      }
    }
  });
  after(() => host?.stop());

  async function file(tenantId: string): Promise<Inquiry> {
    const applicant = {
      type: 'individual' as const,
      pinfl: FORM.pinfl,
      lastName: 'Karimov',
      firstName: 'Aziz',
      phone: FORM.phone,
      locale: 'ru' as const,
    };
    const operator = tenantId === 'alpha' ? staff.alpha!.cadastre! : staff.beta!.front1!;
    const { inquiry } = await host.platform.engine.file(
      tenantId,
      { serviceCode: EXTRACT, applicant, formData: FORM, channel: 'desk' },
      operator,
    );
    await host.platform.outbox.runOnce(); // the invoice
    return inquiry;
  }

  /** Pays the invoice at the desk; `by` (front office) confirms the payment. */
  async function pay(tenantId: string, inquiry: Inquiry, by: Actor): Promise<Inquiry> {
    const invoice = (await host.platform.payments.invoiceFor(tenantId, inquiry.id))!;
    await host.platform.payments.payAtDesk(
      tenantId,
      invoice.id,
      { amount: invoice.total, method: 'cash' },
      staff[tenantId]!.cashier!,
    );
    const current = await host.platform.engine.get(tenantId, inquiry.id);
    const input = { action: 'confirm_payment', expectedVersion: current.version };
    return (await host.platform.engine.transition(tenantId, inquiry.id, input, by)).inquiry;
  }

  it('sets up each city: agencies under local names, the catalog, the model’s routing, the branding', async () => {
    const { platform } = host;
    for (const [tenantId, routing] of [
      ['alpha', 'candidate_role'],
      ['beta', 'round_robin'],
    ] as const) {
      const agencies = await platform.agencies.listAgencies(tenantId);
      expect(agencies.map((a) => [a.code, a.kind])).to.have.deep.members([
        ['gorgas', 'gas'],
        ['cadastre', 'cadastre'],
      ]);
      expect(agencies.find((a) => a.code === 'gorgas')!.names.ru).to.match(/^Горгаз г\. /);
      const offered = await platform.catalog.services(tenantId);
      const gasCodes = platform.services
        .list()
        .filter((s) => s.agencyKind === 'gas')
        .map((s) => s.code);
      expect(offered.filter((s) => s.agencyCode === 'gorgas').map((s) => s.serviceCode)).to.have.members(
        gasCodes,
      );
      expect(offered.find((s) => s.serviceCode === EXTRACT)?.agencyCode).to.equal('cadastre');
      const settings = await platform.tenants.effectiveSettings(tenantId);
      expect(settings['workflow']).to.deep.include({ routing });
      const branding = await platform.documents.branding(tenantId);
      expect(branding.header.en).to.deep.equal([
        `${tenantId[0]!.toUpperCase()}${tenantId.slice(1)} OSS`,
        branding.header.en![1],
      ]);
    }
    // Done by the pack, audited as the pack.
    const actions = await host.db.withTenant('alpha', (trx) =>
      trx('audit_log').where({ tenant_id: 'alpha', actor: 'plugin:city-alpha' }).pluck('action'),
    );
    expect(actions).to.include.members([
      'agency.upsert',
      'catalog.offer',
      'tenant.settings.update',
      'documents.branding.set',
    ]);
  });

  it('refuses to enable a city pack for another tenant, and sets nothing up there', async () => {
    const error = await host.platform.plugins.tenantPlugins
      .enable('beta', 'city-alpha')
      .catch((e: unknown) => e);
    expect(isDarchaError(error) && error.code).to.equal('DARCHA_CITY_PACK_WRONG_TENANT');
    expect(await host.platform.plugins.isEnabled('beta', 'city-alpha')).to.equal(false);
    const settings = await host.platform.tenants.effectiveSettings('beta');
    expect(settings['workflow']).to.deep.include({ routing: 'round_robin' });
  });

  it('refuses the enable when a setup step fails, leaving the city to be set up on the next try', async () => {
    const error = await host.platform.plugins.tenantPlugins
      .enable('gamma', 'city-gamma')
      .catch((e: unknown) => e);
    expect(isDarchaError(error) && error.code).to.equal('DARCHA_CATALOG_OVERRIDE_INVALID');
    expect(await host.platform.plugins.isEnabled('gamma', 'city-gamma')).to.equal(false);
    expect(await host.platform.tenants.ownSettings('gamma')).not.to.have.nested.property('oss.setUpBy');
  });

  it('seconded staff: the inquiry waits in its agency’s queue; only that agency’s officers take it', async () => {
    const inquiry = await file('alpha');
    expect(inquiry.assigneeId).to.equal(null);
    expect(inquiry.agencyCode).to.equal('cadastre');
    const { gorgas, cadastre: officer } = staff.alpha!;
    const refused = await host.platform.engine
      .claim('alpha', inquiry.id, inquiry.version, gorgas!)
      .catch((e: unknown) => e);
    expect(isDarchaError(refused), String(refused)).to.equal(true);
    const claimed = await host.platform.engine.claim('alpha', inquiry.id, inquiry.version, officer!);
    expect(claimed.inquiry.assigneeId).to.equal(officer!.id);
    const worked = await pay('alpha', claimed.inquiry, officer!);
    expect(worked.state).to.equal('register_check');
    // The same officer works it in the back office: nobody else is routed to it.
    expect(worked.assigneeId).to.equal(null);
    expect(worked.candidateRole).to.equal('back_office');
  });

  it('unitary enterprise: the front office receives in turn, the agency’s back office is assigned the work', async () => {
    const first = await file('beta');
    const second = await file('beta');
    const { front1, front2, cadastre: backOffice } = staff.beta!;
    expect([first.assigneeId, second.assigneeId]).to.have.members([front1!.id, front2!.id]);
    const receiver = [front1!, front2!].find((actor) => actor.id === first.assigneeId)!;
    const worked = await pay('beta', first, receiver);
    expect(worked.state).to.equal('register_check');
    expect(worked.assigneeId).to.equal(backOffice!.id);
  });
});
