import { fieldErrorsFromAjv, type FieldError } from '../../errors/field-error.js';
import { AGENCY_CODE_PATTERN } from '../../registry/agency-input.schema.js';
import { SERVICE_CODE_PATTERN } from '../../registry/service-definition.schema.js';
import { compileLater } from '../../validation/compile-later.js';
import type { PublicStatus } from '../definition/types.js';
import { WORKFLOW_NAME_PATTERN } from '../definition/workflow-definition.schema.js';
import { PUBLIC_STATUSES } from '../definition/workflow-vocabulary.js';

/**
 * The queues of a staff inbox:
 * - `role`: unassigned open inquiries whose candidate role the viewer holds (`back_office` only for
 *   the viewer's agencies);
 * - `mine`: open inquiries assigned to the viewer or to a colleague the viewer acts for;
 * - `agency`: open inquiries of the viewer's agencies;
 * - `due_soon`: open, running (not paused) inquiries due, overall or in their state, by `dueBefore`;
 * - `overdue`: open inquiries past a due date (unless paused) or with a recorded breach;
 * - `escalated`: open inquiries flagged as escalated;
 * - `all_open`: every open inquiry of the tenant;
 * - `closed`: every closed inquiry of the tenant.
 */
export const INBOX_BUCKETS = [
  'role',
  'mine',
  'agency',
  'due_soon',
  'overdue',
  'escalated',
  'all_open',
  'closed',
] as const;
export type InboxBucket = (typeof INBOX_BUCKETS)[number];

/** `due`: due date first, undated last, then id. `filed`: newest filing first, then id descending. */
export const INBOX_SORTS = ['due', 'filed'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export const INBOX_DEFAULT_LIMIT = 50;
export const INBOX_MAX_LIMIT = 200;

/** An instant: a `Date`, or an RFC 3339 date-time string with its offset (`2026-03-02T09:00:00+05:00`). */
export type InboxInstant = Date | string;

/**
 * What a staff member asks their inbox for. Filters narrow any bucket; a list filter matches any of
 * its values. Everything but `bucket` is optional.
 *
 * @example
 * { bucket: 'role', publicStatus: ['submitted', 'in_progress'], sort: 'due', limit: 50 }
 */
export interface InboxQuery {
  bucket: InboxBucket;
  publicStatus?: PublicStatus | readonly PublicStatus[];
  state?: string | readonly string[];
  serviceCode?: string | readonly string[];
  agencyCode?: string | readonly string[];
  /** Filed at or after this instant. */
  filedFrom?: InboxInstant;
  /** Filed before this instant. */
  filedTo?: InboxInstant;
  /** The start of a tracking number, matched as typed: `CHR-2026-0001`. */
  trackingNumber?: string;
  /** The applicant's PINFL (14 digits) or TIN (9 digits). */
  applicantKey?: string;
  /** Required by `due_soon`: now plus N working hours on the tenant's calendar. */
  dueBefore?: InboxInstant;
  /** `due` by default; `closed` sorts by `filed` only. */
  sort?: InboxSort;
  /** The `nextCursor` of the previous page, with the same bucket, filters and sort. */
  cursor?: string;
  /** 1 to 200, default 50. */
  limit?: number;
}

/** An inbox query after validation, with defaults applied and every list filter an array. */
export interface ParsedInboxQuery {
  bucket: InboxBucket;
  sort: InboxSort;
  limit: number;
  cursor: string | null;
  publicStatus: string[];
  state: string[];
  serviceCode: string[];
  agencyCode: string[];
  filedFrom: Date | null;
  filedTo: Date | null;
  trackingNumber: string | null;
  applicantKey: string | null;
  dueBefore: Date | null;
}

const oneOrMany = (item: object) =>
  ({ anyOf: [item, { type: 'array', items: item, minItems: 1, maxItems: 50, uniqueItems: true }] }) as const;
const text = (pattern: RegExp, maxLength: number) => ({ type: 'string', pattern: pattern.source, maxLength });
const instant = { type: 'string', format: 'date-time', maxLength: 40 } as const;

const validateQuery = compileLater({
  type: 'object',
  additionalProperties: false,
  required: ['bucket'],
  properties: {
    bucket: { enum: INBOX_BUCKETS },
    publicStatus: oneOrMany({ enum: PUBLIC_STATUSES }),
    state: oneOrMany(text(WORKFLOW_NAME_PATTERN, 63)),
    serviceCode: oneOrMany(text(SERVICE_CODE_PATTERN, 100)),
    agencyCode: oneOrMany(text(AGENCY_CODE_PATTERN, 63)),
    filedFrom: instant,
    filedTo: instant,
    trackingNumber: text(/^[A-Za-z0-9-]+$/, 40),
    applicantKey: text(/^([0-9]{9}|[0-9]{14})$/, 14),
    dueBefore: instant,
    sort: { enum: INBOX_SORTS },
    cursor: { type: 'string', minLength: 1, maxLength: 1000 },
    limit: { type: 'integer', minimum: 1, maximum: INBOX_MAX_LIMIT },
  },
});

const INSTANT_FIELDS = ['filedFrom', 'filedTo', 'dueBefore'] as const;

/** What a list filter wants; said once, instead of ajv's three errors for its two shapes. */
const LIST_FIELDS: Record<string, string> = {
  '/publicStatus': `must be one of ${PUBLIC_STATUSES.map((s) => `"${s}"`).join(', ')}, or a list of them`,
  '/state': 'must be a state name (lowercase letters, digits, underscores), or a list of 1 to 50 of them',
  '/serviceCode': 'must be a service code such as "gas.connection", or a list of 1 to 50 of them',
  '/agencyCode': 'must be an agency code such as "gorgas", or a list of 1 to 50 of them',
};

/**
 * Validates an inbox query and fills in its defaults. Returns every problem at once (as field errors)
 * or the parsed query; the cursor is only checked to be a string here.
 */
export function parseInboxQuery(input: unknown): { query: ParsedInboxQuery } | { problems: FieldError[] } {
  const value = withInstantsAsText(input);
  const problems = validateQuery(value) ? [] : schemaProblems();
  const raw = (value ?? {}) as Record<string, unknown>;
  for (const field of INSTANT_FIELDS) {
    const text = raw[field];
    // ajv admits a leap second (23:59:60), which JavaScript cannot represent.
    if (
      typeof text === 'string' &&
      Number.isNaN(Date.parse(text)) &&
      !problems.some((p) => p.field === `/${field}`)
    ) {
      problems.push({ field: `/${field}`, message: 'must be an instant JavaScript can represent' });
    }
  }
  const from = typeof raw['filedFrom'] === 'string' ? Date.parse(raw['filedFrom']) : NaN;
  const to = typeof raw['filedTo'] === 'string' ? Date.parse(raw['filedTo']) : NaN;
  if (from >= to) problems.push({ field: '/filedTo', message: 'must be after filedFrom' });
  if (raw['bucket'] === 'due_soon' && raw['dueBefore'] === undefined) {
    problems.push({ field: '/dueBefore', message: 'is required by the due_soon bucket' });
  }
  if (raw['bucket'] === 'closed' && raw['sort'] === 'due') {
    problems.push({ field: '/sort', message: 'must be "filed" for the closed bucket' });
  }
  if (problems.length > 0) return { problems };
  const query = raw as unknown as Omit<InboxQuery, 'filedFrom' | 'filedTo' | 'dueBefore'> &
    Record<(typeof INSTANT_FIELDS)[number], string | undefined>;
  return {
    query: {
      bucket: query.bucket,
      sort: query.sort ?? (query.bucket === 'closed' ? 'filed' : 'due'),
      limit: query.limit ?? INBOX_DEFAULT_LIMIT,
      cursor: query.cursor ?? null,
      publicStatus: list(query.publicStatus),
      state: list(query.state),
      serviceCode: list(query.serviceCode),
      agencyCode: list(query.agencyCode),
      filedFrom: date(query.filedFrom),
      filedTo: date(query.filedTo),
      trackingNumber: query.trackingNumber ?? null,
      applicantKey: query.applicantKey ?? null,
      dueBefore: date(query.dueBefore),
    },
  };
}

function schemaProblems(): FieldError[] {
  const problems: FieldError[] = [];
  for (const problem of fieldErrorsFromAjv(validateQuery.errors)) {
    const listField = Object.keys(LIST_FIELDS).find(
      (f) => problem.field === f || problem.field.startsWith(`${f}/`),
    );
    if (listField === undefined) problems.push(problem);
    else if (!problems.some((p) => p.field === listField)) {
      problems.push({ field: listField, message: LIST_FIELDS[listField]! });
    }
  }
  return problems;
}

/** ajv checks strings: a `Date` becomes its ISO form, an invalid one a string that fails the format. */
function withInstantsAsText(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const copy: Record<string, unknown> = { ...input };
  for (const field of INSTANT_FIELDS) {
    const value = copy[field];
    if (value instanceof Date)
      copy[field] = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  }
  return copy;
}

function list(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

function date(value: string | undefined): Date | null {
  return value === undefined ? null : new Date(value);
}
