import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { PluginReportEntry } from '@darcha/core';
import { runCli } from '../src/run-cli.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `darcha plugin list` in a temp npm workspace with two plugins, on an embedded database in a temp
 * directory. It runs on PGlite in both suites: DATABASE_URL is set aside so that the command never
 * migrates the shared test server's database.
 */
describe('darcha plugin list', function () {
  this.timeout(60_000);
  let dir: string;
  let out: string[];
  const saved = { ...process.env };
  const cwd = process.cwd();

  async function darcha(...args: string[]): Promise<number> {
    out = [];
    const { log, error } = console;
    console.log = (...parts: unknown[]) => out.push(parts.join(' '));
    console.error = () => {};
    try {
      return await runCli(args);
    } finally {
      console.log = log;
      console.error = error;
    }
  }

  function addPlugin(workspace: string, id: string, engines: string): void {
    const root = path.join(workspace, 'plugins', id);
    mkdirSync(path.join(root, 'src'), { recursive: true });
    const manifest = {
      name: `@fixture/plugin-${id}`,
      version: '1.2.0',
      type: 'module',
      exports: { '.': { 'darcha-source': './src/index.ts' } },
      darcha: { kind: 'agency' },
    };
    writeFileSync(path.join(root, 'package.json'), JSON.stringify(manifest));
    writeFileSync(
      path.join(root, 'src', 'index.ts'),
      `import { definePlugin } from '@darcha/core';
export default definePlugin({ id: '${id}', version: '1.2.0', kind: 'agency', engines: { darcha: '${engines}' } });
`,
    );
    symlinkSync(root, path.join(workspace, 'node_modules', '@fixture', `plugin-${id}`), 'dir');
  }

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'darcha-plugin-list-'));
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const workspace = path.join(dir, 'ws');
    mkdirSync(path.join(workspace, 'node_modules', '@fixture'), { recursive: true });
    writeFileSync(
      path.join(workspace, 'package.json'),
      JSON.stringify({ private: true, workspaces: ['plugins/*'] }),
    );
    addPlugin(workspace, 'agency-gas', '^1.0.0');
    addPlugin(workspace, 'agency-future', '^2.0.0');
    delete process.env['DATABASE_URL'];
    process.env['DARCHA_DATA_DIR'] = path.join(dir, 'data');
    process.env['LOG_LEVEL'] = 'silent';
    process.chdir(workspace);
  });
  after(() => {
    process.chdir(cwd);
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the startup report as a table, then the message of each failure', async () => {
    expect(await darcha('plugin', 'list')).to.equal(0);
    expect(out.join('\n').split('\n')).to.deep.equal([
      'ID             VERSION  KIND    STATUS  ERROR',
      'agency-future  1.2.0    agency  failed  DARCHA_PLUGIN_CORE_MISMATCH',
      'agency-gas     1.2.0    agency  active  -',
      '',
      'agency-future: Plugin "agency-future" supports Darcha plugin API ^2.0.0, but this core implements 1.0.0.',
    ]);
  });

  it('prints the report as JSON with --json', async () => {
    expect(await darcha('plugin', 'list', '--json')).to.equal(0);
    const report = JSON.parse(out.join('\n')) as PluginReportEntry[];
    expect(report.map((e) => [e.id, e.status, e.source, e.error?.code])).to.deep.equal([
      ['agency-future', 'failed', '@fixture/plugin-agency-future', 'DARCHA_PLUGIN_CORE_MISMATCH'],
      ['agency-gas', 'active', '@fixture/plugin-agency-gas', undefined],
    ]);
  });
});
