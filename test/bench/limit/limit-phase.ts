import type { BenchSettings } from '../bench-settings.js';
import { tenantSessionOptions } from '../postgres/libpq-env.js';
import type { Log } from '../report/log.js';
import { insertNumberedInquiries } from './numbered-inquiries.js';
import { scriptA, scriptB } from './pgbench-scripts.js';
import { runPgbench, type PgbenchResult } from './run-pgbench.js';

/** pgbench A and B per client count. */
export interface LimitFigures {
  a: Record<number, PgbenchResult>;
  b: Record<number, PgbenchResult>;
}

/** Inquiries each pgbench B client cycles through (its version check knows each one's version). */
const PER_CLIENT = 1_000;
/** B's numbered inquiries start here, clear of the bare stacks' numbers. */
export const LIMIT_FIRST_NUMBER = 1;

/**
 * The database's limit on this machine: scripts A and B at each client count, on the scratch
 * database Darcha migrated, in the same tenant that Darcha is measured in afterwards.
 */
export async function limitPhase(
  url: string,
  tenantId: string,
  settings: BenchSettings,
  log: Log,
): Promise<LimitFigures> {
  const maxClients = Math.max(...settings.limitClients);
  const perClient = settings.quick ? 100 : PER_CLIENT;
  const runs = settings.limitClients.length;
  await insertNumberedInquiries(url, tenantId, LIMIT_FIRST_NUMBER, runs * maxClients * perClient);
  const options = tenantSessionOptions(tenantId);
  const figures: LimitFigures = { a: {}, b: {} };
  for (const [index, clients] of settings.limitClients.entries()) {
    const common = { clients, seconds: settings.limitSeconds, url, options };
    const a = await runPgbench({ ...common, script: scriptA(tenantId), variables: { run: index, round: 0 } });
    figures.a[clients] = a;
    log(`pgbench A, ${clients} client(s): ${a.tps.toFixed(0)}/s, ${a.latencyMs.toFixed(2)} ms average`);
    const base = LIMIT_FIRST_NUMBER + index * maxClients * perClient;
    const b = await runPgbench({
      ...common,
      script: scriptB(tenantId),
      variables: { base, per_client: perClient, round: 0 },
    });
    figures.b[clients] = b;
    log(`pgbench B, ${clients} client(s): ${b.tps.toFixed(0)}/s, ${b.latencyMs.toFixed(2)} ms average`);
  }
  return figures;
}
