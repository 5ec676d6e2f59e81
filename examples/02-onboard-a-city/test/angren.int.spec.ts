import { expect } from 'chai';
import { UZBEKISTAN, UZBEKISTAN_REGIONS, uzbekistanCalendar } from '@darcha/city-kit';
import type { Actor } from '@darcha/core';
import cadastre from '@darcha/plugin-agency-cadastre';
import electricity from '@darcha/plugin-agency-electricity';
import gas from '@darcha/plugin-agency-gas';
import water from '@darcha/plugin-agency-water';
import { startTestHost, type TestHost } from '@darcha/testing';
import { angren } from '../src/angren.js';

describe('example 02: onboarding Angren', function () {
  this.timeout(60_000);
  let host: TestHost;
  let staff: Record<string, Actor>;

  before(async () => {
    host = await startTestHost({
      plugins: [gas, electricity, water, cadastre, angren.plugin],
      tenants: [UZBEKISTAN, ...UZBEKISTAN_REGIONS, angren.spec.tenant],
      enable: { angren: [...angren.spec.dependsOn.map((d) => d.id), angren.spec.id] },
    });
    await host.platform.calendars.set('uz', uzbekistanCalendar(), 'onboarding');
    staff = {};
    for (const { login, ...member } of angren.demoStaff()) {
      const { id } = await host.platform.staff.create('angren', member);
      staff[login] = { id, kind: 'staff', roles: member.roles, agencyCodes: member.agencyCodes };
    }
  });
  after(() => host?.stop());

  it('starts with the city pack active and the city set up', async () => {
    expect(host.report.find((entry) => entry.id === 'city-angren')?.status).to.equal('active');
    const agencies = await host.platform.agencies.listAgencies('angren');
    expect(agencies.map((a) => a.code)).to.have.members([
      'gorgas',
      'gorelektroset',
      'gorvodokanal',
      'cadastre',
    ]);
    const extract = await host.platform.catalog.service('angren', 'cadastre.register-extract');
    expect([extract.agencyCode, extract.sla.value]).to.deep.equal(['cadastre', 5]);
    const calendar = await host.platform.calendars.get('angren');
    expect(calendar.isWorkingDay('2026-03-20')).to.equal(false); // Ramazon hayit, inherited from uz
  });

  it('files an inquiry at the front office: an ANG tracking number, routed to the Gorgas back office', async () => {
    const { inquiry } = await host.platform.engine.file(
      'angren',
      {
        serviceCode: 'gas.no-debt-certificate',
        applicant: {
          type: 'individual',
          pinfl: '31507976020031',
          lastName: 'Rahimova',
          firstName: 'Dilnoza',
          phone: '+998901234567',
          locale: 'uz-Latn',
        },
        formData: {
          applicantType: 'individual',
          pinfl: '31507976020031',
          account: '1002003',
          phone: '+998901234567',
        },
        channel: 'desk',
      },
      staff['front1']!,
    );
    expect(inquiry.trackingNumber).to.match(/^ANG-\d{4}-000001$/);
    expect(inquiry.agencyCode).to.equal('gorgas');
    expect(inquiry.assigneeId).to.equal(staff['gorgas']!.id);
  });
});
