import type { Readable } from 'node:stream';
import { DarchaError } from '@darcha/core';
import busboy from 'busboy';
import type { Request } from 'express';
import { HttpError } from './http-errors.js';

/** One file read from a `multipart/form-data` body, and the text fields sent before it. */
export interface UploadedFile {
  fields: Record<string, string>;
  fileName: string;
  stream: Readable;
  /**
   * Settles when the whole body has been read: resolves when it was well-formed, rejects when the
   * request was refused after the file part (an extra field, a second file). Record nothing before.
   */
  complete: Promise<void>;
}

export interface UploadLimits {
  /** Largest accepted file; one byte more and the upload stops with 413. */
  maxBytes: number;
  /** Text fields allowed before the file (others are refused). */
  fields: readonly string[];
}

/**
 * Reads a `multipart/form-data` body with busboy (streaming: the file is never held whole in
 * memory) and hands the single file part to `consume` as it arrives. Text fields must come before
 * the file. Too many parts, a second file or a file over the limit are refused.
 */
export function readUpload<T>(
  req: Request,
  limits: UploadLimits,
  consume: (file: UploadedFile) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          files: 1,
          fields: limits.fields.length,
          fieldSize: 1024,
          parts: limits.fields.length + 2,
          fileSize: limits.maxBytes,
        },
        defParamCharset: 'utf8',
      });
    } catch (error) {
      reject(malformed((error as Error).message));
      return;
    }
    const fields: Record<string, string> = {};
    let outcome: Promise<T> | undefined;
    let failure: Error | undefined;
    let file: Readable | undefined;
    let bodyRead!: () => void;
    let bodyRefused!: (error: Error) => void;
    const complete = new Promise<void>((resolve, refuse) => {
      bodyRead = resolve;
      bodyRefused = refuse;
    });
    complete.catch(() => undefined); // settled for whoever awaits it; the request fails on its own
    // The first failure answers at once: the file stream is ended with the error (so the file store
    // removes its partial file), the rest of the body is read and dropped.
    const fail = (error: Error): void => {
      if (failure) return;
      failure = error;
      bodyRefused(error);
      req.unpipe(parser);
      if (file && !file.destroyed) file.destroy(error);
      req.resume();
      reject(error);
    };
    parser.on('field', (name, value) => {
      if (!limits.fields.includes(name))
        fail(malformed(`the field "${name}" is not accepted here (accepted: ${limits.fields.join(', ')})`));
      else fields[name] = value;
    });
    parser.on('file', (_name, stream, info) => {
      if (outcome || failure) {
        stream.resume();
        return;
      }
      stream.on('limit', () => {
        fail(tooLarge(limits.maxBytes));
        stream.destroy(tooLarge(limits.maxBytes));
      });
      file = stream;
      // Its reader sees a failure through its own iteration; a destroyed stream must not throw here.
      stream.on('error', () => undefined);
      outcome = consume({ fields: { ...fields }, fileName: info.filename ?? 'file', stream, complete });
      outcome.catch((error: unknown) => {
        fail(error as Error);
        stream.resume();
      });
    });
    parser.on('filesLimit', () => fail(malformed('send exactly one file')));
    parser.on('fieldsLimit', () => fail(malformed('too many fields')));
    parser.on('partsLimit', () => fail(malformed('too many parts')));
    parser.on('error', (error: Error) => fail(malformed(error.message)));
    parser.on('close', () => {
      if (failure) return;
      if (!outcome) return fail(malformed('no file part was sent'));
      bodyRead();
      outcome.then(resolve, (error: unknown) => fail(error as Error));
    });
    req.on('aborted', () => fail(malformed('the upload was interrupted')));
    req.pipe(parser);
  });
}

function malformed(reason: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_HTTP_UPLOAD_INVALID',
    kind: 'invalid',
    message: `The upload could not be read: ${reason}.`,
    hint: 'Send multipart/form-data with the documentCode field first and then one file part named "file".',
  });
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, {
    code: 'DARCHA_HTTP_UPLOAD_TOO_LARGE',
    kind: 'invalid',
    message: `The file is larger than the ${maxBytes} bytes this document accepts.`,
    hint: 'Scan at a lower resolution or send a smaller file; the service lists each document’s limit.',
    details: { maxBytes },
  });
}
