import type { Desk } from '@darcha/core';
import { ADMIN_ACCESS, auditActor } from '../admin-access.js';
import { PAGE_QUERY_PROPERTIES, pageOf, pageSchema, type PageQuery } from '../admin-page.js';
import { DESK, agencyCode, deskCode, localizedText, paramsOf } from '../admin-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';

const TAG = 'Agencies and desks';

const DESK_FIELDS = {
  names: localizedText(300),
  agencyCode: {
    anyOf: [agencyCode, { type: 'null' }],
    description: 'The agency whose seconded staff sit at this window; null for the hall’s own front office.',
  },
  active: { type: 'boolean' },
};

const codeParams = paramsOf({ code: deskCode });

export const deskRoutes: AnyRoute[] = [
  defineRoute<Record<string, string>, PageQuery & { agencyCode?: string; active?: boolean }>({
    method: 'get',
    path: '/desks',
    operationId: 'listDesks',
    summary: 'List the desks of the hall',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.anyStaff,
    schemas: {
      query: objectSchema({ agencyCode, active: { type: 'boolean' }, ...PAGE_QUERY_PROPERTIES }),
      responses: { 200: { description: 'A page of desks, by code.', schema: pageSchema(DESK) } },
    },
    async handler({ platform, tenantId, query }) {
      const { agencyCode: agency, active, ...page } = query;
      const desks = (await platform.agencies.listDesks(tenantId)).filter(
        (d) =>
          (agency === undefined || d.agencyCode === agency) && (active === undefined || d.active === active),
      );
      return { body: pageOf(desks, (d) => [d.code], page) };
    },
  }),

  defineRoute<{ code: string }>({
    method: 'get',
    path: '/desks/:code',
    operationId: 'getDesk',
    summary: 'Read a desk',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.anyStaff,
    schemas: { params: codeParams, responses: { 200: { description: 'The desk.', schema: DESK } } },
    async handler({ platform, tenantId, params }) {
      return { body: await platform.agencies.getDesk(tenantId, params.code) };
    },
  }),

  defineRoute<Record<string, string>, Record<string, unknown>, Pick<Desk, 'code' | 'names'> & Partial<Desk>>({
    method: 'post',
    path: '/desks',
    operationId: 'createDesk',
    summary: 'Add a desk to the hall',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      body: objectSchema({ code: deskCode, ...DESK_FIELDS }, ['code', 'names']),
      responses: {
        201: { description: 'Created; Location names it.', schema: DESK },
        404: { description: 'The agency named does not exist in the city (DARCHA_AGENCY_NOT_FOUND).' },
        409: { description: 'The hall has a desk with this code (DARCHA_AGENCY_DESK_EXISTS).' },
      },
    },
    async handler({ platform, tenantId, body, principal }) {
      const desk = await platform.agencies.upsertDesk(
        tenantId,
        { agencyCode: null, active: true, ...body },
        { ...auditActor(principal), mode: 'create' },
      );
      return { status: 201, headers: { Location: `/api/v1/desks/${desk.code}` }, body: desk };
    },
  }),

  defineRoute<{ code: string }, Record<string, unknown>, Partial<Omit<Desk, 'code'>>>({
    method: 'patch',
    path: '/desks/:code',
    operationId: 'updateDesk',
    summary: 'Change a desk',
    description: 'Fields left out stay as they are. Set active false to close the window.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      params: codeParams,
      body: objectSchema(DESK_FIELDS, [], { minProperties: 1 }),
      responses: { 200: { description: 'The desk as it is now.', schema: DESK } },
    },
    async handler({ platform, tenantId, params, body, principal }) {
      const current = await platform.agencies.getDesk(tenantId, params.code);
      const desk = await platform.agencies.upsertDesk(
        tenantId,
        { ...current, ...body, code: current.code },
        { ...auditActor(principal), mode: 'update' },
      );
      return { body: desk };
    },
  }),
];
