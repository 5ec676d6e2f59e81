import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { isDarchaError } from '../errors/darcha-error.js';
import { chunksOf, type FileContent } from './file-content.js';
import { isSha256, type FileStore, type PutFileOptions, type StoredFile } from './file-store.js';
import {
  fileCorrupt,
  fileNotFound,
  fileSha256Invalid,
  fileStoreUnavailable,
  fileTooLarge,
} from './file-store.errors.js';

const FILE_MODE = 0o640;
const DIRECTORY_MODE = 0o750;

/**
 * A {@link FileStore} in a local directory (by default `<dataDir>/files`). A file lives at
 * `<directory>/<aa>/<bb>/<sha256>`, where `aa` and `bb` are the first two pairs of hex digits, so no
 * directory grows past 65,536 entries in its first two levels.
 *
 * `put` writes to `<directory>/tmp/<random>.part`, flushes it to disk, and renames it into place:
 * the rename is atomic (same filesystem), so a reader sees the whole file or none, and two processes
 * storing the same bytes at once both succeed with the same file. An interrupted write leaves only a
 * `.part` file in `tmp/`, which is safe to delete when no Darcha process is writing.
 *
 * @example
 * const store = new LocalFileStore(path.join(dataDir, 'files'));
 * const { sha256 } = await store.put(bytes, { maxBytes: 5 * 1024 * 1024 });
 */
export class LocalFileStore implements FileStore {
  /** The absolute directory the store keeps its files in. */
  readonly directory: string;

  constructor(directory: string) {
    this.directory = path.resolve(directory);
  }

  async put(content: FileContent, options: PutFileOptions = {}): Promise<StoredFile> {
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    const temporaryDirectory = path.join(this.directory, 'tmp');
    await this.#io('create its directories', () =>
      mkdir(temporaryDirectory, { recursive: true, mode: DIRECTORY_MODE }),
    );
    const temporary = path.join(temporaryDirectory, `${randomUUID()}.part`);
    let kept = false;
    try {
      const handle = await this.#io('create a file', () => open(temporary, 'wx', FILE_MODE));
      const hash = createHash('sha256');
      let sizeBytes = 0;
      try {
        for await (const chunk of chunksOf(content)) {
          sizeBytes += chunk.byteLength;
          if (sizeBytes > maxBytes) throw fileTooLarge(maxBytes, this.directory);
          hash.update(chunk);
          await this.#io('write a file', () => writeAll(handle, chunk));
        }
        await this.#io('flush a file to disk', () => handle.sync());
      } finally {
        await handle.close();
      }
      const sha256 = hash.digest('hex');
      const target = this.#pathOf(sha256);
      // A stored file of the right length is this content already: leave it. A shorter or longer
      // one can only be damage, and renaming over it repairs it atomically.
      if ((await this.#io('look up a file', () => sizeOf(target))) !== sizeBytes) {
        await this.#io('create its directories', () =>
          mkdir(path.dirname(target), { recursive: true, mode: DIRECTORY_MODE }),
        );
        await this.#io('move a file into place', () => this.#moveIntoPlace(temporary, target, sizeBytes));
        kept = true;
        await syncDirectory(path.dirname(target));
      }
      return { sha256, sizeBytes };
    } finally {
      if (!kept) await rm(temporary, { force: true });
    }
  }

  async has(sha256: string): Promise<boolean> {
    const file = this.#checkedPathOf(sha256);
    return (await this.#io('look up a file', () => sizeOf(file))) !== undefined;
  }

  async get(sha256: string): Promise<Buffer> {
    const file = this.#checkedPathOf(sha256);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw this.#readError(sha256, error);
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) throw fileCorrupt(sha256, actual, this.directory);
    return bytes;
  }

  async getStream(sha256: string): Promise<Readable> {
    const file = this.#checkedPathOf(sha256);
    try {
      const handle = await open(file, 'r');
      return handle.createReadStream();
    } catch (error) {
      throw this.#readError(sha256, error);
    }
  }

  /** Renames; where renaming over an existing file fails (Windows), a racing twin already won. */
  async #moveIntoPlace(temporary: string, target: string, sizeBytes: number): Promise<void> {
    try {
      await rename(temporary, target);
    } catch (error) {
      if ((await sizeOf(target)) !== sizeBytes) throw error;
      await rm(temporary, { force: true });
    }
  }

  #checkedPathOf(sha256: string): string {
    if (!isSha256(sha256)) throw fileSha256Invalid(sha256);
    return this.#pathOf(sha256);
  }

  #pathOf(sha256: string): string {
    return path.join(this.directory, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  #readError(sha256: string, error: unknown): Error {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT' || code === 'EISDIR') return fileNotFound(sha256, this.directory);
    return fileStoreUnavailable(this.directory, `read file ${sha256}`, error);
  }

  async #io<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isDarchaError(error)) throw error;
      throw fileStoreUnavailable(this.directory, action, error);
    }
  }
}

/** Writes the whole chunk: a single write may take only part of it. */
async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

/** The size of a regular file, or undefined when there is none at `file`. */
async function sizeOf(file: string): Promise<number | undefined> {
  try {
    const stats = await stat(file);
    return stats.isFile() ? stats.size : undefined;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Flushes a directory entry (the rename) to disk where the platform allows it (not on Windows). */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Best effort: the file itself is already flushed, and some platforms cannot sync a directory.
  } finally {
    await handle?.close();
  }
}
