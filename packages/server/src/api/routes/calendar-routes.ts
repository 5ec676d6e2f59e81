import { calendarDefinitionSchema, type CalendarDefinition } from '@darcha/core';
import { ADMIN_ACCESS, auditActor } from '../admin-access.js';
import { CALENDAR } from '../admin-schemas.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';

const TAG = 'Calendar';

export const calendarRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/calendar',
    operationId: 'getCalendar',
    summary: 'Read the city’s working calendar',
    description:
      'The calendar SLA due dates are computed with: the city’s own, else its nearest ancestor’s (applied in the ' +
      'city’s time zone), else the built-in default (Monday to Friday, 09:00-18:00). sourceTenantId says which.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.anyStaff,
    schemas: { responses: { 200: { description: 'The effective calendar.', schema: CALENDAR } } },
    async handler({ platform, tenantId }) {
      return { body: await platform.calendars.definition(tenantId) };
    },
  }),

  defineRoute<Record<string, string>, Record<string, unknown>, CalendarDefinition>({
    method: 'put',
    path: '/calendar',
    operationId: 'setCalendar',
    summary: 'Set the city’s working calendar',
    description:
      'Replaces the city’s own calendar: time zone, the hours of each weekday, public holidays and moved working days. ' +
      'Cities below it without a calendar of their own inherit it. Besides the schema, the time zone must be known, ' +
      'intervals in order without overlap, each date listed once and never both a holiday and a working day ' +
      '(400 DARCHA_CALENDAR_INVALID lists each field); some weekday must have hours (DARCHA_CALENDAR_NO_WORKING_TIME).',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      body: calendarDefinitionSchema,
      responses: { 200: { description: 'The city’s calendar as saved.', schema: CALENDAR } },
    },
    async handler({ platform, tenantId, body, principal }) {
      const actor = auditActor(principal).actor ?? 'system';
      const calendar = await platform.calendars.set(tenantId, body, actor);
      return { body: { definition: calendar.definition, sourceTenantId: tenantId } };
    },
  }),

  defineRoute({
    method: 'delete',
    path: '/calendar',
    operationId: 'clearCalendar',
    summary: 'Remove the city’s own calendar',
    description: 'The city inherits its region’s calendar (or the default) again. Idempotent.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    bodyType: 'none',
    schemas: { responses: { 204: { description: 'The city has no calendar of its own (any more).' } } },
    async handler({ platform, tenantId, principal }) {
      await platform.calendars.clear(tenantId, auditActor(principal).actor ?? 'system');
      return { status: 204 };
    },
  }),
];
