import os from 'node:os';
import pg from 'pg';
import type { LoadTool } from '../requirements.js';
import type { MachineInfo } from './figures.js';

/** The machine the run is on, and the PostgreSQL server it measures. */
export async function machineInfo(databaseUrl: string, loadTool: LoadTool): Promise<MachineInfo> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let postgres: string;
  try {
    postgres = (await client.query<{ v: string }>('select version() as v')).rows[0]!.v;
  } finally {
    await client.end();
  }
  const load = os.loadavg()[0]!;
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    loadTool,
    loadAverage: { start: load, end: load },
  };
}
