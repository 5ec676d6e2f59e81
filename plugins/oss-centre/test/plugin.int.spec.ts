import { expect } from 'chai';
import { isDarchaError, type ApplicantCategory, type ApplicantType } from '@darcha/core';
import { describeForms } from '../../agency-gas/test/form-cases.js';
import { verifyPack } from '../../agency-gas/test/verify-pack.js';
import { computerServices, roomRental } from '../src/index.js';
import { DJIZAK, TIN, booking, dayAhead, startOssCities, type OssCities } from './oss-city.js';

const BHM_2025 = 412_000;
const date = dayAhead(30);
const company = { ...booking(date, 17, 1), applicantType: 'legal_entity', pinfl: undefined, tin: TIN };
const printing = { applicantType: 'individual', pinfl: '31507976020031', kind: 'printing', quantity: 10 };

describe('oss-centre', function () {
  this.timeout(60_000);
  let cities: OssCities;

  before(async () => {
    cities = await startOssCities();
  });
  after(() => cities?.stop());

  /** The fee as the FeeService quotes it in Djizak today, at the desk. */
  function quote(
    serviceCode: string,
    formData: Record<string, unknown>,
    applicantType: ApplicantType = 'individual',
    categories?: ApplicantCategory[],
  ) {
    return cities.host.platform.fees.quote(DJIZAK, {
      serviceCode,
      formData,
      channel: 'desk',
      applicantType,
      ...(categories ? { categories } : {}),
    });
  }

  it('verifies as the platform loads it', async () => {
    const { code, out } = await verifyPack('plugins/oss-centre');
    expect(out).to.include('ok: oss-centre@0.1.0, 2 services');
    expect(code).to.equal(0);
  });

  it('publishes both services for the OSS (agency kind oss) in four locales, with their SLAs and workflows', async () => {
    expect(cities.host.report.map((entry) => [entry.id, entry.status])).to.deep.equal([
      ['oss-centre', 'active'],
    ]);
    const services = cities.host.registry.list().filter((service) => service.agencyKind === 'oss');
    expect(
      services.map((s) => [s.code, s.sla.unit, s.sla.value, s.workflow, s.category]),
    ).to.have.deep.members([
      ['oss.room-rental', 'working_days', 1, 'oss-centre/room-rental', 'oss-services.rooms'],
      ['oss.computer-services', 'working_hours', 1, 'oss-centre/computer-services', 'oss-services.computer'],
    ]);
    for (const service of services) {
      for (const text of [service.names, service.descriptions!]) {
        expect(Object.keys(text), service.code).to.have.members(['uz-Latn', 'uz-Cyrl', 'ru', 'en']);
      }
      expect(service.fee, service.code).to.include({ free: false, tenantOverridable: true });
      const workflow = await cities.host.platform.workflows.fetch(service.workflow, 1);
      for (const state of Object.values(workflow.definition.states)) {
        expect(Object.keys(state.names), service.code).to.have.members(['uz-Latn', 'uz-Cyrl', 'ru', 'en']);
      }
    }
  });

  describe('fees (assumed tariffs, in BHM)', () => {
    it('charges the room 0.1 BHM an hour: 3 hours are 123,600 soums with the 2025 BHM', async () => {
      const q = await quote(roomRental.code, booking(date, 10, 3));
      expect(q.breakdown.bhm?.value).to.equal(BHM_2025);
      expect(q.breakdown.multiplier).to.equal(0.1);
      expect(q.breakdown.units).to.deep.equal({ count: 3, unit: 'hour' });
      expect(q.breakdown.unitAmount).to.equal(41_200);
      expect(q.total).to.equal(123_600);
      expect(q.invoiceAt).to.equal('effect');
      expect(q.lines[0]!.description.ru).to.equal('Почасовая аренда учебного зала — час');
      const day = await quote(roomRental.code, company, 'legal_entity');
      expect(day.total).to.equal(41_200);
    });

    it('halves the room for the social register', async () => {
      const q = await quote(roomRental.code, booking(date, 9, 8), 'individual', ['social-register']);
      expect(q.breakdown.subtotal).to.equal(8 * 41_200);
      expect(q.breakdown.discount).to.include({ category: 'social-register', percent: 50 });
      expect(q.total).to.equal(164_800);
    });

    it('charges computer work per page or per hour by its kind', async () => {
      const cases: [string, number, string, number, number][] = [
        ['printing', 10, 'printing', 0.002, 8_240],
        ['scanning', 1, 'scanning', 0.002, 824],
        ['typing', 3, 'typing', 0.01, 12_360],
        ['internet', 2, 'internet', 0.015, 12_360],
      ];
      for (const [kind, quantity, tier, multiplier, total] of cases) {
        const q = await quote(computerServices.code, { ...printing, kind, quantity });
        expect([q.breakdown.tier?.id, q.breakdown.multiplier, q.breakdown.units?.count], kind).to.deep.equal([
          tier,
          multiplier,
          quantity,
        ]);
        expect(q.total, kind).to.equal(Math.round(BHM_2025 * multiplier) * quantity);
        expect(q.total, kind).to.equal(total);
      }
    });

    it('refuses a quote without a number of units', async () => {
      const error = await quote(computerServices.code, { ...printing, quantity: undefined }).catch(
        (e: unknown) => e,
      );
      expect(isDarchaError(error, 'DARCHA_FEE_UNITS_INVALID')).to.equal(true);
    });
  });

  const roomValid = booking(date, 10, 3);
  describeForms(() => cities.host, {
    [roomRental.code]: {
      valid: [roomValid, company, booking(date, 9, 8), booking(date, 11, 7, { room: 'conference-hall' })],
      invalid: [
        { data: { ...roomValid, hours: 9 }, errors: [['/hours', 'maximum']] },
        { data: { ...roomValid, hours: 0 }, errors: [['/hours', 'minimum']] },
        { data: { ...roomValid, startHour: 8 }, errors: [['/startHour', 'minimum']] },
        { data: { ...roomValid, startHour: 18, hours: 1 }, errors: [['/startHour', 'maximum']] },
        { data: { ...roomValid, startHour: 15, hours: 4 }, errors: [['/hours', 'maximum']] },
        { data: { ...roomValid, startHour: 10.5 }, errors: [['/startHour', 'type']] },
        { data: { ...roomValid, date: '2026-02-30' }, errors: [['/date', 'format']] },
        { data: { ...roomValid, date: '15.12.2026' }, errors: [['/date', 'format']] },
        { data: { ...roomValid, room: 'Training Room' }, errors: [['/room', 'pattern']] },
        { data: { ...roomValid, participants: 0 }, errors: [['/participants', 'minimum']] },
        { data: { ...roomValid, purpose: undefined }, errors: [['/purpose', 'required']] },
        {
          data: { ...roomValid, pinfl: '123', phone: '901234567' },
          errors: [
            ['/pinfl', 'format'],
            ['/phone', 'format'],
          ],
        },
        { data: { ...company, tin: undefined }, errors: [['/tin', 'required']] },
      ],
    },
    [computerServices.code]: {
      valid: [
        printing,
        { ...printing, kind: 'internet', quantity: 9, phone: '+998901234567' },
        {
          ...printing,
          applicantType: 'legal_entity',
          pinfl: undefined,
          tin: TIN,
          kind: 'typing',
          details: 'Contract, 3 pages',
        },
      ],
      invalid: [
        { data: { ...printing, kind: 'faxing' }, errors: [['/kind', 'enum']] },
        { data: { ...printing, quantity: 0 }, errors: [['/quantity', 'minimum']] },
        { data: { ...printing, quantity: 501 }, errors: [['/quantity', 'maximum']] },
        { data: { ...printing, kind: 'internet', quantity: 10 }, errors: [['/quantity', 'maximum']] },
        { data: { ...printing, quantity: undefined }, errors: [['/quantity', 'required']] },
        { data: { ...printing, colour: true }, errors: [['/colour', 'additionalProperties']] },
        { data: { ...printing, pinfl: undefined }, errors: [['/pinfl', 'required']] },
      ],
    },
  });
});
