import type { LoadResult } from '../load/load-types.js';

/** `; CPU per request: server 1.52 ms (0.93 cores), PostgreSQL 0.95 ms (0.58 cores)`, or nothing. */
export function cpuText(result: LoadResult): string {
  const cpu = result.cpu;
  if (!cpu) return '';
  return (
    `; CPU per request: server ${cpu.serverMs.toFixed(2)} ms (${cpu.serverCores.toFixed(2)} cores), ` +
    `PostgreSQL ${cpu.postgresMs.toFixed(2)} ms (${cpu.postgresCores.toFixed(2)} cores)`
  );
}
