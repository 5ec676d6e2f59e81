import type { Agency } from '@darcha/core';
import { ADMIN_ACCESS, auditActor } from '../admin-access.js';
import { PAGE_QUERY_PROPERTIES, pageOf, pageSchema, type PageQuery } from '../admin-page.js';
import { AGENCY, agencyCode, localizedText, paramsOf } from '../admin-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';

const TAG = 'Agencies and desks';
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const time = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' };

/** The fields of an agency a city admin writes; the code is the agency's id within the city. */
const AGENCY_FIELDS = {
  kind: { ...agencyCode, description: 'Matches the services’ agencyKind: gas, electricity, water, tax ...' },
  names: localizedText(300),
  contacts: objectSchema({
    phone: { type: 'string', pattern: '^\\+?[0-9][0-9 ()-]{4,30}$' },
    email: { type: 'string', format: 'email', maxLength: 254 },
    address: localizedText(300),
  }),
  workingHours: objectSchema(
    Object.fromEntries(
      WEEKDAYS.map((day) => [day, { type: 'array', prefixItems: [time, time], minItems: 2, items: false }]),
    ),
    [],
    { description: 'Opening hours per weekday, ["09:00", "18:00"]; a day left out is closed.' },
  ),
  active: { type: 'boolean' },
};

const codeParams = paramsOf({ code: agencyCode });
type AgencyPatch = Partial<Omit<Agency, 'code'>>;
type NewAgency = Pick<Agency, 'code' | 'kind' | 'names'> & AgencyPatch;

export const agencyRoutes: AnyRoute[] = [
  defineRoute<Record<string, string>, PageQuery & { kind?: string; active?: boolean }>({
    method: 'get',
    path: '/agencies',
    operationId: 'listAgencies',
    summary: 'List the city’s agencies',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.anyStaff,
    schemas: {
      query: objectSchema({ kind: agencyCode, active: { type: 'boolean' }, ...PAGE_QUERY_PROPERTIES }),
      responses: { 200: { description: 'A page of agencies, by code.', schema: pageSchema(AGENCY) } },
    },
    async handler({ platform, tenantId, query }) {
      const { kind, active, ...page } = query;
      const agencies = (await platform.agencies.listAgencies(tenantId)).filter(
        (a) => (kind === undefined || a.kind === kind) && (active === undefined || a.active === active),
      );
      return { body: pageOf(agencies, (a) => [a.code], page) };
    },
  }),

  defineRoute<{ code: string }>({
    method: 'get',
    path: '/agencies/:code',
    operationId: 'getAgency',
    summary: 'Read an agency',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.anyStaff,
    schemas: { params: codeParams, responses: { 200: { description: 'The agency.', schema: AGENCY } } },
    async handler({ platform, tenantId, params }) {
      return { body: await platform.agencies.getAgency(tenantId, params.code) };
    },
  }),

  defineRoute<Record<string, string>, Record<string, unknown>, NewAgency>({
    method: 'post',
    path: '/agencies',
    operationId: 'createAgency',
    summary: 'Add an agency to the city',
    description: 'An agency as the city names it: Gorgas is Chirchik’s gas agency (kind gas).',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      body: objectSchema({ code: agencyCode, ...AGENCY_FIELDS }, ['code', 'kind', 'names']),
      responses: {
        201: { description: 'Created; Location names it.', schema: AGENCY },
        409: { description: 'The city has an agency with this code (DARCHA_AGENCY_EXISTS).' },
      },
    },
    async handler({ platform, tenantId, body, principal }) {
      const agency = await platform.agencies.upsertAgency(
        tenantId,
        { contacts: {}, workingHours: {}, active: true, ...body },
        { ...auditActor(principal), mode: 'create' },
      );
      return { status: 201, headers: { Location: `/api/v1/agencies/${agency.code}` }, body: agency };
    },
  }),

  defineRoute<{ code: string }, Record<string, unknown>, AgencyPatch>({
    method: 'patch',
    path: '/agencies/:code',
    operationId: 'updateAgency',
    summary: 'Change an agency',
    description:
      'Fields left out stay as they are; contacts and workingHours are replaced as a whole. Its kind cannot change ' +
      'while the catalog routes services through it (409 DARCHA_AGENCY_IN_USE). Set active false to retire it.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      params: codeParams,
      body: objectSchema(AGENCY_FIELDS, [], { minProperties: 1 }),
      responses: {
        200: { description: 'The agency as it is now.', schema: AGENCY },
        409: { description: 'The kind cannot change (DARCHA_AGENCY_IN_USE).' },
      },
    },
    async handler({ platform, tenantId, params, body, principal }) {
      const current = await platform.agencies.getAgency(tenantId, params.code);
      const agency = await platform.agencies.upsertAgency(
        tenantId,
        { ...current, ...body, code: current.code },
        { ...auditActor(principal), mode: 'update' },
      );
      return { body: agency };
    },
  }),
];
