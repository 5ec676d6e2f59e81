import { isDarchaError } from '@darcha/core';
import { CommanderError } from 'commander';
import { EXIT_CODE_BY_KIND } from './exit-codes.js';
import { createProgram } from './program.js';

/**
 * Runs the CLI with `argv` (without node and script) and resolves with the exit code. Coded errors
 * are printed as `CODE: message` plus the hint, never as a stack trace.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isDarchaError(error)) {
      console.error(`${error.code}: ${error.message}\n  ${error.hint}`);
      return EXIT_CODE_BY_KIND[error.kind];
    }
    console.error(error);
    return 1;
  }
}
