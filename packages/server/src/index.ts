export { createServer, type CreateServerOptions, type DarchaServer } from './create-server.js';
export { STATUS_BY_KIND, type ProblemDocument } from './problem.js';
export { runServer, type RunServerOptions, type RunningServer } from './run-server.js';
export { createMetrics, type ServerMetrics } from './infra/metrics.js';
export {
  publicWriteLimiter,
  signInLimiter,
  RATE_LIMITED_CODE,
  type RateLimiterOptions,
} from './infra/rate-limits.js';
export { requestLogger } from './infra/request-logger.middleware.js';
export { securityHeaders, type SecurityHeadersOptions } from './infra/security-headers.middleware.js';
