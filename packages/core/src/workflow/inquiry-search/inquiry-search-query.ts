import type { FieldError } from '../../errors/field-error.js';
import type { PublicStatus } from '../definition/types.js';
import { PUBLIC_STATUSES } from '../definition/workflow-vocabulary.js';
import type { Inquiry } from '../inquiry/types.js';
import type { Channel } from '../../registry/types.js';

const CHANNELS: readonly Channel[] = ['desk', 'online', 'api'];

/** The most inquiries one page holds, and the most values a list filter takes. */
export const INQUIRY_SEARCH_MAX_LIMIT = 1000;
/** The page size when a query gives none. */
export const INQUIRY_SEARCH_DEFAULT_LIMIT = 100;
/** The furthest a page may start into the results. */
export const INQUIRY_SEARCH_MAX_OFFSET = 1_000_000;

/**
 * What to look for among a tenant's inquiries. Every filter is optional; a list filter matches any
 * of its values, and filters combine with AND. Results come newest filing first (then id).
 *
 * @example
 * { serviceCodes: ['gas.no-debt'], publicStatuses: ['completed', 'rejected'],
 *   filedFrom: new Date('2026-01-01T00:00:00+05:00'), filedUntil: new Date(), limit: 100, offset: 0 }
 */
export interface InquirySearchQuery {
  /** Exact tracking numbers (`CHR-2026-000123`), 1 to 1000 of them. */
  trackingNumbers?: readonly string[];
  serviceCodes?: readonly string[];
  publicStatuses?: readonly PublicStatus[];
  /** Filed through these channels: Open311 shows only what was filed through it (`api`). */
  channels?: readonly Channel[];
  /** Filed at or after this instant. */
  filedFrom?: Date;
  /** Filed at or before this instant. */
  filedUntil?: Date;
  /** 1 to {@link INQUIRY_SEARCH_MAX_LIMIT}, default {@link INQUIRY_SEARCH_DEFAULT_LIMIT}. */
  limit?: number;
  /** How many results to skip, default 0. */
  offset?: number;
}

/** One inquiry found, with what its applicant was last told. */
export interface InquirySearchHit {
  inquiry: Inquiry;
  /**
   * The comment of the inquiry's latest public history entry when that entry is a transition (the
   * comment the applicant sees with it), else null: a filing or a step without a comment.
   */
  lastPublicComment: string | null;
}

export interface InquirySearchPage {
  items: InquirySearchHit[];
  /** Whether more inquiries match after this page. */
  hasMore: boolean;
}

/** A query after its checks, with defaults applied. */
export interface ParsedInquirySearch {
  trackingNumbers: string[];
  serviceCodes: string[];
  publicStatuses: PublicStatus[];
  channels: Channel[];
  filedFrom: Date | null;
  filedUntil: Date | null;
  limit: number;
  offset: number;
}

const KNOWN = new Set([
  'trackingNumbers',
  'serviceCodes',
  'publicStatuses',
  'channels',
  'filedFrom',
  'filedUntil',
  'limit',
  'offset',
]);

/** Checks a search query; returns every problem at once, or the query with its defaults. */
export function parseInquirySearch(
  input: InquirySearchQuery,
): { query: ParsedInquirySearch } | { problems: FieldError[] } {
  const problems: FieldError[] = [];
  if (typeof input !== 'object' || input === null) {
    return { problems: [{ field: '/', message: 'must be an object' }] };
  }
  for (const key of Object.keys(input)) {
    if (!KNOWN.has(key)) problems.push({ field: `/${key}`, message: 'is not a search filter' });
  }
  const trackingNumbers = textList(input.trackingNumbers, '/trackingNumbers', 100, problems);
  const serviceCodes = textList(input.serviceCodes, '/serviceCodes', 200, problems);
  const publicStatuses = textList(input.publicStatuses, '/publicStatuses', 50, problems);
  const unknownStatus = publicStatuses.find((s) => !(PUBLIC_STATUSES as readonly string[]).includes(s));
  if (unknownStatus !== undefined) {
    problems.push({
      field: '/publicStatuses',
      message: `"${unknownStatus}" is not one of ${PUBLIC_STATUSES.join(', ')}`,
    });
  }
  const channels = textList(input.channels, '/channels', 10, problems);
  const unknownChannel = channels.find((c) => !(CHANNELS as readonly string[]).includes(c));
  if (unknownChannel !== undefined) {
    problems.push({
      field: '/channels',
      message: `"${unknownChannel}" is not one of ${CHANNELS.join(', ')}`,
    });
  }
  const filedFrom = instant(input.filedFrom, '/filedFrom', problems);
  const filedUntil = instant(input.filedUntil, '/filedUntil', problems);
  if (filedFrom && filedUntil && filedFrom.getTime() > filedUntil.getTime()) {
    problems.push({ field: '/filedUntil', message: 'must not be before filedFrom' });
  }
  const limit = whole(input.limit, '/limit', 1, INQUIRY_SEARCH_MAX_LIMIT, problems);
  const offset = whole(input.offset, '/offset', 0, INQUIRY_SEARCH_MAX_OFFSET, problems);
  if (problems.length > 0) return { problems };
  return {
    query: {
      trackingNumbers,
      serviceCodes,
      publicStatuses: publicStatuses as PublicStatus[],
      channels: channels as Channel[],
      filedFrom,
      filedUntil,
      limit: limit ?? INQUIRY_SEARCH_DEFAULT_LIMIT,
      offset: offset ?? 0,
    },
  };
}

function textList(value: unknown, field: string, maxLength: number, problems: FieldError[]): string[] {
  if (value === undefined) return [];
  const ok =
    Array.isArray(value) &&
    value.length >= 1 &&
    value.length <= INQUIRY_SEARCH_MAX_LIMIT &&
    value.every((v) => typeof v === 'string' && v.length >= 1 && v.length <= maxLength);
  if (!ok) {
    problems.push({
      field,
      message: `must be a list of 1 to ${INQUIRY_SEARCH_MAX_LIMIT} non-empty strings of at most ${maxLength} characters`,
    });
    return [];
  }
  return [...new Set(value as string[])];
}

function instant(value: unknown, field: string, problems: FieldError[]): Date | null {
  if (value === undefined) return null;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  problems.push({ field, message: 'must be a valid Date' });
  return null;
}

function whole(value: unknown, field: string, min: number, max: number, problems: FieldError[]) {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  problems.push({ field, message: `must be a whole number from ${min} to ${max}` });
  return undefined;
}
