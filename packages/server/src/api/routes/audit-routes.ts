import { pageAudit } from '@darcha/core';
import { ADMIN_ACCESS } from '../admin-access.js';
import {
  PAGE_QUERY_PROPERTIES,
  decodeCursor,
  encodeCursor,
  pageSchema,
  type PageQuery,
} from '../admin-page.js';
import { AUDIT_ENTRY } from '../admin-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { dateTime, oneOrMany, text } from '../schemas.js';

interface AuditListQuery extends PageQuery {
  action?: string | string[];
  actor?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
}

export const auditRoutes: AnyRoute[] = [
  defineRoute<Record<string, string>, AuditListQuery>({
    method: 'get',
    path: '/audit',
    operationId: 'listAudit',
    summary: 'Read the city’s audit log',
    description:
      'Administrative actions, newest first: who (a staff id, api-key:<id>, platform:<userId>, system) did what ' +
      '(action, e.g. staff.create, catalog.offer, tenant.suspend) to which subject, when, in which request. Filters: ' +
      'action (one or several), actor, subjectType and subjectId, from (included) and to (excluded).',
    tag: 'Audit',
    scope: 'tenant',
    access: ADMIN_ACCESS.auditors,
    schemas: {
      query: objectSchema({
        action: oneOrMany({ type: 'string', minLength: 1, maxLength: 100 }),
        actor: text(200),
        subjectType: text(100),
        subjectId: text(200),
        from: dateTime,
        to: dateTime,
        ...PAGE_QUERY_PROPERTIES,
      }),
      responses: { 200: { description: 'A page of audit entries.', schema: pageSchema(AUDIT_ENTRY) } },
    },
    async handler({ platform, tenantId, query }) {
      const { limit, cursor, from, to, ...filters } = query;
      const after = cursor === undefined ? undefined : decodeCursor(cursor, 1)[0];
      const page = await platform.db.withTenant(tenantId, (trx) =>
        pageAudit(trx, tenantId, {
          ...filters,
          ...(limit === undefined ? {} : { limit }),
          ...(after === undefined ? {} : { after }),
          ...(from === undefined ? {} : { from: new Date(from) }),
          ...(to === undefined ? {} : { to: new Date(to) }),
        }),
      );
      return {
        body: {
          items: page.items,
          nextCursor: page.nextAfter === null ? null : encodeCursor([page.nextAfter]),
        },
      };
    },
  }),
];
