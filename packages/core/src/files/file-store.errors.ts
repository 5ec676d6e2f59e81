import { DarchaError } from '../errors/darcha-error.js';

// Errors of the file store (`FileStore`, `LocalFileStore`), listed under FILE in docs/reference/errors.md.

export function fileSha256Invalid(value: unknown): DarchaError {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : String(value);
  return new DarchaError({
    code: 'DARCHA_FILE_SHA256_INVALID',
    kind: 'invalid',
    message: `${shown} is not a file address: the file store addresses files by SHA-256, 64 lowercase hex digits.`,
    hint: 'Pass the sha256 that put() returned (or that an attachment row holds); never a path or a file name.',
    details: { sha256: typeof value === 'string' ? value.slice(0, 80) : null },
  });
}

export function fileNotFound(sha256: string, directory: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_FILE_NOT_FOUND',
    kind: 'not_found',
    message: `The file store in ${directory} holds no file ${sha256}.`,
    hint: 'Check the address; if metadata points at it, the file was lost: restore the file store from the backup taken with the database.',
    details: { sha256 },
  });
}

export function fileTooLarge(maxBytes: number, directory: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_FILE_TOO_LARGE',
    kind: 'invalid',
    message: `The content is longer than the limit of ${maxBytes} bytes; the file store in ${directory} kept nothing.`,
    hint: 'Send a smaller file, or raise the limit the caller passed as maxBytes.',
    details: { maxBytes },
  });
}

export function fileContentInvalid(received: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_FILE_CONTENT_INVALID',
    kind: 'internal',
    message: `The file store was given ${received}, not bytes.`,
    hint: 'Pass a Uint8Array (Buffer) or a stream of Uint8Array chunks; do not set an encoding on the stream.',
    details: { received },
  });
}

export function fileCorrupt(sha256: string, actual: string, directory: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_FILE_CORRUPT',
    kind: 'internal',
    message: `File ${sha256} in the file store in ${directory} is damaged: its bytes hash to ${actual}.`,
    hint: 'Restore that file from the backup of the file store (same path); check the disk for errors.',
    details: { sha256, actual },
  });
}

export function fileStoreUnavailable(directory: string, action: string, cause: unknown): DarchaError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new DarchaError({
    code: 'DARCHA_FILE_STORE_UNAVAILABLE',
    kind: 'unavailable',
    message: `The file store in ${directory} could not ${action}: ${reason}`,
    hint: 'Check that the directory exists, that the Darcha process may write it, and that the disk is not full.',
    details: { directory, action, errno: (cause as { code?: unknown } | null)?.code ?? null },
    cause,
  });
}
