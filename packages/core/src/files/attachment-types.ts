import type { Readable } from 'node:stream';
import type { FileContent } from './file-content.js';

/**
 * A file attached to an inquiry, as recorded in the tenant table `inquiry_attachments`. The bytes
 * live in the file store under `sha256`; a row is written only after its bytes are stored.
 */
export interface Attachment {
  id: string;
  tenantId: string;
  inquiryId: string;
  /** Which of the service's `documents` this file is (`passport`, `floor-plan`). */
  documentCode: string;
  /** The name the file was sent with, made safe (no path, no control characters, at most 255 bytes). */
  fileName: string;
  /** Detected from the bytes, never taken from the name or the client. */
  mediaType: string;
  sizeBytes: number;
  /** SHA-256 of the bytes, 64 lowercase hex digits: the file's address in the file store. */
  sha256: string;
  /** Who uploaded it: a staff member's id, `citizen:<pinfl>`, `api-key:<id>` or `system`. */
  uploadedBy: string;
  uploadedAt: Date;
}

/** What a caller sends to attach a file to an inquiry. */
export interface AttachInput {
  inquiryId: string;
  documentCode: string;
  /** The name the client gave; only its last segment is kept, cleaned. */
  fileName: string;
  /** The bytes, whole or as a stream (read once, never held in memory as a whole). */
  bytes: FileContent;
  uploadedBy: string;
}

/** An attachment with its bytes. */
export interface OpenedAttachment {
  attachment: Attachment;
  bytes: Buffer;
}

/** An attachment with a stream of its bytes, for sending large files on. */
export interface StreamedAttachment {
  attachment: Attachment;
  stream: Readable;
}
