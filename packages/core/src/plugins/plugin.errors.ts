import { DarchaError } from '../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../errors/field-error.js';

/** The coded errors of the plugin host; each names the plugin and says what to change. */
export const pluginErrors = {
  invalid(pluginId: string, problems: string[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_INVALID',
      kind: 'invalid',
      message: `Plugin "${pluginId}" is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      hint: 'Fix the manifest passed to definePlugin(); docs/reference/plugin-api.md describes every field.',
      details: { pluginId, problems },
    });
  },

  coreMismatch(pluginId: string, range: string, apiVersion: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_CORE_MISMATCH',
      kind: 'invalid',
      message: `Plugin "${pluginId}" supports Darcha plugin API ${range}, but this core implements ${apiVersion}.`,
      hint: `Install a version of the plugin made for plugin API ${apiVersion}, or widen engines.darcha if it is compatible.`,
      details: { pluginId, range, apiVersion },
    });
  },

  dependencyMissing(pluginId: string, dependencyId: string, range: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_DEPENDENCY_MISSING',
      kind: 'invalid',
      message: `Plugin "${pluginId}" depends on "${dependencyId}" (${range}), which is not installed.`,
      hint: `Add "${dependencyId}" to the installed plugins, or mark the dependency optional if the plugin works without it.`,
      details: { pluginId, dependencyId, range },
    });
  },

  dependencyMismatch(pluginId: string, dependencyId: string, range: string, found: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_DEPENDENCY_MISMATCH',
      kind: 'invalid',
      message: `Plugin "${pluginId}" needs "${dependencyId}" ${range}, but version ${found} is installed.`,
      hint: `Install a version of "${dependencyId}" within ${range}, or update "${pluginId}".`,
      details: { pluginId, dependencyId, range, found },
    });
  },

  dependencyFailed(pluginId: string, dependencyId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_DEPENDENCY_FAILED',
      kind: 'unavailable',
      message: `Plugin "${pluginId}" was not started because its dependency "${dependencyId}" failed.`,
      hint: `Fix "${dependencyId}" first; its own error is in the startup report.`,
      details: { pluginId, dependencyId },
    });
  },

  cycle(pluginId: string, cycle: string[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_CYCLE',
      kind: 'invalid',
      message: `Plugin "${pluginId}" is part of a dependency cycle: ${cycle.join(' -> ')}.`,
      hint: 'Break the cycle: move what both need into a third plugin, or use an extension point in one direction only.',
      details: { pluginId, cycle },
    });
  },

  duplicateId(pluginId: string, sources: string[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_DUPLICATE_ID',
      kind: 'invalid',
      message: `Plugin id "${pluginId}" is used by more than one plugin: ${sources.join(', ')}.`,
      hint: 'Plugin ids are unique per installation: remove one of them or rename it.',
      details: { pluginId, sources },
    });
  },

  configInvalid(pluginId: string, errors: FieldError[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_CONFIG_INVALID',
      kind: 'invalid',
      message: `The config of plugin "${pluginId}" is invalid:\n${formatFieldErrors(errors)}`,
      hint: `Correct plugins.config["${pluginId}"] in darcha.config.json; the plugin's configSchema says what it expects.`,
      details: { pluginId, errors },
    });
  },

  settingsInvalid(pluginId: string, tenantId: string, errors: FieldError[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_SETTINGS_INVALID',
      kind: 'invalid',
      message: `Settings of plugin "${pluginId}" for tenant "${tenantId}" are invalid:\n${formatFieldErrors(errors)}`,
      hint: "Correct the fields listed; the plugin's tenantSettingsSchema says what it expects (settings inherited from a region count too).",
      details: { pluginId, tenantId, errors },
    });
  },

  hookTimeout(pluginId: string, hook: string, ms: number, tenantId?: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_HOOK_TIMEOUT',
      kind: 'unavailable',
      message: `Plugin "${pluginId}" did not finish ${hook}${tenantId ? ` for tenant "${tenantId}"` : ''} within ${ms} ms.`,
      hint: 'Make the hook faster (move long work to a job), or raise hookTimeoutMs in the plugin manifest.',
      details: { pluginId, hook, ms, tenantId: tenantId ?? null },
    });
  },

  hookFailed(pluginId: string, hook: string, cause: unknown, tenantId?: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_HOOK_FAILED',
      kind: 'internal',
      message: `Plugin "${pluginId}" failed in ${hook}${tenantId ? ` for tenant "${tenantId}"` : ''}: ${messageOf(cause)}`,
      hint: 'The cause is logged with its stack; fix the plugin. Other plugins keep running.',
      details: { pluginId, hook, tenantId: tenantId ?? null },
      cause,
    });
  },

  startupFailed(failures: { id: string; message: string }[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_STARTUP_FAILED',
      kind: 'internal',
      message: `Plugins failed to start and the failure policy is "abort":\n${failures.map((f) => `  - ${f.id}: ${f.message}`).join('\n')}`,
      hint: 'Fix the plugins listed, or set plugins.failurePolicy to "continue" to serve without them.',
      details: { failures },
    });
  },

  loadFailed(source: string, reason: string, cause?: unknown): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_LOAD_FAILED',
      kind: 'invalid',
      message: `Cannot load plugin package "${source}": ${reason}`,
      hint: 'Check the package name in plugins.packages, that it is installed, and that its default export is definePlugin({...}).',
      details: { source },
      cause,
    });
  },

  notFound(pluginId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_NOT_FOUND',
      kind: 'not_found',
      message: `No plugin "${pluginId}" is installed.`,
      hint: 'The startup report (/readyz, `darcha plugin list`) lists the installed plugins.',
      details: { pluginId },
    });
  },

  notActive(pluginId: string, status: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_NOT_ACTIVE',
      kind: 'unavailable',
      message: `Plugin "${pluginId}" is ${status}, so it cannot be enabled for a tenant.`,
      hint: 'Fix the error shown for it in the startup report and restart.',
      details: { pluginId, status },
    });
  },

  tokenForbidden(pluginId: string, token: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_TOKEN_FORBIDDEN',
      kind: 'forbidden',
      message: `Plugin "${pluginId}" asked for "${token}", which is neither core's, its own, nor a declared dependency's.`,
      hint: `Add the plugin that owns "${token}" to dependsOn of "${pluginId}".`,
      details: { pluginId, token },
    });
  },

  extensionPoint(pluginId: string, pointId: string, reason: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PLUGIN_EXTENSION_POINT',
      kind: 'invalid',
      message: `Plugin "${pluginId}" cannot use extension point "${pointId}": ${reason}.`,
      hint: 'An extension point is opened by the plugin named in its id and used by plugins that depend on it.',
      details: { pluginId, pointId },
    });
  },
};

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
