import {
  REPORT_GROUPINGS,
  REPORT_SCOPES,
  type AveragesQuery,
  type JsonSchema,
  type ReportQuery,
} from '@darcha/core';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';

const TAG = 'Reports';
const READERS = { staff: ['supervisor', 'city_admin', 'auditor'], apiKey: true, platform: true } as const;
const localDate: JsonSchema = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
const count: JsonSchema = { type: 'integer', minimum: 0 };
const soums: JsonSchema = { type: 'integer' };
const key: JsonSchema = { anyOf: [{ type: 'string' }, { type: 'null' }] };

const PERIOD_DESCRIPTION =
  'from and to are local dates (YYYY-MM-DD), both included, in each city’s time zone (Asia/Tashkent by ' +
  'default): to=2026-03-31 ends at midnight after 31 March local time. At most 5 years; at most 366 days ' +
  'when grouping by day. A malformed query is 400 DARCHA_REPORT_QUERY_INVALID.';

const REPORT_QUERY = objectSchema(
  {
    from: localDate,
    to: localDate,
    groupBy: { type: 'string', enum: [...REPORT_GROUPINGS] },
    scope: { type: 'string', enum: [...REPORT_SCOPES], default: 'tenant' },
  },
  ['from', 'to', 'groupBy'],
);

const RATINGS_QUERY = objectSchema(
  { from: localDate, to: localDate, groupBy: { type: 'string', enum: ['agency', 'service', 'month'] } },
  ['from', 'to', 'groupBy'],
);

const DISTRIBUTION = objectSchema({ 1: count, 2: count, 3: count, 4: count, 5: count }, [
  '1',
  '2',
  '3',
  '4',
  '5',
]);
const RATING_FIGURES = {
  count,
  average: { anyOf: [{ type: 'number' }, { type: 'null' }] },
  distribution: DISTRIBUTION,
};
const RATING_AVERAGES = objectSchema(
  {
    from: localDate,
    to: localDate,
    groupBy: { type: 'string' },
    timeZone: { type: 'string' },
    groups: {
      type: 'array',
      items: objectSchema({ key, ...RATING_FIGURES }, ['key', 'count', 'average', 'distribution']),
    },
    total: objectSchema(RATING_FIGURES, ['count', 'average', 'distribution']),
  },
  ['from', 'to', 'groupBy', 'timeZone', 'groups', 'total'],
);

/** The schema of a report whose rows carry `figures`. */
function reportSchema(figures: Record<string, JsonSchema>): JsonSchema {
  const names = Object.keys(figures);
  const row = objectSchema({ key, ...figures }, ['key', ...names]);
  const total = objectSchema(figures, names);
  const city = objectSchema(
    {
      tenantId: { type: 'string' },
      timeZone: { type: 'string' },
      rows: { type: 'array', items: row },
      total,
    },
    ['tenantId', 'timeZone', 'rows', 'total'],
  );
  return objectSchema(
    {
      tenantId: { type: 'string' },
      from: localDate,
      to: localDate,
      groupBy: { type: 'string' },
      scope: { type: 'string' },
      cities: { type: 'array', items: city },
      rows: { type: 'array', items: row },
      total,
    },
    ['tenantId', 'from', 'to', 'groupBy', 'scope', 'cities', 'rows', 'total'],
  );
}

const REVENUE = reportSchema({
  payments: count,
  gross: soums,
  refundCount: count,
  refunds: soums,
  net: soums,
});
const VOLUMES = reportSchema({
  filed: count,
  paid: count,
  free: count,
  service: count,
  information: count,
  appeal: count,
  completed: count,
  rejected: count,
  overdue: count,
});

export const reportRoutes: AnyRoute[] = [
  defineRoute<Record<string, string>, AveragesQuery>({
    method: 'get',
    path: '/reports/ratings',
    operationId: 'ratingAverages',
    summary: 'Rating averages',
    description:
      'Ratings given in the period by agency, service or local month: count, average (sum / count rounded half ' +
      `up to 2 decimals) and how many gave each score, with the total over all groups. ${PERIOD_DESCRIPTION}`,
    tag: TAG,
    scope: 'tenant',
    access: READERS,
    schemas: {
      query: RATINGS_QUERY,
      responses: { 200: { description: 'The averages.', schema: RATING_AVERAGES } },
    },
    async handler({ platform, tenantId, query }) {
      return { body: await platform.ratings.averages(tenantId, query) };
    },
  }),

  defineRoute<Record<string, string>, ReportQuery>({
    method: 'get',
    path: '/reports/revenue',
    operationId: 'revenueReport',
    summary: 'Revenue report',
    description:
      'Confirmed payments (by the instant they were confirmed) and approved refunds (by the instant they were ' +
      'approved) in the period, in integer soums, by agency, service, month or day of the inquiry they pay for: ' +
      'count, gross, refunds and net = gross - refunds. scope=descendants adds up every city at or below the ' +
      `tenant (a region’s dashboard) and lists each city; total equals the sum of the rows. ${PERIOD_DESCRIPTION}`,
    tag: TAG,
    scope: 'tenant',
    access: READERS,
    schemas: {
      query: REPORT_QUERY,
      responses: { 200: { description: 'The revenue.', schema: REVENUE } },
    },
    async handler({ platform, tenantId, query }) {
      return { body: await platform.reports.revenue(tenantId, query) };
    },
  }),

  defineRoute<Record<string, string>, ReportQuery>({
    method: 'get',
    path: '/reports/volumes',
    operationId: 'volumeReport',
    summary: 'Volume report',
    description:
      'Inquiries filed in the period, as they stand now: filed, paid (the service charges a fee, or it has an ' +
      'invoice) and free, by kind (service, information, appeal), completed, rejected and overdue (overall SLA ' +
      `breached), by agency, service, month or day. scope as for revenue. ${PERIOD_DESCRIPTION}`,
    tag: TAG,
    scope: 'tenant',
    access: READERS,
    schemas: {
      query: REPORT_QUERY,
      responses: { 200: { description: 'The volumes.', schema: VOLUMES } },
    },
    async handler({ platform, tenantId, query }) {
      return { body: await platform.reports.volumes(tenantId, query) };
    },
  }),
];
