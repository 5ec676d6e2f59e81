export { createProgram } from './program.js';
export { runCli } from './run-cli.js';
export { EXIT_CODE_BY_KIND } from './exit-codes.js';
