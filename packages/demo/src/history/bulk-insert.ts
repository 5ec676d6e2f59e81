import type { TenantTransaction } from '@darcha/core';

/** A column of a bulk insert and its SQL type (`text`, `uuid`, `int`, `bigint`, `timestamptz`, `jsonb`, `boolean`). */
export type BulkColumn = readonly [name: string, type: string];

/** Rows per statement: large enough that statements are few, small enough to keep each parse cheap. */
export const BULK_ROWS = 1000;

/**
 * Inserts rows of one tenant table, `BULK_ROWS` per statement: each statement sends its rows as one
 * JSON document expanded by `json_to_recordset`, so a thousand rows cost one parameter and one
 * round trip, on PostgreSQL and PGlite alike. `tenant_id` is set for every row; row-level security
 * checks it as for any insert. `onBatch` is told how many rows went in.
 *
 * @example
 * await bulkInsert(trx, 'chirchik', 'ratings', [['inquiry_id', 'uuid'], ['score', 'int']], rows);
 */
export async function bulkInsert(
  trx: TenantTransaction,
  tenantId: string,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly Record<string, unknown>[],
  onBatch?: (inserted: number) => void,
): Promise<void> {
  const names = columns.map(([name]) => name);
  const sql = `insert into ${table} (tenant_id, ${names.join(', ')})
    select ?, ${names.map((name) => `x.${name}`).join(', ')}
      from json_to_recordset(?::json) as x(${columns.map(([name, type]) => `${name} ${type}`).join(', ')})`;
  for (let at = 0; at < rows.length; at += BULK_ROWS) {
    const batch = rows.slice(at, at + BULK_ROWS);
    await trx.raw(sql, [tenantId, JSON.stringify(batch)]);
    onBatch?.(batch.length);
  }
}
