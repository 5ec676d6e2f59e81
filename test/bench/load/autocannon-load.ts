import { percentile } from '../report/stats.js';
import type { LoadResult, LoadSpec } from './load-types.js';

/** The part of autocannon's API the benchmark uses (autocannon ships no types of its own). */
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: { method: string; setupRequest: (request: AutocannonRequest) => AutocannonRequest }[];
}
interface AutocannonResult {
  requests: { total: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (options: AutocannonOptions) => AutocannonInstance;

/**
 * Runs one load with autocannon, in this process (used where wrk is not installed). Latencies are
 * collected from each response, since autocannon's summary has no 95th percentile.
 */
export async function autocannonLoad(spec: LoadSpec): Promise<LoadResult> {
  const name = 'autocannon';
  const autocannon = ((await import(name)) as { default: Autocannon }).default;
  let next = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: spec.baseUrl,
    connections: spec.connections,
    duration: spec.seconds,
    timeout: 10,
    requests: [
      {
        method: spec.method,
        setupRequest: (request) => {
          const id = spec.ids ? spec.ids[next++ % spec.ids.length]! : '';
          const pinfl = `3${String(Math.floor(Math.random() * 1e13)).padStart(13, '0')}`;
          return {
            ...request,
            method: spec.method,
            path: spec.path.replace('{id}', id),
            headers: spec.headers,
            ...(spec.body ? { body: spec.body.replace('{pinfl}', pinfl) } : {}),
          };
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  return {
    requests: result.requests.total,
    seconds: result.duration,
    perSecond: result.requests.total / result.duration,
    failed: result.non2xx + result.errors + result.timeouts,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
  };
}
