import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import ts from 'typescript';
import { PLUGIN_API_VERSION } from '@darcha/core';
import { runCli } from '../src/run-cli.js';
import { SCAFFOLD_VERSIONS } from '../src/scaffold/versions.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

/**
 * `darcha plugin new` end to end: scaffold into a temp directory (whose node_modules links to the
 * repository's, so that @darcha/core, @darcha/testing and chai resolve from there), verify the new
 * plugin, check it is formatted, linted and typed as the repository demands, and run its own test.
 */
describe(`darcha plugin new (${engine})`, function () {
  this.timeout(120_000);
  let dir: string;
  let pluginDir: string;
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
    dir = mkdtempSync(path.join(tmpdir(), 'darcha-plugin-new-'));
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    pluginDir = path.join(dir, 'plugins', 'agency-gas');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the package and prints its files and the next steps', async () => {
    expect(
      await darcha('plugin', 'new', 'agency-gas', '--kind', 'agency', '--dir', path.join(dir, 'plugins')),
    ).to.equal(0);
    const files = [
      'package.json',
      'tsconfig.json',
      'README.md',
      'src/index.ts',
      'src/plugin.ts',
      'src/services/sample-certificate.ts',
      'src/workflows/simple.ts',
      'test/plugin.int.spec.ts',
    ];
    expect(out[0]).to.equal(`created @darcha/plugin-agency-gas in ${pluginDir}/`);
    expect(out.slice(1, 9)).to.deep.equal(files.map((f) => `  ${pluginDir}/${f}`));
    expect(out.join('\n')).to.include(`{ "path": "${pluginDir}" }`);
    for (const file of files) expect(existsSync(path.join(pluginDir, file)), file).to.equal(true);
  });

  it('writes a workspace package with the darcha field, the source condition and engines', () => {
    const manifest = JSON.parse(readFileSync(path.join(pluginDir, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest).to.deep.include({
      name: '@darcha/plugin-agency-gas',
      version: '0.1.0',
      type: 'module',
      darcha: { kind: 'agency' },
      engines: { node: '^20.19 || >=22' },
    });
    expect(manifest['exports']).to.deep.include({
      '.': { 'darcha-source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
    });
    const plugin = readFileSync(path.join(pluginDir, 'src/plugin.ts'), 'utf8');
    expect(plugin).to.include(`engines: { darcha: '^${PLUGIN_API_VERSION}' }`);
    expect(readFileSync(path.join(pluginDir, 'src/services/sample-certificate.ts'), 'utf8'))
      .to.include("workflow: 'agency-gas/simple'")
      .and.include("format: 'pinfl'")
      .and.include("format: 'uz-phone'");
  });

  it('asks for the versions of @darcha/core and @darcha/testing that the repository has', () => {
    const version = (pkg: string): string =>
      (
        JSON.parse(readFileSync(path.join(repoRoot, 'packages', pkg, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
    expect(SCAFFOLD_VERSIONS.core).to.equal(`^${version('core')}`);
    expect(SCAFFOLD_VERSIONS.testing).to.equal(`^${version('testing')}`);
  });

  it('passes darcha plugin verify', async () => {
    expect(await darcha('plugin', 'verify', pluginDir)).to.equal(0);
    expect(out).to.deep.equal(['ok: agency-gas@0.1.0, 1 service']);
  });

  it("is formatted and linted as the repository's own code", async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    for (const file of sourceFiles(pluginDir)) {
      // Checked as if it were in the repository's plugins/ folder, where it will live.
      const asInRepo = path.join(repoRoot, 'plugins', 'agency-gas', file);
      const source = readFileSync(path.join(pluginDir, file), 'utf8');
      const ignorePath = path.join(repoRoot, '.prettierignore');
      if (!(await prettier.getFileInfo(asInRepo, { ignorePath })).ignored) {
        const options = await prettier.resolveConfig(asInRepo);
        const formatted = await prettier.check(source, { ...options, filepath: asInRepo });
        expect(formatted, `prettier: ${file}`).to.equal(true);
      }
      if (!file.endsWith('.ts')) continue;
      const [result] = await eslint.lintText(source, { filePath: asInRepo });
      expect(result!.messages.map((m) => `${file}:${m.line} ${m.ruleId} ${m.message}`)).to.deep.equal([]);
    }
  });

  it('type-checks with the repository compiler options', () => {
    const base = ts.readConfigFile(path.join(repoRoot, 'tsconfig.base.json'), (f) => ts.sys.readFile(f))
      .config as {
      compilerOptions: Record<string, unknown>;
    };
    const { options } = ts.parseJsonConfigFileContent(
      {
        ...base,
        compilerOptions: {
          ...base.compilerOptions,
          composite: false,
          noEmit: true,
          types: ['node', 'mocha'],
          customConditions: ['darcha-source'],
        },
      },
      ts.sys,
      repoRoot,
    );
    const files = sourceFiles(pluginDir).filter((f) => f.endsWith('.ts'));
    const program = ts.createProgram(
      files.map((f) => path.join(pluginDir, f)),
      options,
    );
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).to.deep.equal([]);
  });

  it('has a test of its own that passes', async () => {
    const mocha = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
    const args = ['--node-option', 'conditions=darcha-source', '--node-option', 'import=tsx'];
    const run = await runNode([mocha, ...args, path.join(pluginDir, 'test', 'plugin.int.spec.ts')], repoRoot);
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(run.stdout).to.include('4 passing');
  });

  it('creates city and feature plugins that pass verify too', async () => {
    for (const [id, kind, category] of [
      ['city-djizak', 'city', 'oss-services.djizak'],
      ['queue-display', 'feature', 'information.queue-display'],
    ] as const) {
      expect(await darcha('plugin', 'new', id, '--kind', kind, '--dir', path.join(dir, 'plugins'))).to.equal(
        0,
      );
      const plugin = readFileSync(path.join(dir, 'plugins', id, 'src/plugin.ts'), 'utf8');
      expect(plugin).to.include(`kind: '${kind}'`).and.include(`id: '${category}'`);
      expect(await darcha('plugin', 'verify', path.join(dir, 'plugins', id))).to.equal(0);
      expect(out).to.deep.equal([`ok: ${id}@0.1.0, 1 service`]);
    }
  });

  it('refuses an invalid id with DARCHA_CLI_PLUGIN_ID_INVALID (exit 2), writing nothing', async () => {
    const parent = path.join(dir, 'other');
    expect(await darcha('plugin', 'new', 'Gas Supply', '--kind', 'agency', '--dir', parent)).to.equal(2);
    expect(err.join('\n')).to.match(/^DARCHA_CLI_PLUGIN_ID_INVALID: Cannot create plugin "Gas Supply"/);
    expect(await darcha('plugin', 'new', 'gas', '--kind', 'agency', '--dir', parent)).to.equal(2);
    expect(err.join('\n')).to.include('the id of an agency plugin is "agency-<slug>"');
    expect(await darcha('plugin', 'new', 'city-chirchik', '--kind', 'feature', '--dir', parent)).to.equal(2);
    expect(err.join('\n')).to.include('use --kind city');
    expect(existsSync(parent)).to.equal(false);
  });

  it('refuses an existing directory with DARCHA_CLI_PLUGIN_DIR_EXISTS (exit 4), leaving it alone', async () => {
    const before = readFileSync(path.join(pluginDir, 'src/plugin.ts'), 'utf8');
    expect(
      await darcha('plugin', 'new', 'agency-gas', '--kind', 'agency', '--dir', path.join(dir, 'plugins')),
    ).to.equal(4);
    expect(err.join('\n')).to.include(
      `DARCHA_CLI_PLUGIN_DIR_EXISTS: Cannot create the plugin in ${pluginDir}`,
    );
    expect(readFileSync(path.join(pluginDir, 'src/plugin.ts'), 'utf8')).to.equal(before);
  });

  it('exits 2 on an unknown kind', async () => {
    expect(await darcha('plugin', 'new', 'agency-gas', '--kind', 'ministry')).to.equal(2);
  });
});

/** Files of a plugin directory, relative to it, without node_modules or dist. */
function sourceFiles(root: string, sub = ''): string[] {
  return readdirSync(path.join(root, sub), { withFileTypes: true }).flatMap((entry) => {
    const relative = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'dist' ? [] : sourceFiles(root, relative);
    return [relative];
  });
}

function runNode(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
