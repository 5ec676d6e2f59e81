import type { CpuPerRequest } from './cpu-time.js';

/**
 * One HTTP load: `connections` clients sending requests back to back for `seconds`. When `ids` is
 * given, each request takes the next id into `{id}` of the path, so that no inquiry is hit twice
 * (transitions need a fresh one each time); `{pinfl}` in the body becomes a random PINFL.
 */
export interface LoadSpec {
  baseUrl: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  ids?: readonly string[];
  connections: number;
  seconds: number;
}

/** What a load achieved: completed requests per second and the latency of each, in milliseconds. */
export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  /** Answers other than 2xx/3xx, and requests that failed without an answer. */
  failed: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** The CPU the server and PostgreSQL spent per request, when the server's process was given. */
  cpu?: CpuPerRequest;
}
