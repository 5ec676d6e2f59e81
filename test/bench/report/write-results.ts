import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { PHASES } from '../bench-settings.js';
import type { BenchFigures } from './figures.js';

const RESULTS = path.join(import.meta.dirname, '../results');

/**
 * Writes the figures as JSON: `results/<YYYY-MM-DD>.json` for a full run; a quick or partial run
 * goes to `results/<date>-<phases>[-quick].tmp` (ignored by git), so it never replaces a real one.
 */
export async function writeResults(figures: BenchFigures): Promise<string> {
  const all = PHASES.every((p) => figures.phases.includes(p));
  const name =
    all && !figures.quick
      ? `${figures.date}.json`
      : `${figures.date}${all ? '' : `-${figures.phases.join('-')}`}${figures.quick ? '-quick' : ''}.tmp`;
  const file = path.join(RESULTS, name);
  // Formatted as the repository's prettier settings want it, so that `npm run lint` passes with it.
  const options = await prettier.resolveConfig(file);
  writeFileSync(file, await prettier.format(JSON.stringify(figures), { ...options, parser: 'json' }));
  return file;
}
