import type { Readable } from 'node:stream';
import type { FileContent } from './file-content.js';

/** What the store keeps of a file: its address and its length. */
export interface StoredFile {
  /** SHA-256 of the content, 64 lowercase hex digits: the file's address in the store. */
  sha256: string;
  sizeBytes: number;
}

/** Options of {@link FileStore.put}. */
export interface PutFileOptions {
  /**
   * Refuse content longer than this many bytes with `DARCHA_FILE_TOO_LARGE`; a stream is cut off as
   * soon as it passes the limit, and nothing is kept.
   */
  maxBytes?: number;
}

/**
 * A content-addressed store of immutable files: a file's address is the SHA-256 of its bytes, so
 * storing the same bytes twice is a no-op and a stored file never changes. The store knows nothing
 * of tenants or inquiries: who may read a file is decided by whoever holds its metadata (e.g. the
 * `inquiry_attachments` row, behind row-level security). Addresses are checked
 * (`DARCHA_FILE_SHA256_INVALID`), so no caller can steer the store to another path.
 *
 * @example
 * const { sha256, sizeBytes } = await store.put(Buffer.from('%PDF-1.4 ...'));
 * const bytes = await store.get(sha256);
 * const stream = await store.getStream(sha256); // for large files: pipe it to the response
 */
export interface FileStore {
  /** Stores the content (atomically: a reader sees the whole file or none) and returns its address. */
  put(content: FileContent, options?: PutFileOptions): Promise<StoredFile>;
  /** True when a file with this address is stored. */
  has(sha256: string): Promise<boolean>;
  /** The whole file, checked against its address; `DARCHA_FILE_NOT_FOUND` when it is not stored. */
  get(sha256: string): Promise<Buffer>;
  /** The file as a stream, opened before it resolves; `DARCHA_FILE_NOT_FOUND` when it is not stored. */
  getStream(sha256: string): Promise<Readable>;
}

/** The form of a file's address: SHA-256 as 64 lowercase hex digits. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** True when `value` is a well-formed file address (64 lowercase hex digits). */
export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256_PATTERN.test(value);
}
