import type { DarchaPlugin, PluginManifest } from './types.js';

/**
 * Declares a Darcha plugin. Returns the manifest marked and frozen; every check (identity, core
 * range, dependencies, schemas, contributions) runs when the platform loads it, or with
 * `darcha plugin verify`, so that mistakes are reported with the plugin's id and how to fix them.
 *
 * @example
 * export default definePlugin({
 *   id: 'agency-gas', version: '0.1.0', kind: 'agency', engines: { darcha: '^1.0.0' },
 *   services: [noDebtCertificate],
 * });
 */
export function definePlugin<TConfig = unknown, TSettings = unknown>(
  manifest: PluginManifest<TConfig, TSettings>,
): DarchaPlugin<TConfig, TSettings> {
  return Object.freeze({ ...manifest, __darchaPlugin: true as const });
}

/** True for a value made by `definePlugin` (or shaped like one). */
export function isDarchaPlugin(value: unknown): value is DarchaPlugin {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { __darchaPlugin?: unknown }).__darchaPlugin === true
  );
}
