import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The HTTP load generator: wrk when the Debian package is installed, else autocannon from npm. */
export type LoadTool = 'wrk' | 'autocannon';

export interface Requirements {
  databaseUrl: string;
  loadTool: LoadTool;
}

export const WRK = '/usr/bin/wrk';

/**
 * What the benchmark needs before it starts anything: PostgreSQL (`DATABASE_URL`, a role that may
 * create databases and bypasses row-level security, as the default `postgres` superuser does),
 * PostgreSQL's client programs `pgbench` and `psql`, and an HTTP load generator. Returns the missing
 * pieces as lines to print, or what was found.
 */
export function checkRequirements(env: NodeJS.ProcessEnv = process.env): Requirements | string[] {
  const missing: string[] = [];
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl)
    missing.push(
      'DATABASE_URL: a PostgreSQL 15+ server, as a superuser (the harness creates and drops scratch databases),',
      '  e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench',
    );
  for (const program of ['pgbench', 'psql']) {
    if (spawnSync(program, ['--version'], { stdio: 'ignore' }).status !== 0)
      missing.push(`${program}: PostgreSQL's client programs (Debian: apt-get install postgresql-client)`);
  }
  const loadTool = findLoadTool();
  if (!loadTool)
    missing.push(
      `an HTTP load generator: ${WRK} (Debian: apt-get install wrk) or the autocannon devDependency (npm install)`,
    );
  if (missing.length > 0 || !databaseUrl || !loadTool) return missing;
  return { databaseUrl, loadTool };
}

function findLoadTool(): LoadTool | undefined {
  if (existsSync(WRK)) return 'wrk';
  try {
    createRequire(import.meta.url).resolve('autocannon');
    return 'autocannon';
  } catch {
    return undefined;
  }
}
