import type { AbsenceInput } from '@darcha/core';
import { ADMIN_ACCESS, auditActor } from '../admin-access.js';
import { PAGE_QUERY_PROPERTIES, pageOf, pageSchema, type PageQuery } from '../admin-page.js';
import { ABSENCE, paramsOf } from '../admin-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { dateTime, idParams, uuid } from '../schemas.js';

const TAG = 'Staff';

export const staffAbsenceRoutes: AnyRoute[] = [
  defineRoute<{ id: string }, PageQuery>({
    method: 'get',
    path: '/staff/:id/absences',
    operationId: 'listStaffAbsences',
    summary: 'List a staff member’s absences',
    description: 'Past, current and planned, earliest first.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.staffReaders,
    schemas: {
      params: idParams,
      query: objectSchema({ ...PAGE_QUERY_PROPERTIES }),
      responses: { 200: { description: 'A page of absences.', schema: pageSchema(ABSENCE) } },
    },
    async handler({ platform, tenantId, params, query }) {
      const absences = await platform.staff.absences(tenantId, params.id);
      return { body: pageOf(absences, (a) => [a.startsAt.toISOString(), a.id], query) };
    },
  }),

  defineRoute<{ id: string }, Record<string, unknown>, Omit<AbsenceInput, 'staffId'>>({
    method: 'post',
    path: '/staff/:id/absences',
    operationId: 'addStaffAbsence',
    summary: 'Record an absence',
    description:
      'The officer is away from startsAt (included) to endsAt (excluded); the delegate, an active colleague, acts for ' +
      'them meanwhile. Absences of one officer may not overlap (409 DARCHA_STAFF_ABSENCE_OVERLAP).',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.supervisors,
    schemas: {
      params: idParams,
      body: objectSchema(
        {
          startsAt: dateTime,
          endsAt: dateTime,
          delegateId: { anyOf: [uuid, { type: 'null' }] },
          reason: { anyOf: [{ type: 'string', maxLength: 500 }, { type: 'null' }] },
        },
        ['startsAt', 'endsAt'],
      ),
      responses: {
        201: { description: 'Recorded.', schema: ABSENCE },
        409: { description: 'It overlaps another absence of the officer.' },
      },
    },
    async handler({ platform, tenantId, params, body, principal }) {
      const absence = await platform.staff.addAbsence(
        tenantId,
        { ...body, staffId: params.id },
        auditActor(principal),
      );
      return {
        status: 201,
        headers: { Location: `/api/v1/staff/${params.id}/absences/${absence.id}` },
        body: absence,
      };
    },
  }),

  defineRoute<{ id: string; absenceId: string }, Record<string, unknown>, { at?: string }>({
    method: 'post',
    path: '/staff/:id/absences/:absenceId/end',
    operationId: 'endStaffAbsence',
    summary: 'End an absence early',
    description:
      'The officer is back at `at` (default now). A running absence now ends then; one that has not begun is ' +
      'cancelled (cancelled: true, absence: null); one already over is returned unchanged.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.supervisors,
    schemas: {
      params: paramsOf({ id: uuid, absenceId: uuid }),
      body: objectSchema({ at: dateTime }),
      responses: {
        200: {
          description: 'The absence as it is now, or null when it was cancelled.',
          schema: objectSchema({
            absence: { anyOf: [ABSENCE, { type: 'null' }] },
            cancelled: { type: 'boolean' },
          }),
        },
      },
    },
    async handler({ platform, tenantId, params, body, principal }) {
      const absence = await platform.staff.endAbsence(tenantId, params.absenceId, {
        ...auditActor(principal),
        staffId: params.id,
        ...(body.at === undefined ? {} : { at: new Date(body.at) }),
      });
      return { body: { absence, cancelled: absence === null } };
    },
  }),
];
