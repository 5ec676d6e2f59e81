import { expect } from 'chai';
import gas from '../../agency-gas/src/index.js';
import { describeUtilityBasics } from '../../agency-gas/test/utility-basics-spec.js';
import { startUtilityCity, type UtilityTestCity } from '../../agency-gas/test/utility-test-city.js';
import { verifyPack } from '../../agency-gas/test/verify-pack.js';
import electricity from '../src/index.js';

describe('agency-electricity', function () {
  this.timeout(60_000);
  let city: UtilityTestCity;

  before(async () => {
    city = await startUtilityCity([gas, electricity], { code: 'gorelektroset', kind: 'electricity' });
  });
  after(() => city?.stop());

  it('verifies as the platform loads it', async () => {
    const { code, out } = await verifyPack('plugins/agency-electricity');
    expect(out).to.include('ok: agency-electricity@0.1.0, 3 services');
    expect(code).to.equal(0);
  });

  it('starts after the gas pack whose utility kit it uses, and publishes its three services', async () => {
    expect(city.host.report.map((entry) => [entry.id, entry.status])).to.deep.equal([
      ['agency-gas', 'active'],
      ['agency-electricity', 'active'],
    ]);
    const codes = city.host.registry.list().filter((service) => service.agencyKind === 'electricity');
    expect(codes.map((service) => service.code)).to.have.members([
      'electricity.connection',
      'electricity.debt-information',
      'electricity.no-debt-certificate',
    ]);
    // services.md: connection *assumed* 10 working days, free through the online platform.
    const connection = await city.host.registry.get('electricity.connection');
    expect(connection.sla).to.deep.equal({ unit: 'working_days', value: 10 });
    expect(connection.fee).to.deep.equal({ free: true });
  });

  describeUtilityBasics('electricity', () => city, { requestedPowerKw: 15 });
});
