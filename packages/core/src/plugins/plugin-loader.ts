import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DarchaError } from '../errors/darcha-error.js';
import { isDarchaPlugin } from './define-plugin.js';
import type { LoadedPlugin } from './plugin-checks.js';
import { pluginErrors } from './plugin.errors.js';

interface PackageJson {
  name?: string;
  version?: string;
  workspaces?: string[] | { packages?: string[] };
  darcha?: unknown;
}

export interface LoadPluginsOptions {
  /** Package names to load (`plugins.packages` in darcha.config.json). */
  packages?: readonly string[];
  /** Also load every workspace package whose package.json has a `darcha` field. */
  discoverWorkspaces?: boolean;
  /** The project root: where package.json and node_modules are. */
  cwd: string;
}

export interface LoadPluginsResult {
  loaded: LoadedPlugin[];
  /** Packages that could not be imported, each with `DARCHA_PLUGIN_LOAD_FAILED`. */
  failures: { source: string; error: DarchaError }[];
}

/** Imports the plugins named in config and, optionally, those discovered among the workspaces. */
export async function loadPlugins(options: LoadPluginsOptions): Promise<LoadPluginsResult> {
  const names = new Set(options.packages ?? []);
  if (options.discoverWorkspaces) for (const name of discoverWorkspacePlugins(options.cwd)) names.add(name);
  const result: LoadPluginsResult = { loaded: [], failures: [] };
  for (const name of names) {
    try {
      result.loaded.push(await loadPluginPackage(name, options.cwd));
    } catch (error) {
      result.failures.push({ source: name, error: error as DarchaError });
    }
  }
  return result;
}

/** Imports one plugin package (by name, or a directory path) and checks its default export. */
export async function loadPluginPackage(nameOrDir: string, cwd: string): Promise<LoadedPlugin> {
  const require = createRequire(path.join(cwd, 'package.json'));
  const isDir = nameOrDir.startsWith('.') || path.isAbsolute(nameOrDir);
  let entry: string;
  try {
    if (isDir) {
      // Resolve the package by its own name from inside it, so its `exports` (and conditions such
      // as darcha-source) apply exactly as they do for an installed package.
      const dir = path.resolve(cwd, nameOrDir);
      const own = readPackageJson(path.join(dir, 'package.json'));
      entry = own?.name
        ? createRequire(path.join(dir, 'package.json')).resolve(own.name)
        : require.resolve(dir);
    } else {
      entry = require.resolve(nameOrDir);
    }
  } catch (error) {
    throw pluginErrors.loadFailed(nameOrDir, 'it is not installed or cannot be resolved', error);
  }
  // package.json is rarely in a package's exports: find it next to the entry point instead.
  const packageJson = findPackageJson(entry);
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(entry).href)) as { default?: unknown };
  } catch (error) {
    throw pluginErrors.loadFailed(nameOrDir, `importing it failed: ${(error as Error).message}`, error);
  }
  if (!isDarchaPlugin(module.default)) {
    throw pluginErrors.loadFailed(nameOrDir, 'its default export is not made by definePlugin({...})');
  }
  const loaded: LoadedPlugin = { plugin: module.default, source: packageJson?.name ?? nameOrDir };
  if (packageJson?.version) loaded.packageVersion = packageJson.version;
  return loaded;
}

/**
 * Names of workspace packages (from the root package.json's `workspaces`, patterns `dir/*` or a
 * plain directory) whose package.json has a `darcha` field.
 */
export function discoverWorkspacePlugins(cwd: string): string[] {
  const root = readPackageJson(path.join(cwd, 'package.json'));
  const patterns = Array.isArray(root?.workspaces) ? root.workspaces : (root?.workspaces?.packages ?? []);
  const found: string[] = [];
  for (const pattern of patterns) {
    const dirs = pattern.endsWith('/*')
      ? subdirectories(path.join(cwd, pattern.slice(0, -2)))
      : [path.join(cwd, pattern)];
    for (const dir of dirs) {
      const pkg = readPackageJson(path.join(dir, 'package.json'));
      if (pkg?.name && pkg.darcha !== undefined) found.push(pkg.name);
    }
  }
  return found.sort();
}

/** The nearest package.json above a file that names a package. */
function findPackageJson(file: string): PackageJson | undefined {
  let dir = path.dirname(file);
  for (;;) {
    const pkg = readPackageJson(path.join(dir, 'package.json'));
    if (pkg?.name) return pkg;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function subdirectories(dir: string): string[] {
  try {
    return readdirSync(dir)
      .map((name) => path.join(dir, name))
      .filter((full) => statSync(full).isDirectory());
  } catch {
    return [];
  }
}

function readPackageJson(file: string): PackageJson | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}
