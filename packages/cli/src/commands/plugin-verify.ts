import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ContributionRegistry,
  contributionLookup,
  validateWorkflowDefinition,
  checkPlugins,
  discoverWorkspacePlugins,
  isDarchaError,
  loadPluginPackage,
  type DarchaConfig,
  type DarchaError,
  type LoadedPlugin,
} from '@darcha/core';
import { cliErrors } from '../cli.errors.js';
import { problemsOf, type VerifyProblem } from './plugin-problems.js';
import { serviceProblems } from './plugin-service-checks.js';

export interface VerifyResult {
  /** The package name and directory verified. */
  source: string;
  /** The plugin, when its package could be imported. */
  plugin?: { id: string; version: string; services: number };
  problems: VerifyProblem[];
  /** Other workspace plugins that could not be loaded (they are left out of the dependency checks). */
  notes: string[];
}

/**
 * Verifies the plugin package in `dir` as the platform would load it: imports it, runs the load-time
 * checks together with the workspace's other plugins (so `dependsOn`, duplicates and cycles are
 * checked against what is installed), then checks its categories and services with the registry.
 */
export async function verifyPluginPackage(
  dir: string,
  cwd: string,
  config: DarchaConfig,
): Promise<VerifyResult> {
  const absolute = path.resolve(cwd, dir);
  const name = packageName(absolute);
  if (name === undefined) throw cliErrors.pluginDirNotFound(dir);
  const result: VerifyResult = { source: `${name || '(no name)'} in ${dir}`, problems: [], notes: [] };

  let target: LoadedPlugin;
  try {
    target = await loadFromDirectory(absolute, name, cwd);
  } catch (error) {
    result.problems.push(...problemsOf(asDarchaError(error)));
    return result;
  }
  const others: LoadedPlugin[] = [];
  for (const other of discoverWorkspacePlugins(cwd).filter((n) => n !== name)) {
    try {
      others.push(await loadPluginPackage(other, cwd));
    } catch (error) {
      result.notes.push(`workspace plugin ${other} was left out: ${asDarchaError(error).code}`);
    }
  }

  const checked = checkPlugins([target, ...others], (id) => config.plugins.config[id]);
  const index = checked.findIndex((entry) => entry.loaded === target);
  const before = checked
    .slice(0, index)
    .filter((entry) => entry.errors.length === 0)
    .map((entry) => entry.loaded.plugin);
  const { plugin } = target;
  result.plugin = {
    id: String(plugin.id),
    version: String(plugin.version),
    services: Array.isArray(plugin.services) ? plugin.services.length : 0,
  };
  for (const error of checked[index]!.errors) result.problems.push(...problemsOf(error));
  result.problems.push(...(await serviceProblems(plugin, before, config)));
  result.problems.push(...workflowProblems(plugin, before));
  return result;
}

/** Each workflow checked as the host checks it: against this plugin's and its declared dependencies' contributions. */
function workflowProblems(
  plugin: LoadedPlugin['plugin'],
  installed: LoadedPlugin['plugin'][],
): VerifyProblem[] {
  const contributions = new ContributionRegistry();
  const declared = new Set((plugin.dependsOn ?? []).map((d) => d.id));
  for (const other of installed) if (declared.has(other.id)) contributions.add(other);
  contributions.add(plugin);
  const problems: VerifyProblem[] = [];
  for (const workflow of plugin.workflows ?? []) {
    try {
      validateWorkflowDefinition(workflow, {
        pluginId: plugin.id,
        registry: contributionLookup(contributions),
      });
    } catch (error) {
      problems.push(...problemsOf(asDarchaError(error)));
    }
  }
  return problems;
}

/**
 * Imports the package in `dir`. By its name first, resolved from inside the package itself, so that
 * its `exports` apply (the `darcha-source` condition runs it from src); then by directory, which
 * Node resolves through `main`.
 */
async function loadFromDirectory(dir: string, name: string, cwd: string): Promise<LoadedPlugin> {
  if (name === '') return loadPluginPackage(dir, cwd);
  try {
    return await loadPluginPackage(name, dir);
  } catch (byName) {
    try {
      return await loadPluginPackage(dir, cwd);
    } catch {
      throw byName;
    }
  }
}

/** The package's name, `''` when it has none, or undefined when the directory holds no readable package.json. */
function packageName(dir: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return typeof manifest.name === 'string' ? manifest.name : '';
  } catch {
    return undefined;
  }
}

function asDarchaError(error: unknown): DarchaError {
  if (isDarchaError(error)) return error;
  throw error;
}
