import { fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { BenchSettings } from '../bench-settings.js';
import { ROOT } from '../darcha/bench-city.js';
import { sampleRss } from '../darcha/rss-sampler.js';
import { freePort, waitForHealth } from '../darcha/server-process.js';
import { measureLoad } from '../load/http-load.js';
import type { LoadResult } from '../load/load-types.js';
import { cpuText } from '../report/cpu-text.js';
import { insertNumberedInquiries } from '../limit/numbered-inquiries.js';
import { numberedId } from '../limit/pgbench-scripts.js';
import type { Log } from '../report/log.js';
import type { LoadTool } from '../requirements.js';

export interface BareFigures {
  naive: LoadResult & { rssMb: number };
  tuned: LoadResult & { rssMb: number };
}

/** More fresh inquiries per second of load than any stack here can move (node:http + pg: ~3,200/s). */
export const INQUIRIES_PER_SECOND = 3_500;

const VARIANTS = [
  { name: 'naive', script: 'bare-naive-server.ts', firstNumber: 1_000_000 },
  { name: 'tuned', script: 'bare-tuned-server.ts', firstNumber: 2_000_000 },
] as const;

/** The transition as every stack receives it: a fresh inquiry at version 1, answered. */
export const TRANSITION_BODY = JSON.stringify({ action: 'answer', comment: 'No debt as of today.' });

/** The bare express + pg stacks under the same HTTP load as Darcha's transitions. */
export async function barePhase(
  url: string,
  tenantId: string,
  settings: BenchSettings,
  tool: LoadTool,
  log: Log,
): Promise<BareFigures> {
  const figures: Partial<BareFigures> = {};
  const count = Math.ceil((settings.httpSeconds + settings.warmupSeconds) * INQUIRIES_PER_SECOND);
  for (const variant of VARIANTS) {
    await insertNumberedInquiries(url, tenantId, variant.firstNumber, count);
    const ids = Array.from({ length: count }, (_, i) => numberedId(variant.firstNumber + i));
    const port = await freePort();
    const child = fork(path.join(import.meta.dirname, variant.script), [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, DATABASE_URL: url, BENCH_TENANT: tenantId, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      await waitForHealth(child, baseUrl, () => stderr);
      const rss = sampleRss(child.pid!);
      const result = await measureLoad(
        tool,
        {
          baseUrl,
          method: 'POST',
          path: '/inquiries/{id}/transitions',
          headers: { 'Content-Type': 'application/json', 'If-Match': '"1"' },
          body: TRANSITION_BODY,
          ids,
          connections: settings.connections,
          seconds: settings.httpSeconds,
        },
        settings.warmupSeconds,
        child.pid,
      );
      figures[variant.name] = { ...result, rssMb: rss.stop() };
      log(
        `bare ${variant.name}: ${result.perSecond.toFixed(0)}/s, p95 ${result.p95Ms.toFixed(1)} ms, ${result.failed} failed${cpuText(result)}`,
      );
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
    }
  }
  return figures as BareFigures;
}
