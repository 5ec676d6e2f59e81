import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { DarchaError } from '../errors/darcha-error.js';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/**
 * An exclusive lock on a PGlite data directory, held as `<dataDir>.lock` holding the owner's pid.
 *
 * PGlite is a single-process database: two processes writing one directory corrupt it. The lock
 * file is written aside and hard-linked into place (atomic, fails if it exists), so exactly one
 * process wins and nobody ever reads a half-written lock; a lock left by a process that died is
 * taken over (same host, pid no longer alive). Node's `fs` offers no advisory locks and the lock
 * libraries on npm do not record the holder's pid, which the error must name.
 */
export class DataDirLock {
  readonly file: string;
  #released = false;
  readonly #onExit = (): void => this.release();

  private constructor(file: string) {
    this.file = file;
    process.once('exit', this.#onExit);
  }

  /** Takes the lock or throws `DARCHA_DB_LOCKED` naming the directory and the holder's pid. */
  static acquire(dataDir: string): DataDirLock {
    const file = `${path.resolve(dataDir)}.lock`;
    mkdirSync(path.dirname(file), { recursive: true });
    for (let attempt = 0; attempt < 3; attempt++) {
      if (tryCreate(file)) return new DataDirLock(file);
      const owner = readOwner(file);
      if (owner && isAlive(owner)) {
        throw new DarchaError({
          code: 'DARCHA_DB_LOCKED',
          kind: 'unavailable',
          message:
            `The data directory ${path.resolve(dataDir)} is in use by process ${owner.pid}` +
            (owner.host === hostname() ? '' : ` on ${owner.host}`) +
            ` (since ${owner.since}).`,
          hint:
            'Stop that process first (the embedded database serves one process at a time), ' +
            'or point this one at another directory with DARCHA_DATA_DIR, or use PostgreSQL via DATABASE_URL.',
          details: { dataDir: path.resolve(dataDir), pid: owner.pid, host: owner.host },
        });
      }
      // The holder is gone: remove its stale lock (unless someone replaced it meanwhile) and retry.
      const current = readOwner(file);
      if (current && owner && (current.pid !== owner.pid || current.since !== owner.since)) continue;
      try {
        unlinkSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    throw new DarchaError({
      code: 'DARCHA_DB_LOCKED',
      kind: 'unavailable',
      message: `Could not take the lock ${file}: another process keeps taking it.`,
      hint: 'Make sure only one Darcha process uses this data directory.',
      details: { dataDir: path.resolve(dataDir) },
    });
  }

  /** Releases the lock; safe to call more than once. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    process.removeListener('exit', this.#onExit);
    const owner = readOwner(this.file);
    if (owner?.pid !== process.pid) return;
    try {
      unlinkSync(this.file);
    } catch {
      // already gone: nothing to release
    }
  }
}

function tryCreate(file: string): boolean {
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const draft = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(draft, JSON.stringify(owner), { mode: 0o644 });
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number') return undefined;
    return { pid: parsed.pid, host: String(parsed.host ?? hostname()), since: String(parsed.since ?? '?') };
  } catch {
    return undefined;
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // cannot check another machine: assume it is alive
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
