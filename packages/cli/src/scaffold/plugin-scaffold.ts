import { packageJson, readme, tsconfigJson } from './package-files.js';
import type { ScaffoldSpec } from './scaffold-spec.js';
import { indexSource, pluginSource, serviceSource, testSource, workflowSource } from './source-files.js';

/** One file of a new plugin, by its path inside the plugin's directory. */
export interface ScaffoldFile {
  path: string;
  content: string;
}

/**
 * The files of a new plugin package. `dir` is how the user reaches the plugin's directory from the
 * repository root (`plugins/agency-gas`); the README's commands use it.
 */
export function pluginScaffold(spec: ScaffoldSpec, dir: string): ScaffoldFile[] {
  return [
    { path: 'package.json', content: packageJson(spec) },
    { path: 'tsconfig.json', content: tsconfigJson() },
    { path: 'README.md', content: readme(spec, dir) },
    { path: 'src/index.ts', content: indexSource() },
    { path: 'src/plugin.ts', content: pluginSource(spec) },
    { path: 'src/services/sample-certificate.ts', content: serviceSource(spec) },
    { path: 'src/workflows/simple.ts', content: workflowSource(spec) },
    { path: 'test/plugin.int.spec.ts', content: testSource(spec) },
  ];
}
