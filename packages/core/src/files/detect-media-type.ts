import { fileTypeFromBuffer, supportedMimeTypes } from 'file-type';
import { chunksOf, type FileContent } from './file-content.js';

/** A file's type as read from its bytes. */
export interface DetectedMediaType {
  /** The media type, lowercase: `application/pdf`, `image/jpeg`, `image/png`. */
  mediaType: string;
  /** The usual file name extension for it, without the dot: `pdf`, `jpg`, `png`. */
  extension: string;
}

/** How many bytes from the start of a stream {@link sampleMediaType} reads to detect its type. */
export const MEDIA_TYPE_SAMPLE_BYTES = 64 * 1024;

/**
 * Detects a file's type from its content (magic numbers, via the `file-type` package), never from
 * its name. Resolves undefined for content it cannot recognise, which includes every text format
 * (plain text, CSV, JSON, HTML, SVG): see {@link isDetectableMediaType}.
 *
 * @example
 * await detectMediaType(bytes); // { mediaType: 'application/pdf', extension: 'pdf' }, whatever the name
 */
export async function detectMediaType(bytes: Uint8Array): Promise<DetectedMediaType | undefined> {
  const result = await fileTypeFromBuffer(bytes);
  return result ? { mediaType: result.mime.toLowerCase(), extension: result.ext } : undefined;
}

/**
 * True when {@link detectMediaType} can ever report `mediaType`. A document that accepts only types
 * for which this is false can never be attached.
 */
export function isDetectableMediaType(mediaType: string): boolean {
  return (supportedMimeTypes as ReadonlySet<string>).has(mediaType.trim().toLowerCase());
}

/** A stream whose type was detected from its first bytes, and which can still be read whole. */
export interface SampledContent {
  detected: DetectedMediaType | undefined;
  /** How many bytes were read to detect the type (all of them, when `complete`). */
  sampledBytes: number;
  /** True when the sample is the whole content. */
  complete: boolean;
  /** The whole content, sample included; read it once, or call `discard`. */
  content: AsyncIterable<Uint8Array>;
  /** Stops the source stream when the content will not be read. */
  discard(): Promise<void>;
}

/**
 * Reads up to `sampleBytes` from the start of `content` and detects its type from them, without
 * losing those bytes: `content` of the result yields the whole content again. For a buffer, the
 * whole buffer is examined.
 */
export async function sampleMediaType(
  content: FileContent,
  sampleBytes = MEDIA_TYPE_SAMPLE_BYTES,
): Promise<SampledContent> {
  if (content instanceof Uint8Array) {
    return {
      detected: await detectMediaType(content),
      sampledBytes: content.byteLength,
      complete: true,
      content: chunksOf(content),
      discard: () => Promise.resolve(),
    };
  }
  const source = chunksOf(content);
  const head: Uint8Array[] = [];
  let sampledBytes = 0;
  let complete = false;
  while (sampledBytes < sampleBytes) {
    const next = await source.next();
    if (next.done) {
      complete = true;
      break;
    }
    head.push(next.value);
    sampledBytes += next.value.byteLength;
  }
  const sample = Buffer.concat(head);
  async function* whole(): AsyncGenerator<Uint8Array, void, undefined> {
    yield* head;
    if (!complete) yield* source;
  }
  return {
    detected: await detectMediaType(sample),
    sampledBytes,
    complete,
    content: whole(),
    discard: async () => {
      await source.return(undefined);
    },
  };
}
