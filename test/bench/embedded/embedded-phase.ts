import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchSettings } from '../bench-settings.js';
import { cityCredentials, openBenchPlatform, prepareCity, type CitySpec } from '../darcha/bench-city.js';
import { filingLoad } from '../darcha/darcha-requests.js';
import { sampleRss } from '../darcha/rss-sampler.js';
import { startDarcha } from '../darcha/server-process.js';
import { measureLoad } from '../load/http-load.js';
import type { LoadResult } from '../load/load-types.js';
import type { Log } from '../report/log.js';
import { median } from '../report/stats.js';
import type { LoadTool } from '../requirements.js';

export interface EmbeddedFigures {
  filing: LoadResult;
  rssMb: number;
  /**
   * Process start to the first `/healthz` 200 on the directory the filing left, each try and the
   * median: the built server, as production runs it.
   */
  coldStartsMs: number[];
  coldStartMs: number;
  /** The same from the TypeScript sources through tsx, as `npm start` runs it (median). */
  sourceColdStartMs?: number;
}

/**
 * Darcha on its embedded database: the same filing load on PGlite in a fresh data directory, then
 * cold starts of the server entry on that existing directory.
 */
export async function embeddedPhase(
  city: CitySpec,
  settings: BenchSettings,
  tool: LoadTool,
  log: Log,
): Promise<EmbeddedFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'darcha-bench-pglite-'));
  try {
    const dataDir = path.join(dir, 'data');
    const platform = await openBenchPlatform({ dataDir });
    let credentials;
    try {
      await prepareCity(platform, city);
      credentials = await cityCredentials(platform, city.id);
    } finally {
      await platform.close();
    }
    const env = { DARCHA_DATA_DIR: dataDir };
    const server = await startDarcha({ env });
    let filing: LoadResult;
    let rssMb: number;
    try {
      const rss = sampleRss(server.pid);
      const load = { connections: settings.connections, seconds: settings.httpSeconds };
      filing = await measureLoad(
        tool,
        { ...filingLoad(server.baseUrl, credentials), ...load },
        settings.warmupSeconds,
      );
      rssMb = rss.stop();
    } finally {
      await server.stop();
    }
    log(
      `PGlite filing: ${filing.perSecond.toFixed(0)}/s, p95 ${filing.p95Ms.toFixed(1)} ms, ${filing.failed} failed`,
    );
    const coldStarts = async (entry: 'built' | 'source'): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < settings.coldStarts; i++) {
        const started = await startDarcha({ env, entry });
        times.push(started.startMs);
        await started.stop();
      }
      log(`PGlite cold start (${entry}): ${times.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`);
      return times;
    };
    const coldStartsMs = await coldStarts('built');
    const sourceColdStartMs = median(await coldStarts('source'));
    return { filing, rssMb, coldStartsMs, coldStartMs: median(coldStartsMs), sourceColdStartMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
