import { percentile, since } from '../report/stats.js';

/** Latency of requests sent one at a time. */
export interface Latency {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * Sends `warmup` unmeasured requests, then `count` measured ones, one after the other; each must
 * answer 2xx. Returns each measured request's time to the end of its body, in milliseconds.
 */
export async function timeRequests(
  warmup: number,
  count: number,
  send: (i: number) => Promise<Response>,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmup + count; i++) {
    const started = performance.now();
    const res = await send(i);
    const text = await res.text();
    if (i >= warmup) times.push(since(started));
    if (res.status >= 300) throw new Error(`${res.status} from ${res.url}: ${text.slice(0, 500)}`);
  }
  return times;
}

export function latencyOf(times: readonly number[]): Latency {
  return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: percentile(times, 100) };
}
