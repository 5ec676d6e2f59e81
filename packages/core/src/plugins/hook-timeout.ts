import { isDarchaError } from '../errors/darcha-error.js';
import { pluginErrors } from './plugin.errors.js';

/** Default time a plugin hook may take, in ms. */
export const DEFAULT_HOOK_TIMEOUT_MS = 10_000;

/**
 * Runs a plugin hook with a deadline. A hook that throws becomes `DARCHA_PLUGIN_HOOK_FAILED`
 * (coded errors it throws itself are kept), one that overruns `DARCHA_PLUGIN_HOOK_TIMEOUT`.
 * An overrunning hook cannot be cancelled; its late result is ignored.
 */
export async function runHook(
  pluginId: string,
  hook: string,
  timeoutMs: number,
  work: () => Promise<void> | void,
  tenantId?: string,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(pluginErrors.hookTimeout(pluginId, hook, timeoutMs, tenantId)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([Promise.resolve().then(work), deadline]);
  } catch (error) {
    if (isDarchaError(error)) throw error;
    throw pluginErrors.hookFailed(pluginId, hook, error, tenantId);
  } finally {
    clearTimeout(timer);
  }
}
