import semver from 'semver';
import { findMigrationNameProblems } from '../db/migration-names.js';
import { templateSourceProblems } from '../documents/template-engine.js';
import type { DarchaError } from '../errors/darcha-error.js';
import { fieldErrorsFromAjv } from '../errors/field-error.js';
import { compileDetached, sharedAjv } from '../validation/shared-ajv.js';
import { isDarchaPlugin } from './define-plugin.js';
import { PLUGIN_API_VERSION } from './plugin-api-version.js';
import { pluginErrors } from './plugin.errors.js';
import { orderByDependencies } from './plugin-order.js';
import type { DarchaPlugin } from './types.js';

/** A plugin as the loader found it. */
export interface LoadedPlugin {
  plugin: DarchaPlugin;
  /** The package it came from, or `inline`. */
  source: string;
  /** The version in the package's package.json, when loaded from a package. */
  packageVersion?: string;
}

/** A plugin after the load-time checks: the errors that keep it from starting (empty when fine). */
export interface CheckedPlugin {
  loaded: LoadedPlugin;
  errors: DarchaError[];
}

export const PLUGIN_ID_PATTERN = /^[a-z][a-z0-9-]*$/;
const KINDS = new Set(['agency', 'city', 'feature']);
/** Longest plugin id: its migrations namespace `plugin_<id>` must stay within 41 characters. */
export const PLUGIN_ID_MAX_LENGTH = 34;
/** Longest delay a Node timer honours. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Manifest fields that must be lists of objects. */
const LIST_FIELDS = [
  'dependsOn',
  'services',
  'categories',
  'workflows',
  'migrations',
  'routes',
  'adminPages',
  'widgets',
  'notificationChannels',
  'paymentProviders',
] as const;
/** Ids whose `<id>/` namespace core uses for built-in guards, effects and roles. */
const RESERVED_PLUGIN_IDS = new Set(['core', 'darcha']);

/**
 * Every load-time check, as `darcha plugin verify` and startup run them: identity, plugin API
 * range, duplicates, dependencies and their ranges, cycles, config against configSchema, schemas
 * that compile, migration names, namespaced contributions. Returns the plugins in dependency order
 * (cycle members last), each with its errors.
 */
export function checkPlugins(
  plugins: readonly LoadedPlugin[],
  configFor: (pluginId: string) => unknown = () => ({}),
): CheckedPlugin[] {
  const checked = plugins.map((loaded): CheckedPlugin => ({ loaded, errors: [] }));
  const byId = new Map<string, CheckedPlugin[]>();
  for (const entry of checked) {
    const id = entry.loaded.plugin.id;
    byId.set(id, [...(byId.get(id) ?? []), entry]);
  }

  for (const entry of checked) {
    try {
      checkOne(entry, byId, configFor);
    } catch (error) {
      // A manifest of the wrong shape (an object where a list belongs, null entries) must not take
      // the other plugins down: it is this plugin's problem.
      entry.errors.push(
        pluginErrors.invalid(String(entry.loaded.plugin?.id), [
          `the manifest is malformed: ${(error as Error).message}`,
        ]),
      );
    }
  }
  return ordered(checked, byId);
}

function checkOne(
  entry: CheckedPlugin,
  byId: Map<string, CheckedPlugin[]>,
  configFor: (pluginId: string) => unknown,
): void {
  {
    const { plugin, packageVersion } = entry.loaded;
    const problems = identityProblems(plugin, packageVersion);
    if (problems.length > 0) {
      entry.errors.push(pluginErrors.invalid(String(plugin.id), problems));
      return;
    }
    const twins = byId.get(plugin.id)!;
    if (twins.length > 1)
      entry.errors.push(
        pluginErrors.duplicateId(
          plugin.id,
          twins.map((t) => t.loaded.source),
        ),
      );
    if (!semver.satisfies(PLUGIN_API_VERSION, plugin.engines.darcha, { includePrerelease: true })) {
      entry.errors.push(pluginErrors.coreMismatch(plugin.id, plugin.engines.darcha, PLUGIN_API_VERSION));
    }
    for (const dependency of plugin.dependsOn ?? []) {
      const found = byId.get(dependency.id)?.[0]?.loaded.plugin;
      if (!found) {
        if (!dependency.optional)
          entry.errors.push(pluginErrors.dependencyMissing(plugin.id, dependency.id, dependency.range));
      } else if (!semver.satisfies(found.version, dependency.range, { includePrerelease: true })) {
        entry.errors.push(
          pluginErrors.dependencyMismatch(plugin.id, dependency.id, dependency.range, found.version),
        );
      }
    }
    const configError = checkConfig(plugin, configFor(plugin.id));
    if (configError) entry.errors.push(configError);
    const contributionProblems = [
      ...schemaProblems(plugin),
      ...contributionNameProblems(plugin),
      ...templateSourceProblems(plugin.templates ?? {}),
    ];
    if (contributionProblems.length > 0)
      entry.errors.push(pluginErrors.invalid(plugin.id, contributionProblems));
  }
}

/** The plugins in dependency order (cycle members, with their cycle error, last). */
function ordered(checked: CheckedPlugin[], byId: Map<string, CheckedPlugin[]>): CheckedPlugin[] {
  // Every plugin with a well-formed id takes part in ordering, so cycles are found even among broken ones.
  const ids = [...byId.keys()].filter((id) => typeof id === 'string' && PLUGIN_ID_PATTERN.test(id));
  const { order, cycles } = orderByDependencies(ids, (id) => dependencyIds(byId.get(id)?.[0]?.loaded.plugin));
  for (const [id, cycle] of cycles)
    for (const entry of byId.get(id) ?? []) entry.errors.push(pluginErrors.cycle(id, cycle));

  const rank = new Map(order.map((id, index) => [id, index]));
  return [...checked].sort(
    (a, b) =>
      (rank.get(a.loaded.plugin.id) ?? Number.MAX_SAFE_INTEGER) -
        (rank.get(b.loaded.plugin.id) ?? Number.MAX_SAFE_INTEGER) ||
      String(a.loaded.plugin.id).localeCompare(String(b.loaded.plugin.id)),
  );
}

function identityProblems(plugin: DarchaPlugin, packageVersion: string | undefined): string[] {
  if (!isDarchaPlugin(plugin)) return ['the default export is not made by definePlugin({...})'];
  const problems: string[] = [];
  if (typeof plugin.id !== 'string' || !PLUGIN_ID_PATTERN.test(plugin.id)) {
    problems.push(
      `"id" must match ${PLUGIN_ID_PATTERN} (lowercase letters, digits, hyphens), got ${JSON.stringify(plugin.id)}`,
    );
  }
  if (typeof plugin.id === 'string' && plugin.id.length > PLUGIN_ID_MAX_LENGTH) {
    problems.push(`"id" is ${plugin.id.length} characters long; at most ${PLUGIN_ID_MAX_LENGTH} are allowed`);
  }
  if (
    plugin.hookTimeoutMs !== undefined &&
    !(
      Number.isInteger(plugin.hookTimeoutMs) &&
      plugin.hookTimeoutMs >= 1 &&
      plugin.hookTimeoutMs <= MAX_TIMER_MS
    )
  ) {
    problems.push(`"hookTimeoutMs" must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}`);
  }
  for (const field of LIST_FIELDS) {
    const value = (plugin as unknown as Record<string, unknown>)[field];
    if (
      value !== undefined &&
      !(Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null))
    ) {
      problems.push(`"${field}" must be a list of objects`);
    }
  }
  if (RESERVED_PLUGIN_IDS.has(plugin.id)) {
    problems.push(
      `"id" ${JSON.stringify(plugin.id)} is reserved: names "${plugin.id}/..." belong to Darcha's built-ins`,
    );
  }
  if (typeof plugin.version !== 'string' || !semver.valid(plugin.version)) {
    problems.push(`"version" must be a semver version like 1.2.0, got ${JSON.stringify(plugin.version)}`);
  } else if (packageVersion !== undefined && packageVersion !== plugin.version) {
    problems.push(`"version" is ${plugin.version} but package.json says ${packageVersion}; keep them equal`);
  }
  if (!KINDS.has(plugin.kind))
    problems.push(`"kind" must be agency, city or feature, got ${JSON.stringify(plugin.kind)}`);
  if (typeof plugin.engines?.darcha !== 'string' || semver.validRange(plugin.engines.darcha) === null) {
    problems.push(`"engines.darcha" must be a semver range of the plugin API, e.g. "^${PLUGIN_API_VERSION}"`);
  }
  for (const dependency of Array.isArray(plugin.dependsOn) ? plugin.dependsOn : []) {
    if (!PLUGIN_ID_PATTERN.test(String(dependency.id)))
      problems.push(`dependsOn has an invalid id ${JSON.stringify(dependency.id)}`);
    if (semver.validRange(String(dependency.range)) === null) {
      problems.push(`dependsOn "${dependency.id}" has an invalid range ${JSON.stringify(dependency.range)}`);
    }
  }
  return problems;
}

function checkConfig(plugin: DarchaPlugin, config: unknown): DarchaError | undefined {
  if (!plugin.configSchema) {
    const empty =
      config === undefined ||
      (typeof config === 'object' && config !== null && Object.keys(config).length === 0);
    return empty
      ? undefined
      : pluginErrors.configInvalid(plugin.id, [
          { field: '(root)', message: 'the plugin takes no config; remove it' },
        ]);
  }
  let validate;
  try {
    // Detached: a schema with an $id may be registered once per instance only.
    validate = compileDetached(sharedAjv({ strict: false }), {
      additionalProperties: false,
      ...plugin.configSchema,
    });
  } catch {
    return undefined; // reported by schemaProblems
  }
  if (validate(config ?? {})) return undefined;
  return pluginErrors.configInvalid(plugin.id, fieldErrorsFromAjv(validate.errors));
}

function schemaProblems(plugin: DarchaPlugin): string[] {
  const problems: string[] = [];
  for (const [name, schema] of [
    ['configSchema', plugin.configSchema],
    ['tenantSettingsSchema', plugin.tenantSettingsSchema],
  ] as const) {
    if (schema === undefined) continue;
    try {
      compileDetached(sharedAjv({ strict: false }), schema);
    } catch (error) {
      problems.push(`${name} is not a valid JSON Schema: ${(error as Error).message}`);
    }
  }
  return problems;
}

function contributionNameProblems(plugin: DarchaPlugin): string[] {
  const prefix = `${plugin.id}/`;
  const problems = findMigrationNameProblems(plugin.migrations ?? []).map((p) => `migration ${p}`);
  const namespaced = (what: string, names: Iterable<string>): void => {
    for (const name of names)
      if (!name.startsWith(prefix)) problems.push(`${what} "${name}" must be named "${prefix}..."`);
  };
  namespaced('template', Object.keys(plugin.templates ?? {}));
  namespaced('helper', Object.keys(plugin.helpers ?? {}));
  namespaced(
    'workflow',
    (plugin.workflows ?? []).map((w) => String(w.key)),
  );
  for (const route of plugin.routes ?? []) {
    if (!route.path.startsWith('/')) problems.push(`route "${route.path}" must start with "/"`);
    if (route.roles.length === 0)
      problems.push(`route ${route.method} ${route.path} must list the roles that may call it`);
  }
  const uniqueIds = (what: string, ids: string[]): void => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${what} "${id}" appears twice`);
      seen.add(id);
    }
  };
  uniqueIds(
    'admin page',
    (plugin.adminPages ?? []).map((p) => p.id),
  );
  uniqueIds(
    'widget',
    (plugin.widgets ?? []).map((w) => w.id),
  );
  uniqueIds(
    'service',
    (plugin.services ?? []).map((s) => `${s.code}@${s.version}`),
  );
  return problems;
}

/** The ids a plugin depends on, tolerating a malformed `dependsOn` (reported by the identity checks). */
function dependencyIds(plugin: DarchaPlugin | undefined): string[] {
  const dependsOn: unknown = plugin?.dependsOn;
  return Array.isArray(dependsOn) ? dependsOn.map((d: { id?: unknown } | null) => String(d?.id)) : [];
}
