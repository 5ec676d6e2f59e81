import { fileContentInvalid } from './file-store.errors.js';

/**
 * Bytes of a file: a whole buffer, or a stream of chunks (a Node `Readable` without an encoding, a
 * web `ReadableStream`, or any async iterable of `Uint8Array`). A stream is processed as it arrives
 * and is never held in memory as a whole.
 */
export type FileContent = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * The chunks of `content`, in order; refuses anything that is not bytes (`DARCHA_FILE_CONTENT_INVALID`),
 * such as a stream with an encoding set, which yields strings.
 */
export async function* chunksOf(content: FileContent): AsyncGenerator<Uint8Array, void, undefined> {
  if (content instanceof Uint8Array) {
    yield content;
    return;
  }
  if (!isAsyncIterable(content)) throw fileContentInvalid(describe(content));
  for await (const chunk of content) {
    if (!(chunk instanceof Uint8Array)) throw fileContentInvalid(`a stream of ${describe(chunk)}`);
    yield chunk;
  }
}

/** True when `value` can be given as {@link FileContent}. */
export function isFileContent(value: unknown): value is FileContent {
  return value instanceof Uint8Array || isAsyncIterable(value);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'Object'})`;
  return `a ${typeof value}`;
}
