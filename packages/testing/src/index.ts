/**
 * @darcha/testing: a test host for plugin authors. Starts chosen plugins and tenants on a fresh
 * database (in-memory PGlite, or PostgreSQL with `DATABASE_URL`) in well under two seconds.
 */
export { startTestHost, type StartTestHostOptions, type TestHost } from './start-test-host.js';
export { TEST_COUNTRY_ID, testTenantInputs } from './test-tenants.js';
export { formatReport } from './testing.errors.js';
