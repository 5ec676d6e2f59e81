import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own for one part of the run, dropped at the end whatever happened. */
export interface ScratchDatabase {
  name: string;
  /** DATABASE_URL with this database's name. */
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database next to the one `serverUrl` names (its server, its credentials). */
export async function createScratchDatabase(serverUrl: string, label: string): Promise<ScratchDatabase> {
  const name = `darcha_bench_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    name,
    url: url.toString(),
    drop: () => (dropped ??= onServer(serverUrl, `drop database if exists ${name} with (force)`)),
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
