import { DarchaError, type DarchaErrorKind } from '@darcha/core';

/** The coded errors of the `darcha` command itself; each says what to change. */
export const cliErrors = {
  pluginIdInvalid(id: string, problems: string[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_CLI_PLUGIN_ID_INVALID',
      kind: 'invalid',
      message: `Cannot create plugin "${id}":\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      hint: 'Choose an id like agency-gas (--kind agency), city-chirchik (--kind city) or queue-display (--kind feature).',
      details: { pluginId: id, problems },
    });
  },

  demoMissing(packageName: string, reason: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_CLI_DEMO_MISSING',
      kind: 'not_found',
      message: `darcha seed demo needs the package ${packageName} (the demo cities and their packs), which cannot be loaded: ${reason}`,
      hint: `Install ${packageName} next to @darcha/cli (in a checkout it is the workspace packages/demo: run npm install).`,
      details: { package: packageName },
    });
  },

  pluginDirExists(dir: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_CLI_PLUGIN_DIR_EXISTS',
      kind: 'conflict',
      message: `Cannot create the plugin in ${dir}: it already exists.`,
      hint: 'Choose another id, another --dir, or move the existing directory aside; nothing was written.',
      details: { dir },
    });
  },

  pluginDirNotFound(dir: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_CLI_PLUGIN_DIR_NOT_FOUND',
      kind: 'not_found',
      message: `${dir} holds no package.json, so it is not a plugin package.`,
      hint: 'Give the directory of the plugin package (the one with package.json), e.g. plugins/agency-gas.',
      details: { dir },
    });
  },

  pluginVerifyFailed(
    pluginId: string,
    problems: number,
    first: { code: string; kind: DarchaErrorKind },
  ): DarchaError {
    return new DarchaError({
      code: 'DARCHA_CLI_PLUGIN_VERIFY_FAILED',
      kind: first.kind,
      message: `Plugin "${pluginId}" failed verification: ${problems === 1 ? '1 problem' : `${problems} problems`} (first: ${first.code}).`,
      hint: 'Fix the problems listed above; the exit code is the one of the first problem (docs/reference/errors.md).',
      details: { pluginId, problems, first: first.code },
    });
  },
};
