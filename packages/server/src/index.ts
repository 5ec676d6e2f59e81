export { createServer, type CreateServerOptions, type DarchaServer } from './create-server.js';
export { STATUS_BY_KIND, type ProblemDocument } from './problem.js';
export { runServer, type RunServerOptions, type RunningServer } from './run-server.js';
