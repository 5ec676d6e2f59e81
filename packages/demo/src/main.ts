#!/usr/bin/env node
// `npm start`: the Darcha server with the demo of the three cities when `demo` is on (the default on
// the embedded database), and their history the first time (unless DARCHA_DEMO_HISTORY=false).
// Startup failures are written to stderr as plain text.
import { inspect } from 'node:util';
import { isDarchaError } from '@darcha/core';
import { runServer } from '@darcha/server';
import { seedDemoHistory } from './history/index.js';
import { describeAccounts, prepareDemo } from './prepare-demo.js';

/**
 * `DARCHA_DEMO_HISTORY`: unset or `true`, the whole history; `false` (or 0, no, off), none; a number
 * such as `0.01`, that share of it (quick trials and tests).
 */
function historyScale(value: string | undefined): number {
  const text = (value ?? '').trim().toLowerCase();
  if (['false', '0', 'no', 'off'].includes(text)) return 0;
  const scale = Number(text);
  return text !== '' && Number.isFinite(scale) && scale > 0 ? scale : 1;
}
const scale = historyScale(process.env['DARCHA_DEMO_HISTORY']);

runServer({
  // The command owns its process: it may set V8's flags (ADR 0008).
  baselineWasm: true,
  prepare: async (platform) => {
    if (!platform.config.demo) return;
    const accounts = await prepareDemo(platform);
    if (accounts.length > 0) {
      // Shown once (only the hashes are kept), in the message: fields named password are redacted.
      platform.logger.warn(
        `demo sign-in accounts created, shown once:\n  ${describeAccounts(accounts).join('\n  ')}`,
      );
    }
    if (scale === 0) return;
    const started = Date.now();
    const results = await seedDemoHistory(platform, {
      scale,
      onProgress: ({ message, ...progress }) => {
        if (progress.phase === 'done' || progress.phase === 'skipped')
          platform.logger.info(progress, message);
        else platform.logger.info(progress, `demo history of ${progress.tenantId}: ${progress.phase}`);
      },
    });
    if (results.some((r) => r.seeded)) {
      platform.logger.info(
        {
          seconds: (Date.now() - started) / 1000,
          cities: results.filter((r) => r.seeded).map((r) => r.tenantId),
        },
        'demo history seeded (DARCHA_DEMO_HISTORY=false skips it)',
      );
    }
  },
}).catch((error: unknown) => {
  if (isDarchaError(error)) {
    process.stderr.write(`${error.code}: ${error.message}\n  ${error.hint}\n`);
    process.exit(error.kind === 'invalid' ? 2 : 1);
  }
  process.stderr.write(`${inspect(error)}\n`);
  process.exit(1);
});
