import type { CreateStaffInput, StaffCredentialsInput, UpdateStaffInput } from '@darcha/core';
import { ADMIN_ACCESS, auditActor } from '../admin-access.js';
import { PAGE_QUERY_PROPERTIES, pageOf, pageSchema, type PageQuery } from '../admin-page.js';
import { STAFF_MEMBER, agencyCode, deskCode, staffRole } from '../admin-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { idParams } from '../schemas.js';

const TAG = 'Staff';

const STAFF_FIELDS = {
  displayName: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
  roles: {
    type: 'array',
    minItems: 1,
    maxItems: 50,
    uniqueItems: true,
    items: staffRole,
    description:
      'Core roles (front_office, back_office, supervisor, cashier, auditor, city_admin) and plugin roles <plugin-id>/<role>.',
  },
  agencyCodes: {
    type: 'array',
    maxItems: 100,
    uniqueItems: true,
    items: agencyCode,
    description: 'The agencies the officer works for; empty: every agency.',
  },
  deskCodes: {
    type: 'array',
    maxItems: 50,
    uniqueItems: true,
    items: deskCode,
    description: 'The desks (windows) of the hall the member sits at.',
  },
  active: { type: 'boolean' },
};

export const staffRoutes: AnyRoute[] = [
  defineRoute<Record<string, string>, PageQuery & { role?: string; agencyCode?: string; active?: boolean }>({
    method: 'get',
    path: '/staff',
    operationId: 'listStaff',
    summary: 'List the city’s staff',
    description:
      'By name. Filters: role, agencyCode (staff serving every agency are included), active. Logins and ' +
      'passwords are never shown.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.staffReaders,
    schemas: {
      query: objectSchema({
        role: staffRole,
        agencyCode,
        active: { type: 'boolean' },
        ...PAGE_QUERY_PROPERTIES,
      }),
      responses: { 200: { description: 'A page of staff members.', schema: pageSchema(STAFF_MEMBER) } },
    },
    async handler({ platform, tenantId, query }) {
      const { limit, cursor, ...filters } = query;
      const staff = await platform.staff.list(tenantId, filters);
      return { body: pageOf(staff, (s) => [s.displayName, s.id], { limit, cursor }) };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'get',
    path: '/staff/:id',
    operationId: 'getStaffMember',
    summary: 'Read a staff member',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.staffReaders,
    schemas: {
      params: idParams,
      responses: { 200: { description: 'The staff member.', schema: STAFF_MEMBER } },
    },
    async handler({ platform, tenantId, params }) {
      return { body: await platform.staff.get(tenantId, params.id) };
    },
  }),

  defineRoute<Record<string, string>, Record<string, unknown>, CreateStaffInput>({
    method: 'post',
    path: '/staff',
    operationId: 'createStaffMember',
    summary: 'Add a staff member',
    description:
      'The member cannot sign in until a login and password are set (PUT /staff/{id}/credentials).',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      body: objectSchema(STAFF_FIELDS, ['displayName', 'roles']),
      responses: { 201: { description: 'Created; Location names it.', schema: STAFF_MEMBER } },
    },
    async handler({ platform, tenantId, body, principal }) {
      const member = await platform.staff.create(tenantId, body, auditActor(principal));
      return { status: 201, headers: { Location: `/api/v1/staff/${member.id}` }, body: member };
    },
  }),

  defineRoute<{ id: string }, Record<string, unknown>, UpdateStaffInput>({
    method: 'patch',
    path: '/staff/:id',
    operationId: 'updateStaffMember',
    summary: 'Change a staff member',
    description: 'Fields left out stay as they are; roles and agencyCodes are replaced as a whole.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      params: idParams,
      body: objectSchema(STAFF_FIELDS, [], { minProperties: 1 }),
      responses: { 200: { description: 'The staff member as they are now.', schema: STAFF_MEMBER } },
    },
    async handler({ platform, tenantId, params, body, principal }) {
      return { body: await platform.staff.update(tenantId, params.id, body, auditActor(principal)) };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'post',
    path: '/staff/:id/deactivation',
    operationId: 'deactivateStaffMember',
    summary: 'Deactivate a staff member',
    description:
      'The member is never routed work again; their history, roles and absences are kept. Deactivating an inactive ' +
      'member changes nothing. PATCH active: true brings them back.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    bodyType: 'none',
    schemas: {
      params: idParams,
      responses: { 200: { description: 'The staff member, inactive.', schema: STAFF_MEMBER } },
    },
    async handler({ platform, tenantId, params, principal }) {
      return { body: await platform.staff.deactivate(tenantId, params.id, auditActor(principal)) };
    },
  }),

  defineRoute<{ id: string }, Record<string, unknown>, StaffCredentialsInput>({
    method: 'put',
    path: '/staff/:id/credentials',
    operationId: 'setStaffCredentials',
    summary: 'Set a staff member’s login and password',
    description:
      'Replaces any earlier login and password, clears a lockout and ends the member’s open sessions. The login is ' +
      'stored lowercase and is unique within the city; the password needs 10 to 200 characters and is never shown ' +
      'or logged.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      params: idParams,
      body: objectSchema(
        {
          login: { type: 'string', minLength: 3, maxLength: 100 },
          password: { type: 'string', minLength: 1, maxLength: 200, writeOnly: true },
        },
        ['login', 'password'],
      ),
      responses: {
        204: { description: 'Set.' },
        409: {
          description: 'Another staff member of the city has this login (DARCHA_IDENTITY_LOGIN_TAKEN).',
        },
      },
    },
    async handler({ platform, tenantId, params, body, principal }) {
      await platform.identity.setStaffCredentials(tenantId, params.id, body, auditActor(principal));
      return { status: 204 };
    },
  }),
];
