import { expect } from 'chai';
import gas, { CYLINDER_STAGES, cylinderSupply, meterReadingDispute } from '../src/index.js';
import { describeForms } from './form-cases.js';
import { describeUtilityBasics } from './utility-basics-spec.js';
import { startUtilityCity, type UtilityTestCity } from './utility-test-city.js';
import { verifyPack } from './verify-pack.js';

const CADASTRE = '10:11:12:01:02:0034:0005:001';

describe('agency-gas', function () {
  this.timeout(60_000);
  let city: UtilityTestCity;

  before(async () => {
    city = await startUtilityCity([gas], { code: 'gorgas', kind: 'gas' });
  });
  after(() => city?.stop());

  it('verifies as the platform loads it', async () => {
    const { code, out } = await verifyPack('plugins/agency-gas');
    expect(out).to.include('ok: agency-gas@0.1.0, 5 services');
    expect(code).to.equal(0);
  });

  it('starts, and publishes its five services with their workflows', async () => {
    expect(city.host.report.find((entry) => entry.id === 'agency-gas')).to.include({ status: 'active' });
    const codes = city.host.registry.list().map((service) => service.code);
    expect(codes).to.have.members([
      'gas.connection',
      'gas.cylinder-supply',
      'gas.debt-information',
      'gas.meter-reading-dispute',
      'gas.no-debt-certificate',
    ]);
    for (const code of codes) {
      const service = await city.host.registry.get(code);
      expect(Object.keys(service.names), code).to.have.members(['uz-Latn', 'uz-Cyrl', 'ru', 'en']);
      expect(await city.host.platform.workflows.fetch(service.workflow, 1), code).to.include({ version: 1 });
    }
  });

  it('gives the cylinder supply its three steps: check 1, inspection 3, delivery 12 working days', async () => {
    const service = await city.host.registry.get(cylinderSupply.code);
    expect(service.sla).to.deep.equal({ unit: 'working_days', value: 16 });
    const workflow = await city.host.platform.workflows.fetch(service.workflow, 1);
    expect(CYLINDER_STAGES.map((stage) => workflow.definition.states[stage.state]?.sla?.value)).to.deep.equal(
      [1, 3, 12],
    );
  });

  describeUtilityBasics('gas', () => city, { appliances: ['stove', 'water-heater'] });

  const dispute = {
    applicantType: 'individual',
    pinfl: '31507976020031',
    account: '1002003',
    period: '2026-02',
    meterReading: 1520.4,
    billedReading: 1720,
    description: 'The bill shows 200 cubic metres more than the meter',
    phone: '+998901234567',
  };
  const cylinders = {
    pinfl: '31507976020031',
    cadastreNumber: CADASTRE,
    address: 'Chirchiq, Yoshlik mahallasi 4',
    phone: '+998901234567',
    cylinders: 2,
  };

  describeForms(() => city.host, {
    [meterReadingDispute.code]: {
      valid: [dispute],
      invalid: [
        { data: { ...dispute, period: '2026-13' }, errors: [['/period', 'pattern']] },
        { data: { ...dispute, meterReading: -1 }, errors: [['/meterReading', 'minimum']] },
        { data: { ...dispute, applicantType: 'legal_entity' }, errors: [['/tin', 'required']] },
      ],
    },
    [cylinderSupply.code]: {
      valid: [cylinders, { ...cylinders, cylinders: 1 }],
      invalid: [
        { data: { ...cylinders, cylinders: 3 }, errors: [['/cylinders', 'maximum']] },
        { data: { ...cylinders, pinfl: undefined }, errors: [['/pinfl', 'required']] },
        {
          data: { ...cylinders, cadastreNumber: '1:2:3:4:5:6:7:8' },
          errors: [['/cadastreNumber', 'format']],
        },
      ],
    },
  });

  describe('gas workflows', () => {
    it('cylinder supply: check, inspection with the contracts, delivery, each with its own due date', async () => {
      const { officer } = city.actors;
      let inquiry = await city.file(cylinderSupply.code, cylinders);
      inquiry = await city.act(inquiry, 'take_in_work', officer);
      for (const stage of CYLINDER_STAGES) {
        expect(inquiry.state).to.equal(stage.state);
        expect(inquiry.stateDueAt).to.be.instanceOf(Date);
        inquiry = await city.act(inquiry, `complete_${stage.state}`, officer);
      }
      expect(inquiry).to.include({ state: 'completed', publicStatus: 'completed' });
    });

    it('cylinder supply: rejected at the inspection, appealed, reopened at the check', async () => {
      const { officer } = city.actors;
      let inquiry = await city.file(cylinderSupply.code, cylinders);
      inquiry = await city.act(inquiry, 'take_in_work', officer);
      inquiry = await city.act(inquiry, 'complete_check', officer);
      inquiry = await city.act(inquiry, 'reject', officer, 'The kitchen has no ventilation');
      expect(inquiry.state).to.equal('rejected');
      inquiry = await city.act(inquiry, 'appeal', city.citizenActor, 'A ventilation duct has been installed');
      expect(inquiry).to.include({ state: 'check', publicStatus: 'in_progress' });
    });

    it('meter-reading dispute: filed as an appeal, inspected, the bill recalculated', async () => {
      const { officer } = city.actors;
      let inquiry = await city.file(meterReadingDispute.code, dispute);
      expect(inquiry.kind).to.equal('appeal');
      for (const action of ['take_in_work', 'complete_meter_inspection', 'complete_decision']) {
        inquiry = await city.act(inquiry, action, officer);
      }
      expect(inquiry).to.include({ state: 'completed', publicStatus: 'completed' });
    });

    it('meter-reading dispute: dismissed with the reason the citizen reads', async () => {
      const { officer } = city.actors;
      let inquiry = await city.file(meterReadingDispute.code, dispute);
      inquiry = await city.act(inquiry, 'take_in_work', officer);
      inquiry = await city.act(inquiry, 'complete_meter_inspection', officer);
      inquiry = await city.act(inquiry, 'reject', officer, 'The meter shows 1720: the bill is right');
      expect(inquiry).to.include({ state: 'rejected', publicStatus: 'rejected' });
      const history = await city.engine.publicHistory('chirchik', inquiry.id, 'en');
      const last = history[history.length - 1]!;
      expect(last).to.include({ comment: 'The meter shows 1720: the bill is right' });
      expect(last.title).to.equal('Dismiss the appeal');
    });
  });
});
