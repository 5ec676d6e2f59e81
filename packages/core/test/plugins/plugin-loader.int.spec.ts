import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../src/config/load-config.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import { openPlatform } from '../../src/platform/open-platform.js';
import { discoverWorkspacePlugins, loadPluginPackage, loadPlugins } from '../../src/plugins/plugin-loader.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

/**
 * A throwaway project: a root package.json with workspaces, plugin packages written as plain ESM
 * (what `tsc` would emit), and a broken one. Packages are linked into node_modules like npm does.
 */
function makeProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'darcha-plugins-'));
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('package.json', JSON.stringify({ name: 'oss', private: true, workspaces: ['plugins/*', 'tools'] }));
  const plugin = (
    dir: string,
    name: string,
    id: string,
    version: string,
    darcha = true,
    body?: string,
  ): void => {
    write(
      `${dir}/package.json`,
      JSON.stringify({
        name,
        version,
        type: 'module',
        exports: { '.': './index.js' },
        ...(darcha ? { darcha: { kind: 'agency' } } : {}),
      }),
    );
    write(
      `${dir}/index.js`,
      body ??
        `export default Object.freeze({ __darchaPlugin: true, id: '${id}', version: '${version}', kind: 'agency', engines: { darcha: '^1.0.0' } });\n`,
    );
    // linked into node_modules, as npm workspaces do
    mkdirSync(path.join(root, 'node_modules', path.dirname(name)), { recursive: true });
    symlinkSync(path.join(root, dir), path.join(root, 'node_modules', name), 'dir');
  };
  plugin('plugins/agency-gas', '@oss/plugin-agency-gas', 'agency-gas', '1.2.0');
  plugin('plugins/agency-water', '@oss/plugin-agency-water', 'agency-water', '0.4.0');
  plugin('plugins/not-a-plugin', '@oss/helpers', 'x', '1.0.0', false);
  plugin(
    'plugins/agency-broken',
    '@oss/plugin-agency-broken',
    'agency-broken',
    '1.0.0',
    true,
    `throw new Error('syntax of the future');\n`,
  );
  plugin(
    'plugins/agency-plain',
    '@oss/plugin-agency-plain',
    'agency-plain',
    '1.0.0',
    true,
    `export default { id: 'agency-plain' };\n`,
  );
  plugin('tools', '@oss/tools', 'tools', '1.0.0', false);
  return root;
}

describe(`plugin loading from packages (${engine})`, () => {
  let root: string;
  before(() => {
    root = makeProject();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('discovers workspace packages that have a darcha field, and only those', () => {
    expect(discoverWorkspacePlugins(root)).to.deep.equal([
      '@oss/plugin-agency-broken',
      '@oss/plugin-agency-gas',
      '@oss/plugin-agency-plain',
      '@oss/plugin-agency-water',
    ]);
  });

  it('loads a package by name with its package.json version', async () => {
    const loaded = await loadPluginPackage('@oss/plugin-agency-gas', root);
    expect(loaded).to.deep.include({ source: '@oss/plugin-agency-gas', packageVersion: '1.2.0' });
    expect(loaded.plugin.id).to.equal('agency-gas');
  });

  it('reports packages that cannot be loaded, without stopping the others', async () => {
    const result = await loadPlugins({ cwd: root, discoverWorkspaces: true, packages: ['@oss/nowhere'] });
    expect(result.loaded.map((l) => l.plugin.id).sort()).to.deep.equal(['agency-gas', 'agency-water']);
    const failures = Object.fromEntries(result.failures.map((f) => [f.source, f.error]));
    expect(Object.keys(failures).sort()).to.deep.equal([
      '@oss/nowhere',
      '@oss/plugin-agency-broken',
      '@oss/plugin-agency-plain',
    ]);
    for (const error of Object.values(failures))
      expect(isDarchaError(error, 'DARCHA_PLUGIN_LOAD_FAILED')).to.equal(true);
    expect(failures['@oss/nowhere']!.message).to.include('not installed');
    expect(failures['@oss/plugin-agency-broken']!.message).to.include('syntax of the future');
    expect(failures['@oss/plugin-agency-plain']!.message).to.include('definePlugin');
  });

  it('shows loaded and unloadable plugins together in the platform startup report', async () => {
    const config = loadConfig({ env: {}, overrides: { logLevel: 'silent' } });
    const platform = await openPlatform({ config, db: await openTestDatabase(), cwd: root });
    try {
      const report = Object.fromEntries(
        platform.pluginReport.map((r) => [r.id, [r.status, r.error?.code ?? null]]),
      );
      expect(report).to.deep.equal({
        '@oss/plugin-agency-broken': ['failed', 'DARCHA_PLUGIN_LOAD_FAILED'],
        '@oss/plugin-agency-plain': ['failed', 'DARCHA_PLUGIN_LOAD_FAILED'],
        'agency-gas': ['active', null],
        'agency-water': ['active', null],
      });
    } finally {
      await platform.close();
    }
  });
});
