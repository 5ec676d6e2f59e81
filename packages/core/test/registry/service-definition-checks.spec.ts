import { expect } from 'chai';
import { serviceDefinitionProblems } from '../../src/registry/service-definition-checks.js';
import type { ServiceDefinition } from '../../src/registry/types.js';

function roomRental(): ServiceDefinition {
  return {
    code: 'oss.room-rental',
    version: 1,
    names: { 'uz-Latn': 'Xona ijarasi', 'uz-Cyrl': 'Хона ижараси', ru: 'Аренда зала', en: 'Room rental' },
    category: 'oss-services',
    agencyKind: 'oss',
    applicantTypes: ['individual', 'legal_entity'],
    kind: 'service',
    channels: ['desk'],
    form: {
      type: 'object',
      properties: { date: { type: 'string', format: 'date' }, hours: { type: 'integer' } },
    },
    ui: { date: { widget: 'date' }, hours: { widget: 'number' } },
    documents: [],
    fee: {
      free: false,
      rule: 'city-djizak/room-per-hour',
      params: { perHour: 50_000 },
      tenantOverridable: true,
    },
    sla: { unit: 'working_days', value: 1 },
    workflow: 'city-djizak/booking',
  };
}

describe('service definition checks', () => {
  it('finds nothing wrong with a sound definition', () => {
    expect(serviceDefinitionProblems(roomRental())).to.deep.equal([]);
  });

  it('reports only shape problems while the shape is wrong', () => {
    expect(serviceDefinitionProblems({ ...roomRental(), version: 'one' })).to.deep.equal([
      '/version: must be integer',
    ]);
  });

  it('keeps the SLA value within its bounds and asks for both bounds', () => {
    expect(
      serviceDefinitionProblems({ ...roomRental(), sla: { unit: 'working_days', value: 5, min: 1, max: 3 } }),
    ).to.deep.equal(['/sla/value: 5 is outside sla.min..sla.max (1..3)']);
    expect(
      serviceDefinitionProblems({ ...roomRental(), sla: { unit: 'working_days', value: 2, min: 3, max: 1 } }),
    ).to.deep.equal(['/sla/min: 3 is above sla.max (1)']);
    expect(
      serviceDefinitionProblems({ ...roomRental(), sla: { unit: 'working_days', value: 2, min: 1 } }),
    ).to.deep.equal(['/sla/max: is required when the other bound is given (give both or neither)']);
  });

  it('wants a rule for a paid fee and none for a free one', () => {
    expect(serviceDefinitionProblems({ ...roomRental(), fee: { free: false } })).to.deep.equal([
      '/fee/rule: is required for a paid service (or set fee.free to true)',
    ]);
    expect(
      serviceDefinitionProblems({
        ...roomRental(),
        fee: { free: true, rule: 'a/b', tenantOverridable: true },
      }),
    ).to.deep.equal([
      '/fee/rule: a free service has no fee rule',
      '/fee/tenantOverridable: a free service has no fee to override',
    ]);
  });

  it('lists every semantic problem, each naming its field', () => {
    const definition: ServiceDefinition = {
      ...roomRental(),
      form: { type: 'array' },
      ui: { purpose: { widget: 'textarea' } },
      documents: [
        { code: 'letter', names: { en: 'Letter' }, accept: ['application/pdf'], maxBytes: 1000 },
        { code: 'letter', names: { en: 'Letter again' }, accept: ['image/png'], maxBytes: 1000 },
      ],
      sla: { unit: 'working_hours', value: 9, min: 1, max: 8 },
    };
    expect(serviceDefinitionProblems(definition)).to.deep.equal([
      '/form/type: must be "object" (an application is an object of fields)',
      '/ui/purpose: the form has no field "purpose"',
      '/sla/value: 9 is outside sla.min..sla.max (1..8)',
      '/documents/1/code: "letter" is listed more than once',
    ]);
  });
});
