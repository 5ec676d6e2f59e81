#!/usr/bin/env node
// `npm start`: run the Darcha server with the configuration from darcha.config.json and the environment.
// Startup failures are written to stderr as plain text: the logger's level and destination come from
// the very configuration that may be what failed.
import { inspect } from 'node:util';
import { isDarchaError } from '@darcha/core';
import { runServer } from './run-server.js';

// The command owns its process: it may set V8's flags (ADR 0008).
runServer({ baselineWasm: true }).catch((error: unknown) => {
  if (isDarchaError(error)) {
    process.stderr.write(`${error.code}: ${error.message}\n  ${error.hint}\n`);
    process.exit(error.kind === 'invalid' ? 2 : 1);
  }
  process.stderr.write(`${inspect(error)}\n`);
  process.exit(1);
});
