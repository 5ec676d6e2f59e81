import type { LoadTool } from '../requirements.js';
import { autocannonLoad } from './autocannon-load.js';
import type { LoadResult, LoadSpec } from './load-types.js';
import { wrkLoad } from './wrk-load.js';

/**
 * A warm-up of `warmupSeconds` (not measured; JIT, pools and caches), then the measured load. With
 * ids, the warm-up takes its own from the end of the list, so the measured run still meets only
 * fresh ones; `warmupShare` is the part of the list kept for the warm-up.
 */
export async function measureLoad(
  tool: LoadTool,
  spec: LoadSpec,
  warmupSeconds: number,
  warmupShare = 0.15,
): Promise<LoadResult> {
  const run = tool === 'wrk' ? wrkLoad : autocannonLoad;
  const ids = spec.ids;
  const split = ids ? Math.floor(ids.length * (1 - warmupShare)) : 0;
  if (warmupSeconds > 0)
    await run({ ...spec, seconds: warmupSeconds, ...(ids ? { ids: ids.slice(split) } : {}) });
  return run({ ...spec, ...(ids ? { ids: ids.slice(0, split) } : {}) });
}
