import type { FieldError } from '../errors/field-error.js';
import { reportQueryInvalid } from './reports.errors.js';
import { MAX_DAILY_PERIOD_DAYS, MAX_PERIOD_DAYS, resolvePeriod } from './report-period.js';
import {
  REPORT_GROUPINGS,
  REPORT_SCOPES,
  type ReportGroupBy,
  type ReportQuery,
  type ReportScope,
} from './types.js';

/** A checked report query. */
export interface CheckedQuery {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  scope: ReportScope;
}

/** Checks the grouping, scope and dates (in UTC here; each city resolves them in its own zone). */
export function checkReportQuery(tenantId: string, query: ReportQuery): CheckedQuery {
  const input = (query ?? {}) as Partial<Record<keyof ReportQuery, unknown>>;
  const errors: FieldError[] = [];
  const groupBy = input.groupBy as ReportGroupBy;
  const scope = (input.scope ?? 'tenant') as ReportScope;
  if (!REPORT_GROUPINGS.includes(groupBy)) {
    errors.push({ field: '/groupBy', message: `must be one of ${REPORT_GROUPINGS.join(', ')}` });
  }
  if (!REPORT_SCOPES.includes(scope)) {
    errors.push({ field: '/scope', message: `must be one of ${REPORT_SCOPES.join(', ')}` });
  }
  const maxDays = groupBy === 'day' ? MAX_DAILY_PERIOD_DAYS : MAX_PERIOD_DAYS;
  const period = resolvePeriod(input, 'UTC', maxDays);
  if (Array.isArray(period)) errors.push(...period);
  if (errors.length > 0) throw reportQueryInvalid(tenantId, errors);
  return { from: input.from as string, to: input.to as string, groupBy, scope };
}

/** The SQL expression of a group's key over a row's agency, service and instant column. */
export function keyExpression(groupBy: ReportGroupBy, agency: string, service: string, at: string): string {
  switch (groupBy) {
    case 'agency':
      return agency;
    case 'service':
      return service;
    case 'month':
      return `to_char(${at} at time zone ?, 'YYYY-MM')`;
    case 'day':
      return `to_char(${at} at time zone ?, 'YYYY-MM-DD')`;
  }
}

/** The bindings {@link keyExpression} needs, in order. */
export function keyBindings(groupBy: ReportGroupBy, timeZone: string): string[] {
  return groupBy === 'month' || groupBy === 'day' ? [timeZone] : [];
}
