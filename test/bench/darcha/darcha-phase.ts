import type { BenchSettings } from '../bench-settings.js';
import { generateCity } from '../data/inquiry-generator.js';
import { loadNewInquiries } from '../data/load-inquiries.js';
import type { ServiceShape } from '../data/service-shapes.js';
import { measureLoad } from '../load/http-load.js';
import type { LoadResult } from '../load/load-types.js';
import { cpuText } from '../report/cpu-text.js';
import type { Log } from '../report/log.js';
import type { LoadTool } from '../requirements.js';
import { BENCH_AGENCY, BENCH_SERVICE, type CityCredentials } from './bench-city.js';
import { filingLoad, sendOne, transitionLoad } from './darcha-requests.js';
import { outboxCounter, type OutboxBacklog } from './outbox-backlog.js';
import { sampleRss } from './rss-sampler.js';
import { startDarcha } from './server-process.js';
import { profileRequests, type RequestProfile } from './statement-probe.js';

export interface DarchaFigures {
  filing: LoadResult;
  transition: LoadResult;
  /** The server process's largest resident set during both loads. */
  rssMb: number;
  /**
   * The outbox after each load: the events it wrote, those the dispatcher (in the same process) had
   * not delivered yet when the load ended, and how long it took to catch up.
   */
  outbox?: { filing: OutboxBacklog; transition: OutboxBacklog };
  /** One request at a time, on a server without jobs. */
  profile: { filing: RequestProfile; transition: RequestProfile };
}

/** Fresh inquiries per second of transition load: more than Darcha moves on this machine. */
const INQUIRIES_PER_SECOND = 2_000;
const PROBE_WARMUP = 10;
const PROBE_REQUESTS = 50;

/**
 * Darcha on PostgreSQL, as `npm start` runs it (jobs on, `info` logs, a pool of 16): filing and
 * transitions at the benchmark's concurrency. First a profile of single requests on a server without
 * jobs: the statements each sends (BEGIN, set_config and COMMIT included) and its unloaded latency.
 */
export async function darchaPhase(
  url: string,
  city: CityCredentials & { name: string; trackingPrefix: string },
  services: readonly ServiceShape[],
  settings: BenchSettings,
  tool: LoadTool,
  log: Log,
): Promise<DarchaFigures> {
  const probeIds = 2 * (PROBE_WARMUP + PROBE_REQUESTS);
  const count = Math.ceil((settings.httpSeconds + settings.warmupSeconds) * INQUIRIES_PER_SECOND) + probeIds;
  const pool = generateCity({
    tenantId: city.tenantId,
    name: city.name,
    trackingPrefix: city.trackingPrefix,
    agencyCode: BENCH_AGENCY,
    count,
    from: new Date(Date.now() - 5 * 60_000),
    to: new Date(),
    services: services.filter((s) => s.code === BENCH_SERVICE),
    openShare: 1,
    seed: 8,
    startStateOnly: true,
  });
  const ids = await loadNewInquiries(url, pool);
  log(`${ids.length} new inquiries for transitions loaded`);
  const env = { DATABASE_URL: url, DARCHA_DB_POOL_MAX: String(settings.connections) };

  const probe = await startDarcha({ env: { ...env, DARCHA_JOBS: 'false' }, countStatements: true });
  let profile: DarchaFigures['profile'];
  try {
    const filing = await profileRequests(probe, PROBE_WARMUP, PROBE_REQUESTS, () =>
      sendOne(filingLoad(probe.baseUrl, city)),
    );
    const transition = await profileRequests(probe, PROBE_WARMUP, PROBE_REQUESTS, (i) =>
      sendOne(transitionLoad(probe.baseUrl, city, ids), ids[i]),
    );
    profile = { filing, transition };
  } finally {
    await probe.stop();
  }
  log(
    `one at a time: filing ${profile.filing.statements.toFixed(1)} statements, ${profile.filing.p50Ms.toFixed(1)} ms; ` +
      `transition ${profile.transition.statements.toFixed(1)} statements, ${profile.transition.p50Ms.toFixed(1)} ms`,
  );

  const server = await startDarcha({ env });
  const outbox = await outboxCounter(url);
  try {
    const rss = sampleRss(server.pid);
    const load = { connections: settings.connections, seconds: settings.httpSeconds };
    await outbox.mark();
    const filing = await measureLoad(
      tool,
      { ...filingLoad(server.baseUrl, city), ...load },
      settings.warmupSeconds,
      server.pid,
    );
    log(
      `Darcha filing: ${filing.perSecond.toFixed(0)}/s, p95 ${filing.p95Ms.toFixed(1)} ms, ${filing.failed} failed${cpuText(filing)}`,
    );
    const filingOutbox = await outbox.afterLoad();
    log(backlogLine(filingOutbox));
    const fresh = ids.slice(probeIds);
    await outbox.mark();
    const transition = await measureLoad(
      tool,
      { ...transitionLoad(server.baseUrl, city, fresh), ...load },
      settings.warmupSeconds,
      server.pid,
    );
    log(
      `Darcha transition: ${transition.perSecond.toFixed(0)}/s, p95 ${transition.p95Ms.toFixed(1)} ms, ${transition.failed} failed${cpuText(transition)}`,
    );
    const transitionOutbox = await outbox.afterLoad();
    log(backlogLine(transitionOutbox));
    return {
      filing,
      transition,
      rssMb: rss.stop(),
      profile,
      outbox: { filing: filingOutbox, transition: transitionOutbox },
    };
  } finally {
    await outbox.close();
    await server.stop();
  }
}

function backlogLine(b: OutboxBacklog): string {
  return `outbox: ${b.written} events written, ${b.pendingAtEnd} pending at the end, ${b.drainSeconds === null ? 'not caught up in 3 min' : `caught up in ${b.drainSeconds.toFixed(1)} s`}`;
}
