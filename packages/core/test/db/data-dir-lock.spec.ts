import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { DataDirLock } from '../../src/db/data-dir-lock.js';
import { isDarchaError, type DarchaError } from '../../src/errors/darcha-error.js';

function expectLocked(dataDir: string): DarchaError {
  try {
    DataDirLock.acquire(dataDir).release();
  } catch (error) {
    if (isDarchaError(error, 'DARCHA_DB_LOCKED')) return error;
    throw error;
  }
  throw new Error(`expected DARCHA_DB_LOCKED for ${dataDir}`);
}

function readLock(dataDir: string): { pid: number; host: string; since: string } {
  return JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')) as { pid: number; host: string; since: string };
}

function writeLock(dataDir: string, owner: { pid: number; host?: string; since?: string }): void {
  const since = owner.since ?? '2024-01-01T00:00:00.000Z';
  writeFileSync(`${dataDir}.lock`, JSON.stringify({ host: hostname(), ...owner, since }));
}

describe('DataDirLock', () => {
  let base: string;
  let dataDir: string;
  const held: DataDirLock[] = [];

  function acquire(dir = dataDir): DataDirLock {
    const lock = DataDirLock.acquire(dir);
    held.push(lock);
    return lock;
  }

  before(() => {
    base = mkdtempSync(path.join(tmpdir(), 'darcha-lock-'));
  });

  beforeEach(function () {
    // One parent folder per test, which exists (a stale lock sits beside its data directory).
    dataDir = path.join(base, this.currentTest?.title.replace(/\W+/g, '-') ?? 'data', 'data');
    mkdirSync(path.dirname(dataDir), { recursive: true });
  });

  afterEach(() => {
    for (const lock of held.splice(0)) lock.release();
  });

  after(() => rmSync(base, { recursive: true, force: true }));

  it('creates <dataDir>.lock holding this process id and host', () => {
    const lock = acquire();
    expect(lock.file).to.equal(`${dataDir}.lock`);
    expect(existsSync(`${dataDir}.lock`)).to.equal(true);
    const owner = readLock(dataDir);
    expect(owner.pid).to.equal(process.pid);
    expect(owner.host).to.equal(hostname());
    expect(Number.isNaN(Date.parse(owner.since))).to.equal(false);
  });

  it('resolves a relative data directory to an absolute lock file', () => {
    const relative = path.relative(process.cwd(), dataDir);
    const lock = acquire(relative);
    expect(lock.file).to.equal(`${dataDir}.lock`);
  });

  it('creates missing parent folders of the data directory', () => {
    const nested = path.join(dataDir, 'tenants', 'pglite');
    const lock = acquire(nested);
    expect(existsSync(lock.file)).to.equal(true);
    expect(readLock(nested).pid).to.equal(process.pid);
  });

  it('refuses a second acquire in the same process, naming the directory and this pid', () => {
    acquire();
    const error = expectLocked(dataDir);
    expect(error.kind).to.equal('unavailable');
    expect(error.message).to.include(dataDir);
    expect(error.message).to.include(`process ${process.pid}`);
    expect(error.hint).to.include('DARCHA_DATA_DIR');
    expect(error.details).to.include({ dataDir, pid: process.pid });
    expect(readLock(dataDir).pid).to.equal(process.pid);
  });

  it('removes the lock file on release, so the directory can be locked again', () => {
    acquire().release();
    expect(existsSync(`${dataDir}.lock`)).to.equal(false);
    const again = acquire();
    expect(existsSync(again.file)).to.equal(true);
  });

  it('is harmless to release twice, even after someone else took the lock', () => {
    const first = acquire();
    first.release();
    expect(() => first.release()).to.not.throw();
    const second = acquire();
    first.release();
    expect(existsSync(second.file)).to.equal(true);
    expectLocked(dataDir);
  });

  it('takes over a stale lock left by a process that has exited', () => {
    const exited = spawnSync(process.execPath, ['-e', '']);
    expect(exited.status).to.equal(0);
    writeLock(dataDir, { pid: exited.pid });
    acquire();
    expect(readLock(dataDir).pid).to.equal(process.pid);
  });

  it('takes over an unreadable lock file', () => {
    writeFileSync(`${dataDir}.lock`, '{ not json');
    acquire();
    expect(readLock(dataDir).pid).to.equal(process.pid);
  });

  it('does not remove a lock file that another process holds now', () => {
    const lock = acquire();
    writeLock(dataDir, { pid: 1 });
    lock.release();
    expect(readLock(dataDir).pid).to.equal(1);
  });

  it('assumes a lock held on another host is alive and names that host', () => {
    const exited = spawnSync(process.execPath, ['-e', '']);
    writeLock(dataDir, { pid: exited.pid, host: 'db-node-2.internal' });
    const error = expectLocked(dataDir);
    expect(error.message).to.include(`process ${exited.pid} on db-node-2.internal`);
    expect(readLock(dataDir).host).to.equal('db-node-2.internal');
  });

  describe('held by another live process', () => {
    let child: ChildProcess;

    before(async () => {
      child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
    });

    after(() => {
      child.kill();
    });

    it("refuses the lock, naming that process's pid and the directory, and leaves its lock alone", () => {
      writeLock(dataDir, { pid: child.pid!, since: '2025-03-01T08:00:00.000Z' });
      const error = expectLocked(dataDir);
      expect(error.message).to.include(`process ${child.pid}`);
      expect(error.message).to.include(dataDir);
      expect(error.message).to.include('since 2025-03-01T08:00:00.000Z');
      expect(error.details['pid']).to.equal(child.pid);
      expect(readLock(dataDir).pid).to.equal(child.pid);
    });

    it('takes the lock once that process has exited', async () => {
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
      await new Promise<void>((resolve) => other.once('spawn', () => resolve()));
      writeLock(dataDir, { pid: other.pid! });
      expectLocked(dataDir);
      const exited = new Promise<void>((resolve) => other.once('exit', () => resolve()));
      other.kill();
      await exited;
      acquire();
      expect(readLock(dataDir).pid).to.equal(process.pid);
    });
  });
});
