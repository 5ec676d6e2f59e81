import { timeRequests } from '../load/sequential-requests.js';
import { median } from '../report/stats.js';
import type { ServerProcess } from './server-process.js';

/** One request at a time: its latency unloaded, and the statements it sent to PostgreSQL. */
export interface RequestProfile {
  statements: number;
  /** Waits for PostgreSQL per request: statements not written behind one still in flight. */
  roundTrips?: number;
  p50Ms: number;
  /** Statements per request by their first words, most frequent first. */
  perRequest: { statement: string; count: number }[];
}

/**
 * Sends `count` requests one after the other, after `warmup` unmeasured ones (first-use caches), to a
 * server running without jobs, so that every statement counted was sent by the requests.
 */
export async function profileRequests(
  server: ServerProcess,
  warmup: number,
  count: number,
  send: (i: number) => Promise<Response>,
): Promise<RequestProfile> {
  await timeRequests(warmup, 0, send);
  const before = await server.statements();
  const times = await timeRequests(0, count, (i) => send(warmup + i));
  const after = await server.statements();
  const perRequest = after.byHead
    .map(([statement, n]) => ({ statement, count: Math.round((n / count) * 100) / 100 }))
    .sort((a, b) => b.count - a.count);
  return {
    statements: (after.statements - before.statements) / count,
    roundTrips: (after.roundTrips - before.roundTrips) / count,
    p50Ms: median(times),
    perRequest,
  };
}
