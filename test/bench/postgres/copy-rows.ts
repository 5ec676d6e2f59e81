import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { csvLine, type Row } from '../data/csv.js';
import { libpqEnv } from './libpq-env.js';

const LINES_PER_WRITE = 2_000;

/**
 * Loads rows into a table with `COPY ... FROM STDIN` through psql, streaming them as CSV as they
 * are generated (with back-pressure), so that a million rows never sit in memory at once. Runs as
 * the DATABASE_URL role: a superuser, whom row-level security does not filter (COPY FROM refuses a
 * table whose policies apply to the caller). Resolves with the number of rows copied.
 */
export async function copyRows(
  url: string,
  table: string,
  columns: readonly string[],
  rows: Iterable<Row>,
): Promise<number> {
  const sql = `copy ${table} (${columns.join(', ')}) from stdin with (format csv)`;
  const psql = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    env: libpqEnv(url),
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  psql.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(psql, 'exit') as Promise<[number | null]>;
  let count = 0;
  let chunk = '';
  let lines = 0;
  const flush = async (): Promise<void> => {
    if (!psql.stdin.write(chunk)) await Promise.race([once(psql.stdin, 'drain'), exited]);
    chunk = '';
    lines = 0;
  };
  for (const row of rows) {
    chunk += csvLine(row, columns);
    count++;
    if (++lines >= LINES_PER_WRITE) await flush();
    if (psql.exitCode !== null) break;
  }
  if (lines > 0) await flush();
  psql.stdin.end();
  const [code] = await exited;
  if (code !== 0) throw new Error(`COPY into ${table} failed (psql exit ${code}): ${stderr.trim()}`);
  return count;
}
