import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../src/config/load-config.js';
import { isDarchaError, type DarchaError } from '../../src/errors/darcha-error.js';

/** Runs `fn`, expecting it to throw a DarchaError with `code`; returns that error. */
function expectDarchaError(fn: () => unknown, code: string): DarchaError {
  try {
    fn();
  } catch (error) {
    if (isDarchaError(error, code)) return error;
    throw error;
  }
  throw new Error(`expected ${code} to be thrown`);
}

describe('loadConfig', () => {
  const dirs: string[] = [];

  /** A fresh empty directory; with `config`, it holds that text as darcha.config.json. */
  function tempDir(config?: unknown): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'darcha-config-'));
    dirs.push(dir);
    if (config !== undefined) {
      const text = typeof config === 'string' ? config : JSON.stringify(config);
      writeFileSync(path.join(dir, 'darcha.config.json'), text);
    }
    return dir;
  }

  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('defaults', () => {
    it('runs on port 3000 with the embedded database in ./.darcha/data when there is no file and no env', () => {
      const cwd = tempDir();
      const config = loadConfig({ cwd, env: {} });
      expect(config.port).to.equal(3000);
      expect(config.host).to.equal('0.0.0.0');
      expect(config.logLevel).to.equal('info');
      expect(config.database.dataDir).to.equal(path.join(cwd, '.darcha', 'data'));
      expect(path.isAbsolute(config.database.dataDir)).to.equal(true);
      expect(config.database.pool.max).to.equal(10);
      expect(config.database.url).to.equal(undefined);
    });

    it('creates the demo tenants by default on the embedded database only', () => {
      expect(loadConfig({ cwd: tempDir(), env: {} }).demo).to.equal(true);
      const onPostgres = loadConfig({ cwd: tempDir(), env: { DATABASE_URL: 'postgres://localhost/darcha' } });
      expect(onPostgres.demo).to.equal(false);
    });

    it('ignores environment variables set to the empty string', () => {
      const config = loadConfig({ cwd: tempDir(), env: { PORT: '', LOG_LEVEL: '', DATABASE_URL: '' } });
      expect(config.port).to.equal(3000);
      expect(config.logLevel).to.equal('info');
      expect(config.database.url).to.equal(undefined);
    });
  });

  describe('the config file', () => {
    it('reads darcha.config.json in cwd and keeps the defaults for keys it leaves out', () => {
      const cwd = tempDir({
        port: 4000,
        logLevel: 'debug',
        database: { dataDir: 'var/pglite', pool: { max: 4 } },
        tenancy: { baseDomain: 'darcha.example' },
      });
      const config = loadConfig({ cwd, env: {} });
      expect(config.port).to.equal(4000);
      expect(config.logLevel).to.equal('debug');
      expect(config.database.dataDir).to.equal(path.join(cwd, 'var', 'pglite'));
      expect(config.database.pool.max).to.equal(4);
      expect(config.tenancy.baseDomain).to.equal('darcha.example');
      expect(config.host).to.equal('0.0.0.0');
    });

    it('keeps the default pool size when the file sets only the data directory', () => {
      const cwd = tempDir({ database: { dataDir: '/srv/darcha/data' } });
      const config = loadConfig({ cwd, env: {} });
      expect(config.database.dataDir).to.equal(path.resolve('/srv/darcha/data'));
      expect(config.database.pool.max).to.equal(10);
    });

    it('reads the file named by the `file` option, relative to cwd', () => {
      const cwd = tempDir();
      writeFileSync(path.join(cwd, 'staging.json'), JSON.stringify({ port: 8080 }));
      expect(loadConfig({ cwd, env: {}, file: 'staging.json' }).port).to.equal(8080);
    });

    it('reads the file named by DARCHA_CONFIG', () => {
      const cwd = tempDir();
      writeFileSync(path.join(cwd, 'other.json'), JSON.stringify({ port: 8181 }));
      expect(loadConfig({ cwd, env: { DARCHA_CONFIG: 'other.json' } }).port).to.equal(8181);
    });

    it('reports a key the schema does not know, naming it', () => {
      const cwd = tempDir({ prot: 3000, database: { poolsize: 3 } });
      const error = expectDarchaError(() => loadConfig({ cwd, env: {} }), 'DARCHA_CONFIG_INVALID');
      expect(error.message).to.include('prot: is not a known setting');
      expect(error.message).to.include('database.poolsize: is not a known setting');
      expect(error.hint).to.include(path.join(cwd, 'darcha.config.json'));
    });

    it('refuses a file that is not valid JSON with DARCHA_CONFIG_UNREADABLE', () => {
      const cwd = tempDir('{ "port": 3000, }');
      const error = expectDarchaError(() => loadConfig({ cwd, env: {} }), 'DARCHA_CONFIG_UNREADABLE');
      expect(error.message).to.include(path.join(cwd, 'darcha.config.json'));
      expect(error.message).to.include('not valid JSON');
    });

    it('refuses a missing file that was asked for explicitly with DARCHA_CONFIG_UNREADABLE', () => {
      const cwd = tempDir();
      const error = expectDarchaError(
        () => loadConfig({ cwd, env: {}, file: 'missing.json' }),
        'DARCHA_CONFIG_UNREADABLE',
      );
      expect(error.message).to.include(path.join(cwd, 'missing.json'));
    });

    it('refuses a file holding JSON that is not an object', () => {
      const cwd = tempDir('[1, 2]');
      const error = expectDarchaError(() => loadConfig({ cwd, env: {} }), 'DARCHA_CONFIG_INVALID');
      expect(error.message).to.include('must hold a JSON object');
    });
  });

  describe('environment overrides', () => {
    it('win over the file', () => {
      const cwd = tempDir({
        port: 4000,
        logLevel: 'debug',
        database: { url: 'postgres://file-host/darcha', dataDir: 'from-file', pool: { max: 4 } },
      });
      const config = loadConfig({
        cwd,
        env: {
          PORT: '5000',
          LOG_LEVEL: 'warn',
          DATABASE_URL: 'postgresql://env-host:5432/darcha',
          DARCHA_DATA_DIR: 'from-env',
          DARCHA_DB_POOL_MAX: '25',
          DARCHA_OUTBOX_CONCURRENCY: '8',
        },
      });
      expect(config.port).to.equal(5000);
      expect(config.logLevel).to.equal('warn');
      expect(config.database.url).to.equal('postgresql://env-host:5432/darcha');
      expect(config.database.dataDir).to.equal(path.join(cwd, 'from-env'));
      expect(config.database.pool.max).to.equal(25);
      expect(config.jobs.outboxConcurrency).to.equal(8);
    });

    it('turn numeric and boolean strings into numbers and booleans', () => {
      const config = loadConfig({
        cwd: tempDir(),
        env: { PORT: ' 8080 ', DARCHA_DEMO: 'no', DARCHA_BASE_DOMAIN: 'darcha.example' },
      });
      expect(config.port).to.equal(8080);
      expect(config.demo).to.equal(false);
      expect(config.tenancy.baseDomain).to.equal('darcha.example');
    });

    it('lose to the `overrides` option', () => {
      const config = loadConfig({ cwd: tempDir(), env: { PORT: '5000' }, overrides: { port: 0 } });
      expect(config.port).to.equal(0);
    });
  });

  describe('invalid values', () => {
    it('refuses PORT=abc, naming the key and the variable it came from', () => {
      const error = expectDarchaError(
        () => loadConfig({ cwd: tempDir(), env: { PORT: 'abc' } }),
        'DARCHA_CONFIG_INVALID',
      );
      expect(error.kind).to.equal('invalid');
      expect(error.message).to.include('port');
      expect(error.message).to.include('PORT="abc"');
      expect(error.message).to.include('must be integer');
    });

    it('lists every wrong value at once', () => {
      const cwd = tempDir({ host: '' });
      const error = expectDarchaError(
        () =>
          loadConfig({
            cwd,
            env: {
              PORT: '70000',
              LOG_LEVEL: 'loud',
              DARCHA_DB_POOL_MAX: '0',
              DARCHA_OUTBOX_CONCURRENCY: '0',
            },
          }),
        'DARCHA_CONFIG_INVALID',
      );
      expect(error.message).to.include('port (from PORT="70000")');
      expect(error.message).to.include('logLevel (from LOG_LEVEL="loud"): must be one of: "trace"');
      expect(error.message).to.include('database.pool.max (from DARCHA_DB_POOL_MAX="0")');
      expect(error.message).to.include('jobs.outboxConcurrency (from DARCHA_OUTBOX_CONCURRENCY="0")');
      expect(error.message).to.include('host:');
      const errors = error.details['errors'] as { field: string }[];
      expect(errors.map((e) => e.field.split(' ')[0])).to.have.members([
        'port',
        'logLevel',
        'database.pool.max',
        'jobs.outboxConcurrency',
        'host',
      ]);
    });

    it('refuses a DATABASE_URL that is not a postgres:// URL', () => {
      const error = expectDarchaError(
        () => loadConfig({ cwd: tempDir(), env: { DATABASE_URL: 'mysql://db.example/darcha' } }),
        'DARCHA_CONFIG_INVALID',
      );
      expect(error.message).to.include('database.url');
      expect(error.message).to.include('DATABASE_URL=');
    });

    it('refuses a base domain with upper case or without a dot', () => {
      for (const baseDomain of ['Darcha.Example', 'localhost']) {
        const error = expectDarchaError(
          () => loadConfig({ cwd: tempDir(), env: { DARCHA_BASE_DOMAIN: baseDomain } }),
          'DARCHA_CONFIG_INVALID',
        );
        expect(error.message).to.include('tenancy.baseDomain');
      }
    });
  });

  it('returns a config frozen all the way down', () => {
    const config = loadConfig({ cwd: tempDir(), env: {} });
    expect(Object.isFrozen(config)).to.equal(true);
    expect(Reflect.set(config, 'port', 1)).to.equal(false);
    expect(config.port).to.equal(3000);
    expect(Reflect.set(config.database, 'dataDir', '/elsewhere')).to.equal(false);
    expect(Reflect.set(config.database.pool, 'max', 99)).to.equal(false);
  });

  it('never touches Object.prototype, whatever the file says', () => {
    const cwd = tempDir(
      '{"__proto__": {"polluted": true}, "database": {"constructor": {"prototype": {"x": 1}}}}',
    );
    loadConfig({ cwd, env: {} });
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(({} as Record<string, unknown>)['x']).to.equal(undefined);
  });

  it('masks the password of a bad DATABASE_URL in the error', () => {
    const error = expectDarchaError(
      () => loadConfig({ cwd: tempDir(), env: { DATABASE_URL: 'mysql://root:s3cret@db/x' } }),
      'DARCHA_CONFIG_INVALID',
    );
    expect(error.message).to.include('mysql://root:***@db/x').and.not.include('s3cret');
  });

  it('treats an empty DARCHA_CONFIG like an unset one', () => {
    expect(loadConfig({ cwd: tempDir(), env: { DARCHA_CONFIG: '' } }).port).to.equal(3000);
  });
});
