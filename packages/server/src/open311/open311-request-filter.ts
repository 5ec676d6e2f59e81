import {
  INQUIRY_SEARCH_MAX_LIMIT,
  INQUIRY_SEARCH_MAX_OFFSET,
  SERVICE_CODE_PATTERN,
  type FieldError,
  type InquirySearchQuery,
  type PublicStatus,
} from '@darcha/core';
import { parseOpen311DateTime, plusDays } from './open311-dates.js';
import { parameterInvalid } from './open311.errors.js';
import { CLOSED_STATUSES, OPEN_STATUSES } from './open311-request-view.js';

/** The widest `start_date`..`end_date` window, and the default one (the last 90 days). */
export const WINDOW_DAYS = 90;
/** Results per page: GeoReport v2's default of 1000, and 100 with `extensions=true` (each reads its history). */
export const DEFAULT_PAGE_SIZE = 1000;
export const EXTENSIONS_PAGE_SIZE = 100;

const TRACKING_NUMBER = /^[A-Za-z0-9-]{1,40}$/;

/** A GET of service requests, read from its parameters. */
export interface RequestFilter {
  /** The search to run, or null when nothing can match (no id given is a tracking number). */
  search: InquirySearchQuery | null;
  extensions: boolean;
  page: number;
  pageSize: number;
}

/**
 * Reads the filters of `GET /requests`:
 * - `service_request_id`: a comma list of ids; it overrides every other filter, as the spec says;
 * - `service_code`: one code or a comma list;
 * - `status`: `open`, `closed` or both, comma separated;
 * - `start_date`, `end_date`: ISO 8601 (without an offset, in the city's time zone), both ends
 *   included; the window is at most 90 days: one end alone means 90 days from or up to it, none
 *   means the last 90 days, a wider window is refused;
 * - `page`, `page_size` (extension): page from 1, size up to 1000 (default 1000; 100, and at
 *   most 100, with `extensions=true`);
 * - `extensions` (extension): `true` adds each request's detailed status and public history.
 * Every problem is listed in one `DARCHA_OPEN311_PARAMETER_INVALID`.
 */
export function requestFilter(
  params: Readonly<Record<string, string | undefined>>,
  timeZone: string,
  now: Date,
): RequestFilter {
  const problems: FieldError[] = [];
  const extensions = flag(params['extensions'], 'extensions', problems);
  const maxSize = extensions ? EXTENSIONS_PAGE_SIZE : DEFAULT_PAGE_SIZE;
  const page = whole(params['page'], 'page', 1, Number.MAX_SAFE_INTEGER, problems) ?? 1;
  const pageSize = whole(params['page_size'], 'page_size', 1, maxSize, problems) ?? maxSize;
  if ((page - 1) * pageSize > INQUIRY_SEARCH_MAX_OFFSET) {
    problems.push({
      field: 'page',
      message: `starts past result ${INQUIRY_SEARCH_MAX_OFFSET}; narrow the filters`,
    });
  }
  const ids = commaList(params['service_request_id']);
  if (ids.length > 0) {
    if (ids.length > INQUIRY_SEARCH_MAX_LIMIT) {
      problems.push({
        field: 'service_request_id',
        message: `lists at most ${INQUIRY_SEARCH_MAX_LIMIT} ids`,
      });
    }
    if (problems.length > 0) throw parameterInvalid(problems);
    // An id that cannot be a tracking number is one that does not exist.
    const trackingNumbers = ids.filter((id) => TRACKING_NUMBER.test(id));
    return {
      search:
        trackingNumbers.length > 0
          ? { trackingNumbers, limit: pageSize, offset: (page - 1) * pageSize }
          : null,
      extensions,
      page,
      pageSize,
    };
  }
  const serviceCodes = commaList(params['service_code']);
  const badCode = serviceCodes.find((code) => code.length > 100 || !SERVICE_CODE_PATTERN.test(code));
  if (badCode !== undefined) {
    problems.push({
      field: 'service_code',
      message: `${JSON.stringify(badCode.slice(0, 100))} is not a service code`,
    });
  }
  const publicStatuses = statusesOf(commaList(params['status']), problems);
  const window = windowOf(params['start_date'], params['end_date'], timeZone, now, problems);
  if (problems.length > 0 || !window) throw parameterInvalid(problems);
  return {
    search: {
      ...(serviceCodes.length > 0 ? { serviceCodes } : {}),
      ...(publicStatuses.length > 0 ? { publicStatuses } : {}),
      filedFrom: window.from,
      filedUntil: window.until,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    },
    extensions,
    page,
    pageSize,
  };
}

function windowOf(
  start: string | undefined,
  end: string | undefined,
  timeZone: string,
  now: Date,
  problems: FieldError[],
): { from: Date; until: Date } | undefined {
  const from = start ? parseOpen311DateTime(start, timeZone) : undefined;
  const until = end ? parseOpen311DateTime(end, timeZone) : undefined;
  const iso = 'must be an ISO 8601 date or date-time, e.g. 2026-03-02T09:00:00+05:00';
  if (start && !from) problems.push({ field: 'start_date', message: iso });
  if (end && !until) problems.push({ field: 'end_date', message: iso });
  if ((start && !from) || (end && !until)) return undefined;
  if (from && until) {
    if (from.getTime() > until.getTime()) {
      problems.push({ field: 'end_date', message: 'must not be before start_date' });
      return undefined;
    }
    if (until.getTime() > plusDays(from, WINDOW_DAYS, timeZone).getTime()) {
      problems.push({
        field: 'start_date',
        message: `and end_date span more than ${WINDOW_DAYS} days; ask for at most ${WINDOW_DAYS} days at a time`,
      });
      return undefined;
    }
    return { from, until };
  }
  if (from) return { from, until: plusDays(from, WINDOW_DAYS, timeZone) };
  if (until) return { from: plusDays(until, -WINDOW_DAYS, timeZone), until };
  return { from: plusDays(now, -WINDOW_DAYS, timeZone), until: now };
}

function statusesOf(values: string[], problems: FieldError[]): PublicStatus[] {
  const statuses = new Set<PublicStatus>();
  for (const value of values) {
    const status = value.toLowerCase();
    if (status === 'open') OPEN_STATUSES.forEach((s) => statuses.add(s));
    else if (status === 'closed') CLOSED_STATUSES.forEach((s) => statuses.add(s));
    else
      problems.push({
        field: 'status',
        message: `${JSON.stringify(value.slice(0, 50))} is not open or closed`,
      });
  }
  return statuses.size === OPEN_STATUSES.length + CLOSED_STATUSES.length ? [] : [...statuses];
}

function commaList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    ),
  ];
}

/** The `extensions` parameter alone (a GET of one request has no other filter). */
export function extensionsOf(value: string | undefined): boolean {
  const problems: FieldError[] = [];
  const extensions = flag(value, 'extensions', problems);
  if (problems.length > 0) throw parameterInvalid(problems);
  return extensions;
}

function flag(value: string | undefined, field: string, problems: FieldError[]): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  problems.push({ field, message: 'must be true or false' });
  return false;
}

function whole(value: string | undefined, field: string, min: number, max: number, problems: FieldError[]) {
  if (value === undefined || value === '') return undefined;
  const number = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (number >= min && number <= max) return number;
  problems.push({ field, message: `must be a whole number from ${min} to ${max}` });
  return undefined;
}
