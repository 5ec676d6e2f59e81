#!/usr/bin/env node
// `npm start`: run the Darcha server with the configuration from darcha.config.json and the environment.
import { isDarchaError } from '@darcha/core';
import { runServer } from './run-server.js';

runServer().catch((error: unknown) => {
  if (isDarchaError(error)) {
    console.error(`${error.code}: ${error.message}\n  ${error.hint}`);
    process.exit(error.kind === 'invalid' ? 2 : 1);
  }
  console.error(error);
  process.exit(1);
});
