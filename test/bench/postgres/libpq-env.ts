/**
 * The environment that points PostgreSQL's client programs (pgbench, psql) at the database of a
 * `postgres://` URL, with optional startup settings (`PGOPTIONS`, e.g. `-c role=darcha_app`).
 */
export function libpqEnv(url: string, options?: string): NodeJS.ProcessEnv {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: parsed.hostname || '127.0.0.1',
    PGPORT: parsed.port || '5432',
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
  };
  if (parsed.username) env['PGUSER'] = decodeURIComponent(parsed.username);
  if (parsed.password) env['PGPASSWORD'] = decodeURIComponent(parsed.password);
  if (options) env['PGOPTIONS'] = options;
  else delete env['PGOPTIONS'];
  return env;
}

/**
 * Startup settings under which a session acts like Darcha's tenant transactions for its whole life:
 * as the app role the migrations created (neither superuser nor exempt from row-level security),
 * with the tenant setting the policies read. Darcha sets both per transaction with `set_config`.
 */
export function tenantSessionOptions(tenantId: string): string {
  return `-c role=darcha_app -c darcha.tenant_id=${tenantId}`;
}
