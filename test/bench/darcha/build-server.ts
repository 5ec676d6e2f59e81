import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Log } from '../report/log.js';
import { ROOT } from './bench-city.js';

/**
 * Brings the compiled packages up to date (`tsc -b`, what `npm run build` does; about a second when
 * nothing changed), so the server the harness measures is the current code as production runs it.
 */
export function buildServer(log: Log): void {
  const started = performance.now();
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-b'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`npm run build failed; the server cannot be measured:\n${result.stdout}${result.stderr}`);
  log(`build up to date (tsc -b, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
