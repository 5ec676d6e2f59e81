/**
 * How long each measurement runs and how much data the scale phase loads. The full run is what
 * `npm run bench` does and what docs/reference/performance.md reports; `BENCH_QUICK=1` shrinks
 * every duration and data set for a smoke run of the harness itself (its figures mean nothing).
 * `BENCH_ONLY=limit,bare,darcha,scale,embedded` runs some phases only.
 */
export interface BenchSettings {
  quick: boolean;
  /** Phases to run, in this order. */
  phases: readonly Phase[];
  /** pgbench: seconds per run, and the client counts. */
  limitSeconds: number;
  limitClients: readonly number[];
  /** Concurrent HTTP connections of every HTTP load (bare stacks and Darcha). */
  connections: number;
  /** Seconds of each measured HTTP load, and of the unmeasured warm-up before it. */
  httpSeconds: number;
  warmupSeconds: number;
  /** Sequential requests per latency probe (inbox, search) and per report. */
  probeRequests: number;
  reportRuns: number;
  scale: {
    /** Inquiries of the measured city, alone and then among the others. */
    cityInquiries: number;
    /** Inquiries in all once the other cities are loaded, and how many cities share them. */
    totalInquiries: number;
    cities: number;
    /** The city whose month is reported holds this many. */
    reportCityInquiries: number;
  };
  /** Cold starts timed on the existing PGlite directory (the median is reported). */
  coldStarts: number;
}

export const PHASES = ['limit', 'bare', 'darcha', 'scale', 'embedded'] as const;
export type Phase = (typeof PHASES)[number];

export function benchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const quick = env['BENCH_QUICK'] === '1';
  const only = env['BENCH_ONLY']?.split(',').map((p) => p.trim());
  const phases = PHASES.filter((p) => !only || only.includes(p));
  if (quick) {
    return {
      quick,
      phases,
      limitSeconds: 2,
      limitClients: [1, 4, 16],
      connections: 16,
      httpSeconds: 2,
      warmupSeconds: 1,
      probeRequests: 20,
      reportRuns: 3,
      scale: { cityInquiries: 2_000, totalInquiries: 30_000, cities: 10, reportCityInquiries: 10_000 },
      coldStarts: 1,
    };
  }
  return {
    quick,
    phases,
    limitSeconds: 20,
    limitClients: [1, 4, 16],
    connections: 16,
    httpSeconds: 15,
    warmupSeconds: 2,
    probeRequests: 200,
    reportRuns: 10,
    scale: { cityInquiries: 10_000, totalInquiries: 1_000_000, cities: 100, reportCityInquiries: 100_000 },
    coldStarts: 3,
  };
}
