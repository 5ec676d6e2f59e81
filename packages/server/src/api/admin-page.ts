import { DarchaError, type JsonSchema } from '@darcha/core';

/** Items per page of an administration list when the caller gives no `limit`, and the most allowed. */
export const PAGE_DEFAULT_LIMIT = 50;
export const PAGE_MAX_LIMIT = 200;

/**
 * The query fields every administration list takes. Pages are keyset pages: `cursor` is the
 * `nextCursor` of the previous page, opaque to the caller, and a page resumes after the last item
 * it showed, so items added or removed meanwhile never shift it.
 */
export const PAGE_QUERY_PROPERTIES: Record<string, JsonSchema> = {
  limit: {
    type: 'integer',
    minimum: 1,
    maximum: PAGE_MAX_LIMIT,
    default: PAGE_DEFAULT_LIMIT,
    description: `Items per page, 1 to ${PAGE_MAX_LIMIT} (default ${PAGE_DEFAULT_LIMIT}).`,
  },
  cursor: {
    type: 'string',
    minLength: 1,
    maxLength: 1000,
    pattern: '^[A-Za-z0-9_-]+$',
    description: 'The nextCursor of the previous page; leave it out for the first page.',
  },
};

/** The page fields of a list query, once validated. */
export interface PageQuery {
  limit?: number;
  cursor?: string;
}

/** One page of an administration list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The JSON Schema of a page of `item`. */
export function pageSchema(item: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: { type: 'array', items: item },
      nextCursor: {
        anyOf: [{ type: 'string' }, { type: 'null' }],
        description: 'Pass it as cursor to read the next page; null on the last page.',
      },
    },
  };
}

/** A cursor for a page that resumes after the item whose sort key is `key`. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key a cursor made by {@link encodeCursor} carries; `DARCHA_HTTP_CURSOR_INVALID` otherwise. */
export function decodeCursor(cursor: string, size: number): string[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw cursorInvalid();
  }
  if (!Array.isArray(key) || key.length !== size || !key.every((part) => typeof part === 'string')) {
    throw cursorInvalid();
  }
  return key as string[];
}

/**
 * One page of a list held in memory: the items sorted by `keyOf` (a tuple of strings, unique per
 * item, compared part by part), those after the cursor's key, at most `limit` of them.
 */
export function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => readonly string[],
  query: PageQuery,
): Page<T> {
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  const keyed = items.map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  if (keyed.length === 0) return { items: [], nextCursor: null };
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, keyed[0]!.key.length);
  const rest = after === undefined ? keyed : keyed.filter((entry) => compareKeys(entry.key, after) > 0);
  const page = rest.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((entry) => entry.item),
    nextCursor: rest.length > limit && last ? encodeCursor(last.key) : null,
  };
}

/** A sort-key part that orders instants newest first (for lists shown latest on top). */
export function newestFirst(at: Date): string {
  return String(9e15 - at.getTime()).padStart(16, '0');
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return a.length - b.length;
}

function cursorInvalid(): DarchaError {
  return new DarchaError({
    code: 'DARCHA_HTTP_CURSOR_INVALID',
    kind: 'invalid',
    message: 'The cursor is not one this list issued.',
    hint: 'Pass a page’s nextCursor back unchanged, to the same list; or leave cursor out to start from the first page.',
    details: { fields: [{ field: 'query/cursor', message: 'is not a cursor of this list' }] },
  });
}
