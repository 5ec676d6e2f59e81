#!/usr/bin/env node
import { useBaselineWasmCompiler } from '@darcha/core';
import { runCli } from './run-cli.js';

// A command is a short process: when it opens an embedded database (PGlite, WebAssembly), V8's
// baseline compiler has it ready sooner than tiering up to TurboFan would. On PostgreSQL it changes nothing.
useBaselineWasmCompiler();
process.exitCode = await runCli(process.argv.slice(2));
