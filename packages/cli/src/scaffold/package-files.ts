import type { ScaffoldSpec } from './scaffold-spec.js';
import { SCAFFOLD_VERSIONS } from './versions.js';

/** package.json: a workspace package with the `darcha` field, built to dist, run from src in tests. */
export function packageJson(spec: ScaffoldSpec): string {
  const manifest = {
    name: spec.packageName,
    version: '0.1.0',
    description: `Darcha ${spec.kind} plugin ${spec.id}`,
    license: 'Apache-2.0',
    type: 'module',
    exports: {
      '.': {
        'darcha-source': './src/index.ts',
        types: './dist/index.d.ts',
        default: './dist/index.js',
      },
    },
    files: ['dist'],
    engines: { node: SCAFFOLD_VERSIONS.node },
    darcha: { kind: spec.kind },
    peerDependencies: { '@darcha/core': SCAFFOLD_VERSIONS.core },
    devDependencies: {
      '@darcha/core': SCAFFOLD_VERSIONS.core,
      '@darcha/testing': SCAFFOLD_VERSIONS.testing,
    },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** tsconfig.json: one project of the monorepo's `tsc -b`, referencing core. */
export function tsconfigJson(): string {
  return `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "rootDir": "src",
    "outDir": "dist",
    "tsBuildInfoFile": "dist/.tsbuildinfo"
  },
  "include": ["src"],
  "references": [{ "path": "../../packages/core" }]
}
`;
}

/** README.md: what was created and the next steps. */
export function readme(spec: ScaffoldSpec, dir: string): string {
  return `# ${spec.packageName}

The Darcha ${spec.kind} plugin \`${spec.id}\`, created by \`darcha plugin new\`. It publishes one sample
service, \`${spec.serviceCode}\`, in the category \`${spec.category}\`.

| file | what it holds |
|---|---|
| \`src/plugin.ts\` | the manifest: \`definePlugin({ id, version, kind, engines, categories, services })\` |
| \`src/services/sample-certificate.ts\` | the sample service definition: names, form, SLA, fee, workflow key |
| \`src/index.ts\` | re-exports only |
| \`test/plugin.int.spec.ts\` | starts a test host with the plugin and the city \`chirchik\` (\`@darcha/testing\`) |

## Next steps

1. From the repository root, link the new workspace package:

   \`\`\`sh
   npm install
   \`\`\`

2. Add the plugin to the \`references\` of the root \`tsconfig.json\`, so that \`npm run build\` compiles it:

   \`\`\`json
   { "path": "${dir}" }
   \`\`\`

3. Check it as the platform will when it loads it:

   \`\`\`sh
   npm run darcha -- plugin verify ${dir}
   \`\`\`

4. Run its test (it also runs with \`npm run test:integration\`):

   \`\`\`sh
   npx mocha --node-option conditions=darcha-source --node-option import=tsx ${dir}/test/plugin.int.spec.ts
   \`\`\`

5. Replace the sample: rename \`${spec.serviceCode}\`, give it the real form, documents, SLA and
   fee, and move the category under the root it belongs to (\`utilities\`, \`social-protection\`,
   \`business\`, \`property\`, \`documents\`, \`information\`, \`oss-services\`). Keep \`version\` in
   \`src/plugin.ts\` equal to \`package.json\`. The workflow \`${spec.id}/simple\` is only a key for now.

6. Enable it for a city: \`platform.plugins.tenantPlugins.enable('chirchik', '${spec.id}')\`. Workspace
   packages with a \`darcha\` field are loaded at startup; \`npm run darcha -- plugin list\` shows the
   startup report.

The guide \`docs/guides/writing-an-agency-plugin.md\` walks through every part of a plugin, and
\`docs/reference/plugin-api.md\` lists every manifest field.
`;
}
