import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { PLUGIN_API_VERSION } from '@darcha/core';
import { runCli } from '../src/run-cli.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A plugin package in `dir/<name>` whose src/index.ts is `source`. */
function writePlugin(dir: string, name: string, source: string, extra: Record<string, unknown> = {}): string {
  const root = path.join(dir, name);
  mkdirSync(path.join(root, 'src'), { recursive: true });
  const manifest = {
    name: `@fixture/plugin-${name}`,
    version: '0.1.0',
    type: 'module',
    exports: { '.': { 'darcha-source': './src/index.ts' } },
    darcha: { kind: 'agency' },
    ...extra,
  };
  writeFileSync(path.join(root, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(root, 'src', 'index.ts'), source);
  return root;
}

const SERVICE = `{
  code: 'wells.meter-verification',
  version: 1,
  names: { 'uz-Latn': 'Suv hisoblagichini qiyoslash', 'uz-Cyrl': 'Сув ҳисоблагичини қиёслаш', ru: 'Поверка счётчика воды', en: 'Water meter verification' },
  category: 'utilities.wells',
  agencyKind: 'wells',
  applicantTypes: ['individual', 'legal_entity'],
  kind: 'service',
  channels: ['desk'],
  form: { type: 'object', required: ['pinfl'], properties: { pinfl: { type: 'string', format: 'pinfl' } } },
  documents: [],
  fee: { free: true },
  sla: { unit: 'working_days', value: 14 },
  workflow: 'agency-wells/simple',
}`;

function pluginSource(id: string, more: string): string {
  return `import { definePlugin, type ServiceDefinition } from '@darcha/core';
const service = ${SERVICE} satisfies ServiceDefinition;
export default definePlugin({
  id: '${id}', version: '0.1.0', kind: 'agency', engines: { darcha: '^${PLUGIN_API_VERSION}' },
  categories: [{ id: 'utilities.wells', names: { en: 'Water' } }],
  ${more}
});
`;
}

/** `darcha plugin verify` on packages written into a temp directory (node_modules linked to the repository's). */
describe('darcha plugin verify', function () {
  this.timeout(60_000);
  let dir: string;
  let out: string[];
  let err: string[];

  async function darcha(...args: string[]): Promise<number> {
    out = [];
    err = [];
    const { log, error } = console;
    console.log = (...parts: unknown[]) => out.push(parts.join(' '));
    console.error = (...parts: unknown[]) => err.push(parts.join(' '));
    try {
      return await runCli(args);
    } finally {
      console.log = log;
      console.error = error;
    }
  }

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'darcha-plugin-verify-'));
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints ok with the id, version and number of services of a clean plugin', async () => {
    const root = writePlugin(dir, 'agency-wells', pluginSource('agency-wells', 'services: [service],'));
    expect(await darcha('plugin', 'verify', root)).to.equal(0);
    expect(out).to.deep.equal(['ok: agency-wells@0.1.0, 1 service']);
  });

  it('reports every problem of a broken service with its code, and exits 2', async () => {
    const root = writePlugin(
      dir,
      'agency-broken',
      pluginSource(
        'agency-broken',
        `services: [
          { ...service, names: undefined, workflow: 'simple' } as unknown as ServiceDefinition,
          { ...service, code: 'wells.seal', form: { type: 'object', properties: { pinfl: { type: 'string', format: 'pinf' } } } },
        ],`,
      ),
    );
    expect(await darcha('plugin', 'verify', root)).to.equal(2);
    expect(out[0]).to.equal(`agency-broken@0.1.0 (@fixture/plugin-agency-broken in ${root})`);
    expect(out.slice(1)).to.have.length(3);
    expect(out[1]).to.equal(
      '  DARCHA_REGISTRY_SERVICE_INVALID  wells.meter-verification@1 /names: is required',
    );
    expect(out[2]).to.match(
      /^ {2}DARCHA_REGISTRY_SERVICE_INVALID {2}wells\.meter-verification@1 \/workflow: must match pattern/,
    );
    expect(out[3]).to.match(
      /^ {2}DARCHA_REGISTRY_SERVICE_INVALID {2}wells\.seal@1 \/form: .*unknown format "pinf"/,
    );
    expect(err.join('\n')).to.match(
      /^DARCHA_CLI_PLUGIN_VERIFY_FAILED: Plugin "agency-broken" failed verification: 3 problems \(first: DARCHA_REGISTRY_SERVICE_INVALID\)\./,
    );
  });

  it('reports a plugin API range that excludes this core with DARCHA_PLUGIN_CORE_MISMATCH, and exits 2', async () => {
    const root = writePlugin(
      dir,
      'agency-future',
      `import { definePlugin } from '@darcha/core';
export default definePlugin({ id: 'agency-future', version: '0.1.0', kind: 'agency', engines: { darcha: '^2.0.0' } });
`,
    );
    expect(await darcha('plugin', 'verify', root)).to.equal(2);
    expect(out.slice(1)).to.deep.equal([
      `  DARCHA_PLUGIN_CORE_MISMATCH  Plugin "agency-future" supports Darcha plugin API ^2.0.0, but this core implements ${PLUGIN_API_VERSION}.`,
    ]);
  });

  it('checks workflows as the host does, naming the state or action at fault', async () => {
    const root = writePlugin(
      dir,
      'agency-flow',
      `import { definePlugin } from '@darcha/core';
export default definePlugin({
  id: 'agency-flow', version: '0.1.0', kind: 'agency', engines: { darcha: '^${PLUGIN_API_VERSION}' },
  workflows: [{
    key: 'agency-flow/simple', version: 1, names: { en: 'Simple' },
    states: {
      submitted: { type: 'start', publicStatus: 'submitted', names: { en: 'Submitted' } },
      done: { type: 'terminal', publicStatus: 'completed', names: { en: 'Done' } },
      limbo: { type: 'normal', publicStatus: 'in_progress', names: { en: 'Limbo' } },
    },
    transitions: [
      { action: 'finish', from: ['submitted'], to: 'done', roles: ['back_office'], guards: ['agency-flow/unknown'], names: { en: 'Finish' } },
    ],
  }],
});
`,
    );
    expect(await darcha('plugin', 'verify', root)).to.equal(2);
    const printed = out.join('\n');
    expect(printed).to.include('DARCHA_WORKFLOW_DEFINITION_INVALID');
    expect(printed).to.include('limbo').and.include('agency-flow/unknown');
  });

  it('reports manifest, dependency and category problems each on its own line', async () => {
    const root = writePlugin(
      dir,
      'city-angren',
      `import { definePlugin } from '@darcha/core';
export default definePlugin({
  id: 'city-angren', version: '0.2.0', kind: 'city', engines: { darcha: '^1.0.0' },
  templates: { 'certificate': { en: '{{name}}' } },
});
`,
    );
    expect(await darcha('plugin', 'verify', root)).to.equal(2);
    expect(out.slice(1)).to.deep.equal([
      '  DARCHA_PLUGIN_INVALID  "version" is 0.2.0 but package.json says 0.1.0; keep them equal',
    ]);

    const dependent = writePlugin(
      dir,
      'city-nurafshon',
      `import { definePlugin } from '@darcha/core';
export default definePlugin({
  id: 'city-nurafshon', version: '0.1.0', kind: 'city', engines: { darcha: '^1.0.0' },
  dependsOn: [{ id: 'agency-tram', range: '^1.0.0' }],
  templates: { 'certificate': { en: '{{name}}' } },
  categories: [{ id: 'transport.bus', names: { en: 'Buses' } }],
});
`,
    );
    expect(await darcha('plugin', 'verify', dependent)).to.equal(2);
    expect(out.slice(1)).to.deep.equal([
      '  DARCHA_PLUGIN_DEPENDENCY_MISSING  Plugin "city-nurafshon" depends on "agency-tram" (^1.0.0), which is not installed.',
      '  DARCHA_PLUGIN_INVALID  template "certificate" must be named "city-nurafshon/..."',
      '  DARCHA_REGISTRY_CATEGORY_INVALID  Category "transport.bus" of plugin "city-nurafshon" is refused: its parent "transport" does not exist.',
    ]);
  });

  describe('in a workspace', () => {
    let workspace: string;
    const cwd = process.cwd();

    before(() => {
      // dir/ws is an npm workspace; its node_modules links its plugins, and dir/node_modules the rest.
      workspace = path.join(dir, 'ws');
      mkdirSync(path.join(workspace, 'node_modules', '@fixture'), { recursive: true });
      writeFileSync(
        path.join(workspace, 'package.json'),
        JSON.stringify({ private: true, workspaces: ['plugins/*'] }),
      );
      const gas = writePlugin(
        path.join(workspace, 'plugins'),
        'agency-gas',
        `import { definePlugin } from '@darcha/core';
export default definePlugin({
  id: 'agency-gas', version: '0.1.0', kind: 'agency', engines: { darcha: '^1.0.0' },
  categories: [{ id: 'utilities.gas', names: { en: 'Gas' } }],
});
`,
      );
      symlinkSync(gas, path.join(workspace, 'node_modules', '@fixture', 'plugin-agency-gas'), 'dir');
      process.chdir(workspace);
    });
    after(() => process.chdir(cwd));

    function cityPlugin(id: string, range: string): string {
      return writePlugin(
        path.join(workspace, 'plugins'),
        id,
        `import { definePlugin, type ServiceDefinition } from '@darcha/core';
const service = ${SERVICE} satisfies ServiceDefinition;
export default definePlugin({
  id: '${id}', version: '0.1.0', kind: 'city', engines: { darcha: '^1.0.0' },
  dependsOn: [{ id: 'agency-gas', range: '${range}' }],
  services: [{ ...service, code: 'gas.${id}-connection', category: 'utilities.gas', workflow: '${id}/simple' }],
});
`,
        { darcha: { kind: 'city' } },
      );
    }

    it("checks dependencies against the workspace's plugins, and services against their categories", async () => {
      const city = cityPlugin('city-chirchik', '^0.1.0');
      expect(await darcha('plugin', 'verify', city)).to.equal(0);
      expect(out).to.deep.equal(['ok: city-chirchik@0.1.0, 1 service']);
    });

    it('reports a dependency installed in a version outside the range', async () => {
      const city = cityPlugin('city-djizak', '^2.0.0');
      expect(await darcha('plugin', 'verify', path.relative(workspace, city))).to.equal(2);
      expect(out.slice(1)).to.deep.equal([
        '  DARCHA_PLUGIN_DEPENDENCY_MISMATCH  Plugin "city-djizak" needs "agency-gas" ^2.0.0, but version 0.1.0 is installed.',
      ]);
    });
  });

  it('reports a package that cannot be imported with DARCHA_PLUGIN_LOAD_FAILED', async () => {
    const root = writePlugin(dir, 'agency-empty', `export default { id: 'agency-empty' };\n`);
    expect(await darcha('plugin', 'verify', root)).to.equal(2);
    expect(out[1]).to.match(
      /^ {2}DARCHA_PLUGIN_LOAD_FAILED {2}Cannot load plugin package "@fixture\/plugin-agency-empty": its default export is not made by definePlugin/,
    );
  });

  it('refuses a directory without package.json with DARCHA_CLI_PLUGIN_DIR_NOT_FOUND (exit 3)', async () => {
    expect(await darcha('plugin', 'verify', path.join(dir, 'nowhere'))).to.equal(3);
    expect(err.join('\n')).to.include('DARCHA_CLI_PLUGIN_DIR_NOT_FOUND');
  });
});
