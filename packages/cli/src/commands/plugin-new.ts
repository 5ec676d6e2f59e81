import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PluginKind } from '@darcha/core';
import { cliErrors } from '../cli.errors.js';
import { pluginScaffold } from '../scaffold/plugin-scaffold.js';
import { scaffoldIdProblems, scaffoldSpec, type ScaffoldSpec } from '../scaffold/scaffold-spec.js';

export interface NewPluginOptions {
  id: string;
  kind: PluginKind;
  /** Directory the plugin's own directory is created in (default `plugins`), relative to `cwd`. */
  parentDir: string;
  cwd: string;
}

export interface NewPlugin {
  spec: ScaffoldSpec;
  /** The plugin's directory as the user reaches it: relative to `cwd` when inside it, else absolute. */
  dir: string;
  /** Every file written, relative to `dir`. */
  files: string[];
}

/**
 * Writes a new plugin package into `<parentDir>/<id>/`. Refuses an id that is not a plugin id of
 * that kind (`DARCHA_CLI_PLUGIN_ID_INVALID`) or a directory that exists (`DARCHA_CLI_PLUGIN_DIR_EXISTS`)
 * before writing anything. Touches no file outside the new directory.
 */
export function createPluginPackage(options: NewPluginOptions): NewPlugin {
  const problems = scaffoldIdProblems(options.id, options.kind);
  if (problems.length > 0) throw cliErrors.pluginIdInvalid(options.id, problems);
  const target = path.resolve(options.cwd, options.parentDir, options.id);
  const relative = path.relative(options.cwd, target);
  const dir =
    relative.startsWith('..') || path.isAbsolute(relative) ? target : relative.split(path.sep).join('/');
  if (existsSync(target)) throw cliErrors.pluginDirExists(dir);
  mkdirSync(path.dirname(target), { recursive: true });
  try {
    mkdirSync(target); // fails if another process created it meanwhile
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw cliErrors.pluginDirExists(dir);
    throw error;
  }
  const spec = scaffoldSpec(options.id, options.kind);
  const files = pluginScaffold(spec, dir);
  for (const file of files) {
    const full = path.join(target, file.path);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, file.content, { flag: 'wx' });
  }
  return { spec, dir, files: files.map((file) => file.path) };
}
