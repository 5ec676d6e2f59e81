import type { LoadTool } from '../requirements.js';
import { autocannonLoad } from './autocannon-load.js';
import { meterCpu } from './cpu-time.js';
import type { LoadResult, LoadSpec } from './load-types.js';
import { wrkLoad } from './wrk-load.js';

/** The part of a load's ids kept for its warm-up. */
const WARMUP_SHARE = 0.15;

/**
 * A warm-up of `warmupSeconds` (not measured; JIT, pools and caches), then the measured load. With
 * ids, the warm-up takes its own from the end of the list, so the measured run still meets only
 * fresh ones; {@link WARMUP_SHARE} of the list is kept for the warm-up. With `serverPid`, the CPU
 * that server and PostgreSQL spent in the measured run, per request, is in the result's `cpu`.
 */
export async function measureLoad(
  tool: LoadTool,
  spec: LoadSpec,
  warmupSeconds: number,
  serverPid?: number,
): Promise<LoadResult> {
  const run = tool === 'wrk' ? wrkLoad : autocannonLoad;
  const ids = spec.ids;
  const split = ids ? Math.floor(ids.length * (1 - WARMUP_SHARE)) : 0;
  if (warmupSeconds > 0)
    await run({ ...spec, seconds: warmupSeconds, ...(ids ? { ids: ids.slice(split) } : {}) });
  const meter = serverPid === undefined ? undefined : meterCpu(serverPid);
  const result = await run({ ...spec, ...(ids ? { ids: ids.slice(0, split) } : {}) });
  const cpu = meter?.stop(result.requests);
  return cpu ? { ...result, cpu } : result;
}
