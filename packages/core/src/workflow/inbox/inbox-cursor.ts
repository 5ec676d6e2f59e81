import type { InboxSort } from './inbox-query.js';

/**
 * Where a page ended: the sort it belongs to, the last row's sort key and its id. The key is the
 * database's own instant in UTC with microseconds (`2026-03-02T04:00:00.123456Z`), so resuming
 * compares exactly what was sorted; a `due` key is null for an inquiry without a due date.
 */
export interface InboxCursor {
  sort: InboxSort;
  key: string | null;
  id: string;
}

const KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The opaque form handed to clients: base64url of `{"s":sort,"k":key,"id":id}`. */
export function encodeInboxCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.key, id: cursor.id })).toString('base64url');
}

/**
 * Reads a cursor made by {@link encodeInboxCursor} for `sort`. Returns the reason it cannot be one
 * (a string) when it was altered, truncated or made for the other sort.
 */
export function decodeInboxCursor(raw: string, sort: InboxSort): InboxCursor | string {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return 'it is not base64url';
  const bytes = Buffer.from(raw, 'base64url');
  if (bytes.toString('base64url') !== raw) return 'it is not base64url';
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return 'it does not hold JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'it does not hold an object';
  const { s, k, id, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `it holds unknown fields (${Object.keys(rest).join(', ')})`;
  if (s !== sort) return `it was made for sort ${JSON.stringify(s)}, not "${sort}"`;
  if (typeof id !== 'string' || !UUID_PATTERN.test(id)) return 'its id is not a UUID';
  if (k === null && sort === 'due') return { sort, key: null, id };
  if (typeof k !== 'string' || !isInstant(k)) return 'its sort key is not an instant';
  return { sort, key: k, id };
}

function isInstant(key: string): boolean {
  const match = KEY_PATTERN.exec(key);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}
