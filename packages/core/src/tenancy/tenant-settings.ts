import deepmerge from 'deepmerge';
import type { SettingValue, TenantSettings } from './types.js';

/**
 * Merges settings layers, root ancestor first and the tenant itself last. Objects merge key by key,
 * so a city overrides one key of its region without copying the rest; arrays and scalars replace.
 */
export function mergeSettingsLayers(layers: readonly TenantSettings[]): TenantSettings {
  return deepmerge.all<TenantSettings>([{}, ...layers], {
    arrayMerge: (_target, source: unknown[]) => structuredClone(source),
  });
}

/** Settings deeper or larger than this are refused: they are configuration, not data. */
export const SETTINGS_MAX_DEPTH = 16;
export const SETTINGS_MAX_BYTES = 64 * 1024;

/** Why a settings object is too deep or too large, or undefined when it is fine. */
export function settingsSizeProblem(settings: unknown): string | undefined {
  const depth = (value: unknown, level: number): number => {
    if (level > SETTINGS_MAX_DEPTH || typeof value !== 'object' || value === null) return level;
    let deepest = level;
    for (const child of Object.values(value)) deepest = Math.max(deepest, depth(child, level + 1));
    return deepest;
  };
  if (depth(settings, 0) > SETTINGS_MAX_DEPTH) return `is nested more than ${SETTINGS_MAX_DEPTH} levels deep`;
  if (Buffer.byteLength(JSON.stringify(settings)) > SETTINGS_MAX_BYTES)
    return `is larger than ${SETTINGS_MAX_BYTES} bytes`;
  return undefined;
}

/**
 * Applies a patch to a tenant's own settings: objects merge key by key, other values replace, and a
 * `null` removes the key so that the value is inherited again. Returns a new object.
 */
export function applySettingsPatch(own: TenantSettings, patch: TenantSettings): TenantSettings {
  const result: TenantSettings = { ...own };
  for (const [key, value] of Object.entries(patch)) {
    const current = result[key];
    if (value === null) delete result[key];
    else if (isObject(value) && isObject(current)) result[key] = applySettingsPatch(current, value);
    else result[key] = value;
  }
  return result;
}

function isObject(value: SettingValue | undefined): value is { [key: string]: SettingValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
