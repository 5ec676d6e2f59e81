#!/usr/bin/env node
// `npm start`: the Darcha server with the demo of the three cities when `demo` is on (the default on
// the embedded database). Startup failures are written to stderr as plain text.
import { inspect } from 'node:util';
import { isDarchaError } from '@darcha/core';
import { runServer } from '@darcha/server';
import { describeAccounts, prepareDemo } from './prepare-demo.js';

runServer({
  prepare: async (platform) => {
    if (!platform.config.demo) return;
    const accounts = await prepareDemo(platform);
    if (accounts.length > 0) {
      // Shown once (only the hashes are kept), in the message: fields named password are redacted.
      platform.logger.warn(
        `demo sign-in accounts created, shown once:\n  ${describeAccounts(accounts).join('\n  ')}`,
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
