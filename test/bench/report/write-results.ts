import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { PHASES } from '../bench-settings.js';
import type { BenchFigures } from './figures.js';

const RESULTS = path.join(import.meta.dirname, '../results');

/**
 * Writes the figures as JSON: `results/<YYYY-MM-DD>.json` for a full run (`<date>-2.json`, `-3` ...
 * when that day already has one, so a run never replaces another); a quick or partial run goes to
 * `results/<date>-<phases>[-quick].tmp` (ignored by git), so it never replaces a real one.
 */
export async function writeResults(figures: BenchFigures): Promise<string> {
  const all = PHASES.every((p) => figures.phases.includes(p));
  const file =
    all && !figures.quick
      ? freeName(figures.date)
      : path.join(
          RESULTS,
          `${figures.date}${all ? '' : `-${figures.phases.join('-')}`}${figures.quick ? '-quick' : ''}.tmp`,
        );
  // Formatted as the repository's prettier settings want it, so that `npm run lint` passes with it.
  const options = await prettier.resolveConfig(file);
  writeFileSync(file, await prettier.format(JSON.stringify(figures), { ...options, parser: 'json' }));
  return file;
}

/** `results/<date>.json`, or the first of `<date>-2.json`, `<date>-3.json` ... not taken yet. */
function freeName(date: string): string {
  for (let n = 1; ; n++) {
    const file = path.join(RESULTS, `${date}${n === 1 ? '' : `-${n}`}.json`);
    if (!existsSync(file)) return file;
  }
}
