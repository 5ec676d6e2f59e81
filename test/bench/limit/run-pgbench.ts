import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { libpqEnv } from '../postgres/libpq-env.js';

export interface PgbenchRun {
  script: string;
  clients: number;
  seconds: number;
  /** `-D name=value` variables. */
  variables: Record<string, number>;
  url: string;
  /** PGOPTIONS of every session. */
  options: string;
}

export interface PgbenchResult {
  tps: number;
  latencyMs: number;
  transactions: number;
}

/**
 * Runs pgbench with a custom script (`-n`: no vacuum of pgbench's own tables, which do not exist
 * here; `-M prepared`: each statement parsed once per session, the database at its best). Fails
 * when a client aborted or a transaction failed.
 */
export async function runPgbench(run: PgbenchRun): Promise<PgbenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'darcha-pgbench-'));
  try {
    const file = path.join(dir, 'script.sql');
    writeFileSync(file, run.script);
    const variables = Object.entries(run.variables).flatMap(([k, v]) => ['-D', `${k}=${v}`]);
    const args = ['-n', '-M', 'prepared', '-c', String(run.clients), '-j', String(Math.min(2, run.clients))];
    const child = spawn('pgbench', [...args, '-T', String(run.seconds), ...variables, '-f', file], {
      env: libpqEnv(run.url, run.options),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    const tps = /^tps = ([\d.]+)/m.exec(output)?.[1];
    const latency = /^latency average = ([\d.]+) ms/m.exec(output)?.[1];
    const done = /^number of transactions actually processed: (\d+)/m.exec(output)?.[1];
    const failed = Number(/^number of failed transactions: (\d+)/m.exec(output)?.[1] ?? 0);
    if (code !== 0 || !tps || !latency || !done || failed > 0)
      throw new Error(`pgbench failed (exit ${code}):\n${output}`);
    return { tps: Number(tps), latencyMs: Number(latency), transactions: Number(done) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
