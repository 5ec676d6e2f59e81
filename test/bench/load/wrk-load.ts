import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WRK } from '../requirements.js';
import type { LoadResult, LoadSpec } from './load-types.js';

const SCRIPT = path.join(import.meta.dirname, 'wrk-load.lua');
const THREADS = 2;

interface WrkSummary {
  requests: number;
  durationUs: number;
  status: number;
  connect: number;
  read: number;
  write: number;
  timeout: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Runs one load with wrk (two threads, the machine's cores) and the benchmark's Lua script. */
export async function wrkLoad(spec: LoadSpec): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'darcha-wrk-'));
  try {
    const idsFile = path.join(dir, 'ids');
    if (spec.ids) writeFileSync(idsFile, `${spec.ids.join('\n')}\n`);
    const threads = Math.min(THREADS, spec.connections);
    const args = [`-t${threads}`, `-c${spec.connections}`, `-d${spec.seconds}s`, '--timeout', '10s'];
    const child = spawn(WRK, [...args, '-s', SCRIPT, spec.baseUrl], {
      env: {
        ...process.env,
        BENCH_THREADS: String(threads),
        BENCH_METHOD: spec.method,
        BENCH_PATH: spec.path,
        BENCH_HEADERS: Object.entries(spec.headers)
          .map(([name, value]) => `${name}: ${value}`)
          .join('\n'),
        BENCH_BODY: spec.body ?? '',
        BENCH_IDS: spec.ids ? idsFile : '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    const line = /^BENCH_RESULT (.*)$/m.exec(output)?.[1];
    if (code !== 0 || !line) throw new Error(`wrk failed (exit ${code}):\n${output}`);
    const s = JSON.parse(line) as WrkSummary;
    const seconds = s.durationUs / 1e6;
    return {
      requests: s.requests,
      seconds,
      perSecond: s.requests / seconds,
      failed: s.status + s.connect + s.read + s.write + s.timeout,
      p50Ms: s.p50 / 1000,
      p95Ms: s.p95 / 1000,
      p99Ms: s.p99 / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
