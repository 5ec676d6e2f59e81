import {
  principalsFor,
  type InboxBucket,
  type InboxQuery,
  type InboxViewer,
  type Platform,
  type Principal,
} from '@darcha/core';
import { canSeeCityWide } from '../actor-of.js';
import { INBOX_BUCKET_PARAMS, INBOX_QUERY, SUMMARY_PAGE } from '../inquiry-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { dateTime } from '../schemas.js';

/** The inbox viewer a caller is: a staff member (with the colleagues they stand in for) or an API key. */
async function viewerOf(
  platform: Platform,
  tenantId: string,
  principal: Principal | undefined,
): Promise<InboxViewer> {
  if (principal?.kind === 'staff') {
    const actingFor = await platform.db.withTenant(tenantId, (trx) =>
      principalsFor(trx, tenantId, principal.staffId, new Date()),
    );
    return { id: principal.staffId, roles: principal.roles, agencyCodes: principal.agencyCodes, actingFor };
  }
  if (principal?.kind === 'api_key') {
    return {
      id: principal.keyId,
      roles: [principal.role],
      agencyCodes: principal.agencyCodes,
      actingFor: [],
    };
  }
  return { id: '00000000-0000-0000-0000-000000000000', roles: [], agencyCodes: [], actingFor: [] };
}

/**
 * An agency officer's searches stay within their agencies; undefined when the filter asks only for
 * agencies they may not see (the answer is then an empty page).
 */
function scopedQuery(
  principal: Principal | undefined,
  query: Omit<InboxQuery, 'bucket'>,
): Omit<InboxQuery, 'bucket'> | undefined {
  if (canSeeCityWide(principal)) return query;
  const own = principal?.kind === 'staff' || principal?.kind === 'api_key' ? [...principal.agencyCodes] : [];
  if (own.length === 0) return query;
  const asked = query.agencyCode === undefined ? own : ([] as string[]).concat(query.agencyCode);
  const allowed = asked.filter((code) => own.includes(code));
  return allowed.length > 0 ? { ...query, agencyCode: allowed } : undefined;
}

const EMPTY_PAGE = { items: [], nextCursor: null };

export const inboxRoutes: AnyRoute[] = [
  defineRoute<Record<string, string>, Omit<InboxQuery, 'bucket'> & { closed?: boolean }>({
    method: 'get',
    path: '/inquiries',
    operationId: 'searchInquiries',
    summary: 'Search inquiries',
    description:
      'Open inquiries by default, closed ones with closed=true; filters by public status, state, service, agency, ' +
      'filing dates, tracking number and applicant (PINFL or TIN). Keyset-paginated: pass nextCursor as cursor.',
    tag: 'Inquiries',
    scope: 'tenant',
    access: { staff: ['*'], apiKey: true },
    schemas: {
      query: {
        ...INBOX_QUERY,
        properties: { ...(INBOX_QUERY['properties'] as object), closed: { type: 'boolean' } },
      },
      responses: { 200: { description: 'A page of inquiry summaries.', schema: SUMMARY_PAGE } },
    },
    async handler({ platform, tenantId, principal, query }) {
      const { closed, ...filters } = query;
      const bucket: InboxBucket = closed ? 'closed' : 'all_open';
      const scoped = scopedQuery(principal, filters);
      if (!scoped) return { body: EMPTY_PAGE };
      const viewer = await viewerOf(platform, tenantId, principal);
      return { body: await platform.inbox.list(tenantId, viewer, { ...scoped, bucket }) };
    },
  }),

  defineRoute<Record<string, string>, { dueBefore?: string }>({
    method: 'get',
    path: '/inbox/counts',
    operationId: 'inboxCounts',
    summary: 'Count the inquiries in each inbox bucket',
    tag: 'Inbox',
    scope: 'tenant',
    access: { staff: ['*'] },
    schemas: {
      query: objectSchema({ dueBefore: dateTime }),
      responses: {
        200: {
          description: 'A count per bucket.',
          schema: { type: 'object', additionalProperties: { type: 'integer' } },
        },
      },
    },
    async handler({ platform, tenantId, principal, query }) {
      const viewer = await viewerOf(platform, tenantId, principal);
      const dueBefore = query.dueBefore ? new Date(query.dueBefore) : new Date(Date.now() + 2 * 86_400_000);
      // An agency's officer counts what their lists show: their agencies' inquiries only.
      const scoped = scopedQuery(principal, {});
      if (!scoped)
        return { body: await platform.inbox.counts(tenantId, viewer, { dueBefore, agencyCodes: [] }) };
      const agencyCodes =
        scoped.agencyCode === undefined ? undefined : ([] as string[]).concat(scoped.agencyCode);
      return {
        body: await platform.inbox.counts(tenantId, viewer, {
          dueBefore,
          ...(agencyCodes ? { agencyCodes } : {}),
        }),
      };
    },
  }),

  defineRoute<{ bucket: InboxBucket }, Omit<InboxQuery, 'bucket'>>({
    method: 'get',
    path: '/inbox/:bucket',
    operationId: 'inboxBucket',
    summary: 'List an inbox bucket',
    description:
      'role: unassigned inquiries waiting for one of your roles; mine: assigned to you (or to colleagues you stand in for); ' +
      'agency: your agencies’ open inquiries; due_soon, overdue, escalated, all_open, closed. Keyset-paginated.',
    tag: 'Inbox',
    scope: 'tenant',
    access: { staff: ['*'] },
    schemas: {
      params: INBOX_BUCKET_PARAMS,
      query: INBOX_QUERY,
      responses: { 200: { description: 'A page of inquiry summaries.', schema: SUMMARY_PAGE } },
    },
    async handler({ platform, tenantId, principal, params, query }) {
      const scoped = scopedQuery(principal, query);
      if (!scoped) return { body: EMPTY_PAGE };
      const viewer = await viewerOf(platform, tenantId, principal);
      return { body: await platform.inbox.list(tenantId, viewer, { ...scoped, bucket: params.bucket }) };
    },
  }),
];
