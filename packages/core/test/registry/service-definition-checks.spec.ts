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
      rule: 'core/schedule',
      params: { amount: { sum: 50_000 }, perUnit: { field: '/hours', unit: 'hour', min: 1, max: 12 } },
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

  it('wants the schedule rule for a paid fee and none for a free one', () => {
    expect(serviceDefinitionProblems({ ...roomRental(), fee: { free: false } })).to.deep.equal([
      '/fee/rule: is required for a paid service: "core/schedule" (or set fee.free to true)',
    ]);
    expect(
      serviceDefinitionProblems({
        ...roomRental(),
        fee: { free: false, rule: 'agency-cadastre/extract-by-area' },
      }),
    ).to.deep.equal([
      '/fee/rule: must be "core/schedule" (a fee is data: give the schedule as fee.params), not "agency-cadastre/extract-by-area"',
    ]);
    expect(
      serviceDefinitionProblems({ ...roomRental(), fee: { free: false, rule: 'core/schedule' } }),
    ).to.deep.equal([
      '/fee/params: is required for a paid service: the fee schedule (amount, tiers, channels, perUnit, discounts)',
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

  it('checks the shape of the fee schedule, naming the field inside it', () => {
    const problems = serviceDefinitionProblems({
      ...roomRental(),
      fee: {
        free: false,
        rule: 'core/schedule',
        params: {
          amount: { bhm: 1, sum: 5 },
          perHour: 50_000,
          discounts: [{ category: 'veteran', percent: 50 }],
        },
      },
    });
    expect(problems).to.have.members([
      '/fee/params/amount: must give exactly one of bhm (a multiple of the BHM) and sum (whole soums)',
      '/fee/params/perHour: is not a known field; remove it or check its spelling',
      '/fee/params/discounts/0/category: must be one of: "social-register", "disability-1", "disability-2"',
    ]);
  });

  it('checks what the schedule schema cannot say', () => {
    const problems = serviceDefinitionProblems({
      ...roomRental(),
      fee: {
        free: false,
        rule: 'core/schedule',
        params: {
          tiers: [
            { id: 'small', when: [{ field: '/hours', max: 2 }], amount: { bhm: 0.12345 } },
            { id: 'small', when: [{ field: '/guests', min: 5, max: 1 }], amount: { sum: 1 } },
            { id: 'firm', when: [{ field: '$applicantType', equals: 'company' }], amount: { bhm: 1 } },
            {
              id: 'web',
              when: [{ field: '$channel', in: ['online'] }, { field: '/hours' }],
              amount: { bhm: 1 },
            },
          ],
          channels: { online: { bhm: 0.5 } },
          perUnit: { field: '/rooms', unit: 'room', min: 5, max: 2 },
          discounts: [
            { category: 'disability-1', percent: 33.333 },
            { category: 'disability-1', percent: 50 },
          ],
        },
      },
    });
    expect(problems).to.deep.equal([
      '/fee/params/tiers/0/amount/bhm: 0.12345 has more than 4 decimals (write 0.1825, not 0.18251)',
      '/fee/params/tiers/1/id: "small" is used by an earlier tier',
      '/fee/params/tiers/1/when/0/min: 5 is above max (1), so the condition never holds',
      '/fee/params/tiers/1/when/0/field: the form has no field /guests',
      '/fee/params/tiers/2/when/0/equals: "company" is not a possible $applicantType of the service (individual, legal_entity)',
      '/fee/params/tiers/3/when/0/in/0: "online" is not a possible $channel of the service (desk)',
      '/fee/params/tiers/3/when/1: tests nothing: give equals, in, min or max',
      '/fee/params/channels/online: the service is not offered through channel "online" (it has desk)',
      '/fee/params/perUnit/min: 5 is above perUnit.max (2)',
      '/fee/params/perUnit/field: the form has no field /rooms',
      '/fee/params/discounts/0/percent: 33.333 has more than 2 decimals',
      '/fee/params/discounts/1/category: "disability-1" is discounted by an earlier entry',
    ]);
  });

  it('accepts every kind of schedule the issue names', () => {
    const schedules: Array<Record<string, unknown>> = [
      { amount: { sum: 25_000 } },
      { amount: { bhm: 0.18 } },
      { channels: { desk: { bhm: 1 } } },
      {
        tiers: [
          {
            id: 'legal-entity',
            when: [{ field: '$applicantType', equals: 'legal_entity' }],
            amount: { bhm: 5 },
          },
          { id: 'up-to-100', when: [{ field: '/hours', max: 100 }], amount: { bhm: 1.25 } },
        ],
        discounts: [{ category: 'social-register', percent: 50 }],
        partialPayments: true,
        payableDays: 10,
        invoiceAt: 'effect',
      },
    ];
    for (const params of schedules) {
      expect(
        serviceDefinitionProblems({ ...roomRental(), fee: { free: false, rule: 'core/schedule', params } }),
      ).to.deep.equal([]);
    }
  });

  it('wants some amount in a schedule', () => {
    expect(
      serviceDefinitionProblems({ ...roomRental(), fee: { free: false, rule: 'core/schedule', params: {} } }),
    ).to.deep.equal([
      '/fee/params/amount: is required when the schedule has no tiers and no channel amounts',
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
