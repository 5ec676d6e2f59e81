import pg from 'pg';
import type { BenchSettings } from '../bench-settings.js';
import { BENCH_AGENCY, type CityCredentials } from '../darcha/bench-city.js';
import { startDarcha, type ServerProcess } from '../darcha/server-process.js';
import { signIn } from '../darcha/staff-session.js';
import { generateCity, type GeneratedCity } from '../data/inquiry-generator.js';
import { loadInquiries } from '../data/load-inquiries.js';
import type { ServiceShape } from '../data/service-shapes.js';
import { latencyOf, timeRequests, type Latency } from '../load/sequential-requests.js';
import { withoutSecondaryIndexes } from '../postgres/secondary-indexes.js';
import type { Log } from '../report/log.js';
import type { ScaleCities, ScaleCity } from './scale-cities.js';

export interface ScaleFigures {
  cityInquiries: number;
  totalInquiries: number;
  cities: number;
  /** The measured city's inbox (`/inbox/role`, first page) and search (by PINFL or TIN, closed ones). */
  alone: { inbox: Latency; search: Latency };
  among: { inbox: Latency; search: Latency };
  /** `/reports/volumes` of last month, by service, for the large city. */
  report: Latency & { cityInquiries: number; from: string; to: string };
  /** Seconds to load the other cities' inquiries (COPY, then their indexes built). */
  loadSeconds: number;
}

const YEAR = 365 * 24 * 3_600_000;
/** Unmeasured requests before each probe: the server's JIT and caches, PostgreSQL's buffers. */
const PROBE_WARMUP = 50;

/**
 * How reads grow with data: the measured city's inbox and search with its inquiries alone in the
 * database, then among all the cities' inquiries; then a month's volume report of the large city.
 * The cities exist already (`prepareCity`); their inquiries are filed over the last year.
 */
export async function scalePhase(
  url: string,
  cities: ScaleCities,
  credentials: { measured: CityCredentials; reported: CityCredentials },
  services: readonly ServiceShape[],
  settings: BenchSettings,
  log: Log,
): Promise<ScaleFigures> {
  const generate = (city: ScaleCity, seed: number): GeneratedCity =>
    generateCity({
      tenantId: city.id,
      name: city.name,
      trackingPrefix: city.trackingPrefix,
      agencyCode: BENCH_AGENCY,
      count: city.inquiries,
      from: new Date(Date.now() - YEAR),
      to: new Date(),
      services,
      openShare: 0.12,
      seed,
    });
  await loadInquiries(url, [generate(cities.measured, 1)]);
  await analyze(url);
  const keys = await applicantKeys(url, cities.measured.id, settings.probeRequests);
  log(`scale: ${cities.measured.inquiries} inquiries of ${cities.measured.id} loaded`);
  const server = await startDarcha({ env: { DATABASE_URL: url } });
  try {
    const alone = await probeReads(server, credentials.measured, keys, settings);
    log(
      `scale alone: inbox p95 ${alone.inbox.p95Ms.toFixed(1)} ms, search p95 ${alone.search.p95Ms.toFixed(1)} ms`,
    );
    const started = performance.now();
    const loaded = await withoutSecondaryIndexes(url, 'inquiries', () =>
      loadInquiries(url, [
        generate(cities.reported, 2),
        ...cities.others.map((city, i) => generate(city, 3 + i)),
      ]),
    );
    const loadSeconds = (performance.now() - started) / 1000;
    log(`scale: ${loaded} more inquiries loaded and indexed in ${loadSeconds.toFixed(0)} s`);
    const among = await probeReads(server, credentials.measured, keys, settings);
    log(
      `scale among: inbox p95 ${among.inbox.p95Ms.toFixed(1)} ms, search p95 ${among.search.p95Ms.toFixed(1)} ms`,
    );
    const report = await probeReport(server, credentials.reported, settings);
    log(`scale: month report p50 ${report.p50Ms.toFixed(0)} ms`);
    return {
      cityInquiries: cities.measured.inquiries,
      totalInquiries: cities.measured.inquiries + loaded,
      cities: 2 + cities.others.length,
      alone,
      among,
      report: { ...report, cityInquiries: cities.reported.inquiries },
      loadSeconds,
    };
  } finally {
    await server.stop();
  }
}

async function probeReads(
  server: ServerProcess,
  city: CityCredentials,
  keys: readonly string[],
  settings: BenchSettings,
): Promise<{ inbox: Latency; search: Latency }> {
  const api = `${server.baseUrl}/t/${city.tenantId}/api/v1`;
  const cookie = await signIn(server.baseUrl, city);
  const inbox = await timeRequests(PROBE_WARMUP, settings.probeRequests, () =>
    fetch(`${api}/inbox/role`, { headers: { Cookie: cookie } }),
  );
  const bearer = { Authorization: `Bearer ${city.apiKey}` };
  const search = await timeRequests(PROBE_WARMUP, settings.probeRequests, (i) =>
    fetch(`${api}/inquiries?closed=true&applicantKey=${keys[i % keys.length]}`, { headers: bearer }),
  );
  return { inbox: latencyOf(inbox), search: latencyOf(search) };
}

async function probeReport(
  server: ServerProcess,
  city: CityCredentials,
  settings: BenchSettings,
): Promise<Latency & { from: string; to: string }> {
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10);
  const path = `/t/${city.tenantId}/api/v1/reports/volumes?from=${from}&to=${to}&groupBy=service`;
  const times = await timeRequests(1, settings.reportRuns, () =>
    fetch(`${server.baseUrl}${path}`, { headers: { Authorization: `Bearer ${city.supervisorKey}` } }),
  );
  return { ...latencyOf(times), from, to };
}

/** PINFLs and TINs that the city's inquiries were filed with, in random order. */
async function applicantKeys(url: string, tenantId: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ key: string }>(
      `select applicant_key as key from inquiries where tenant_id = $1 order by random() limit $2`,
      [tenantId, count],
    );
    return rows.map((r) => r.key);
  } finally {
    await client.end();
  }
}

async function analyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('analyze inquiries');
  } finally {
    await client.end();
  }
}
