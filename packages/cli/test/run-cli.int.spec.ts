import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { coreMigrations } from '@darcha/core';
import { runCli } from '../src/run-cli.js';

/**
 * The CLI in-process against an embedded database in a temp directory. These run on PGlite in both
 * suites: DATABASE_URL is set aside so the CLI never migrates the shared test server's database.
 */
describe('darcha CLI', () => {
  let dir: string;
  const saved = { ...process.env };
  let out: string[];
  let err: string[];
  const originalLog = console.log;
  const originalError = console.error;

  async function darcha(...args: string[]): Promise<number> {
    out = [];
    err = [];
    console.log = (...parts: unknown[]) => out.push(parts.join(' '));
    console.error = (...parts: unknown[]) => err.push(parts.join(' '));
    try {
      return await runCli(args);
    } finally {
      console.log = originalLog;
      console.error = originalError;
    }
  }

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'darcha-cli-'));
    delete process.env['DATABASE_URL'];
    process.env['DARCHA_DATA_DIR'] = path.join(dir, 'data');
    process.env['LOG_LEVEL'] = 'silent';
  });
  after(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates, and a rerun does nothing', async () => {
    expect(await darcha('migrate')).to.equal(0);
    expect(out.join('\n')).to.include(`up to date (${coreMigrations.length} migrations of core applied)`);
    expect(await darcha('migrate', '--status')).to.equal(0);
    expect(out.join('\n')).to.include(`${coreMigrations.length} applied, 0 pending`);
  });

  it('creates a hierarchy and lists it', async () => {
    expect(
      await darcha('tenant', 'create', 'uz', '--kind', 'country', '--name', 'Uzbekistan', '--locale', 'en'),
    ).to.equal(0);
    expect(
      await darcha(
        'tenant',
        'create',
        'uz.tashkent-region',
        '--kind',
        'region',
        '--parent',
        'uz',
        '--name',
        'Toshkent viloyati',
      ),
    ).to.equal(0);
    expect(
      await darcha('tenant', 'create', 'chirchik', '--parent', 'uz.tashkent-region', '--name', 'Chirchiq'),
    ).to.equal(0);
    expect(out).to.deep.equal(['created city chirchik under uz.tashkent-region']);
    expect(await darcha('tenant', 'list')).to.equal(0);
    const table = out.join('\n');
    expect(table).to.match(/^ID\s+KIND\s+PARENT\s+STATUS\s+NAME/);
    expect(table).to.match(/chirchik\s+city\s+uz\.tashkent-region\s+active\s+Chirchiq/);
  });

  it('suspends a tenant, with a reason', async () => {
    expect(await darcha('tenant', 'suspend', 'chirchik', '--reason', 'contract renewal')).to.equal(0);
    expect(await darcha('tenant', 'list', '--status', 'suspended', '--json')).to.equal(0);
    const listed = JSON.parse(out.join('\n')) as { id: string; statusReason: string }[];
    expect(listed.map((t) => [t.id, t.statusReason])).to.deep.equal([['chirchik', 'contract renewal']]);
    expect(await darcha('tenant', 'resume', 'chirchik')).to.equal(0);
  });

  it('prints coded errors with a hint and exits with the code of their kind', async () => {
    expect(
      await darcha('tenant', 'create', 'chirchik', '--parent', 'uz.tashkent-region', '--name', 'again'),
    ).to.equal(4);
    expect(err.join('\n')).to.match(
      /^DARCHA_TENANT_EXISTS: Tenant "chirchik" already exists\.\n {2}Choose another id/,
    );
    expect(await darcha('tenant', 'suspend', 'nowhere', '--reason', 'x')).to.equal(3);
    expect(err.join('\n')).to.include('DARCHA_TENANT_NOT_FOUND');
    expect(await darcha('tenant', 'create', 'Bad Id', '--name', 'x')).to.equal(2);
    expect(err.join('\n')).to.include('DARCHA_TENANT_INVALID');
    expect(await darcha('tenant', 'create', 'angren', '--name', 'Angren')).to.equal(2);
    expect(err.join('\n')).to.include('DARCHA_TENANT_PARENT_INVALID');
  });

  it('enables and disables plugins for a tenant, and names an unknown one', async () => {
    expect(await darcha('plugin', 'enable', 'chirchik', 'agency-gas', 'agency-water')).to.equal(0);
    expect(out).to.deep.equal(['enabled agency-gas for chirchik', 'enabled agency-water for chirchik']);
    expect(await darcha('plugin', 'disable', 'chirchik', 'agency-water')).to.equal(0);
    expect(out).to.deep.equal(['disabled agency-water for chirchik']);
    expect(await darcha('plugin', 'enable', 'chirchik', 'agency-nowhere')).to.equal(3);
    expect(err.join('\n')).to.include('DARCHA_PLUGIN_NOT_FOUND');
  });

  it('creates a platform administrator with a password shown once, and lists them', async () => {
    expect(await darcha('user', 'create', 'ops@example.uz', '--name', 'Operations')).to.equal(0);
    expect(out[0]).to.match(/^created platform administrator ops@example\.uz \(/);
    const password = /^password: (\S+) /.exec(out[1] ?? '')?.[1];
    expect(password).to.match(/^[A-Za-z0-9_-]{16}$/);
    expect(await darcha('user', 'list')).to.equal(0);
    expect(out.join('\n')).to.match(/ops@example\.uz\s+Operations\s+platform_admin\s+active/);
    expect(out.join('\n')).not.to.include(password!);
    expect(await darcha('user', 'create', 'ops@example.uz', '--name', 'Again')).to.equal(4);
    expect(err.join('\n')).to.match(/^DARCHA_/);
  });

  it('exits 2 on usage errors', async () => {
    expect(await darcha('tenant', 'create', 'x', '--kind', 'planet', '--name', 'y')).to.equal(2);
    expect(await darcha('tenant', 'suspend', 'chirchik')).to.equal(2); // --reason missing
    expect(await darcha('no-such-command')).to.equal(2);
  });

  it('refuses a bad config value before opening the database', async () => {
    process.env['DARCHA_DB_POOL_MAX'] = 'many';
    try {
      expect(await darcha('tenant', 'list')).to.equal(2);
      expect(err.join('\n')).to.include('DARCHA_CONFIG_INVALID').and.include('DARCHA_DB_POOL_MAX="many"');
    } finally {
      delete process.env['DARCHA_DB_POOL_MAX'];
    }
  });
});
