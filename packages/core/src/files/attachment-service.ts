import type { Database } from '../db/database.js';
import type { TenantTransaction } from '../db/types.js';
import { isDarchaError } from '../errors/darcha-error.js';
import type { FieldError } from '../errors/field-error.js';
import type { RequiredDocument } from '../registry/types.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import {
  attachmentBytesMissing,
  attachmentDocumentUnknown,
  attachmentEmpty,
  attachmentInquiryNotFound,
  attachmentInvalid,
  attachmentNotFound,
  attachmentTooLarge,
  attachmentTypeRefused,
} from './attachment.errors.js';
import type { Attachment, AttachInput, OpenedAttachment, StreamedAttachment } from './attachment-types.js';
import { sampleMediaType } from './detect-media-type.js';
import { isFileContent } from './file-content.js';
import type { FileStore } from './file-store.js';
import { attachmentFileName, sanitizeFileName } from './sanitize-file-name.js';

/** What {@link AttachmentService} is built from. */
export interface AttachmentServiceOptions {
  db: Database;
  store: FileStore;
  /** The time recorded as `uploadedAt`; the system clock by default. */
  clock?: () => Date;
}

interface AttachmentRow {
  tenant_id: string;
  id: string;
  inquiry_id: string;
  document_code: string;
  file_name: string;
  media_type: string;
  size_bytes: string | number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
}

/** Bytes in the file store that passed the document's checks, waiting for their metadata row. */
interface StoredUpload {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPLOADED_BY_MAX_LENGTH = 200;

/**
 * Files attached to inquiries. A file is checked against the document of the service that asks for
 * it (`RequiredDocument`: code, accepted media types, `maxBytes`), its type is detected from its
 * bytes, its bytes go to the {@link FileStore} first and its metadata row to the tenant table
 * `inquiry_attachments` after, so a row always has its bytes (an unreferenced file is harmless).
 * Rows are reached through `withTenant` only: another tenant's inquiry or attachment is not found.
 *
 * @example
 * const attachments = new AttachmentService({ db, store: new LocalFileStore(filesDir) });
 * const passport = await attachments.attach(
 *   'chirchik',
 *   { inquiryId, documentCode: 'passport', fileName: 'scan.pdf', bytes, uploadedBy: actor.id },
 *   service.documents,
 * );
 * const { bytes } = await attachments.open('chirchik', passport.id);
 */
/** Options of {@link AttachmentService.attach}. */
export interface AttachOptions {
  /**
   * Awaited after the bytes are stored and before the row is written; if it rejects, no row is
   * written (the stored bytes stay unreferenced) and `attach` rejects with its error.
   */
  beforeRecord?: () => Promise<void>;
}

export class AttachmentService {
  readonly #db: Database;
  readonly #store: FileStore;
  readonly #clock: () => Date;

  constructor(options: AttachmentServiceOptions) {
    this.#db = options.db;
    this.#store = options.store;
    this.#clock = options.clock ?? (() => new Date());
  }

  /**
   * Checks and stores a file for one of the inquiry's documents, then records it. `documents` are
   * those of the service version the inquiry is pinned to. The bytes are stored before the
   * transaction opens, so a slow upload holds no database connection.
   */
  async attach(
    tenantId: string,
    input: AttachInput,
    documents: readonly RequiredDocument[],
    options: AttachOptions = {},
  ): Promise<Attachment> {
    assertTenantId(tenantId);
    const upload = await this.#storeBytes(tenantId, input, documents);
    // E.g. the rest of a multipart body: a request refused after its file part records nothing.
    await options.beforeRecord?.();
    return this.#db.withTenant(tenantId, (trx) => this.#record(trx, tenantId, input, upload));
  }

  /**
   * {@link attach} inside the caller's `withTenant` transaction, e.g. to file an inquiry and its
   * documents together: if the transaction rolls back, the rows go and the stored bytes stay behind,
   * unreferenced. The bytes are stored while the transaction is open, so pass them whole (a buffer)
   * rather than as a slow stream.
   */
  async attachIn(
    trx: TenantTransaction,
    tenantId: string,
    input: AttachInput,
    documents: readonly RequiredDocument[],
  ): Promise<Attachment> {
    assertTenantId(tenantId);
    const upload = await this.#storeBytes(tenantId, input, documents);
    return this.#record(trx, tenantId, input, upload);
  }

  /**
   * The inquiry's attachments, oldest first; `DARCHA_ATTACHMENT_INQUIRY_NOT_FOUND` when the tenant has
   * no such inquiry.
   */
  async list(tenantId: string, inquiryId: string): Promise<Attachment[]> {
    assertTenantId(tenantId);
    return this.#db.withTenant(tenantId, (trx) => this.listIn(trx, tenantId, inquiryId));
  }

  /** {@link list} inside the caller's `withTenant` transaction. */
  async listIn(trx: TenantTransaction, tenantId: string, inquiryId: string): Promise<Attachment[]> {
    await assertInquiry(trx, tenantId, inquiryId);
    const rows: AttachmentRow[] = await trx('inquiry_attachments')
      .where({ tenant_id: tenantId, inquiry_id: inquiryId })
      .orderBy([{ column: 'uploaded_at' }, { column: 'id' }]);
    return rows.map(toAttachment);
  }

  /** One attachment's metadata; `DARCHA_ATTACHMENT_NOT_FOUND` when the tenant has no such attachment. */
  async get(tenantId: string, attachmentId: string): Promise<Attachment> {
    assertTenantId(tenantId);
    if (typeof attachmentId !== 'string' || !UUID_PATTERN.test(attachmentId)) {
      throw attachmentNotFound(tenantId, String(attachmentId));
    }
    const row: AttachmentRow | undefined = await this.#db.withTenant(tenantId, (trx) =>
      trx('inquiry_attachments').where({ tenant_id: tenantId, id: attachmentId }).first(),
    );
    if (!row) throw attachmentNotFound(tenantId, attachmentId);
    return toAttachment(row);
  }

  /** One attachment with its bytes, checked against its sha256 by the store. */
  async open(tenantId: string, attachmentId: string): Promise<OpenedAttachment> {
    const attachment = await this.get(tenantId, attachmentId);
    const bytes = await this.#read(attachment, (sha256) => this.#store.get(sha256));
    return { attachment, bytes };
  }

  /** One attachment with a stream of its bytes, for sending a large file on without buffering it. */
  async openStream(tenantId: string, attachmentId: string): Promise<StreamedAttachment> {
    const attachment = await this.get(tenantId, attachmentId);
    const stream = await this.#read(attachment, (sha256) => this.#store.getStream(sha256));
    return { attachment, stream };
  }

  async #read<T>(attachment: Attachment, read: (sha256: string) => Promise<T>): Promise<T> {
    try {
      return await read(attachment.sha256);
    } catch (error) {
      if (!isDarchaError(error, 'DARCHA_FILE_NOT_FOUND')) throw error;
      throw attachmentBytesMissing(attachment.tenantId, attachment.id, attachment.sha256, error);
    }
  }

  /** Runs every check that needs no database, then stores the bytes. */
  async #storeBytes(
    tenantId: string,
    input: AttachInput,
    documents: readonly RequiredDocument[],
  ): Promise<StoredUpload> {
    const problems = inputProblems(input);
    if (problems.length > 0) throw attachmentInvalid(tenantId, problems);
    const { inquiryId, documentCode, bytes } = input;
    if (!UUID_PATTERN.test(inquiryId)) throw attachmentInquiryNotFound(tenantId, inquiryId);
    const document = documents.find((candidate) => candidate.code === documentCode);
    if (!document) {
      const known = documents.map((candidate) => candidate.code);
      throw attachmentDocumentUnknown(tenantId, inquiryId, documentCode, known);
    }
    const shownName = sanitizeFileName(input.fileName) || documentCode;
    const checkSize = (sizeBytes: number): void => {
      if (sizeBytes === 0) throw attachmentEmpty(tenantId, inquiryId, documentCode, shownName);
      if (sizeBytes > document.maxBytes) {
        throw attachmentTooLarge(tenantId, inquiryId, documentCode, document.maxBytes, sizeBytes);
      }
    };
    if (bytes instanceof Uint8Array) checkSize(bytes.byteLength);
    const sampled = await sampleMediaType(bytes);
    const detected = sampled.detected;
    const accepted = document.accept.map((type) => type.trim().toLowerCase());
    try {
      if (sampled.complete) checkSize(sampled.sampledBytes);
      if (!detected || !accepted.includes(detected.mediaType)) {
        throw attachmentTypeRefused(
          tenantId,
          inquiryId,
          documentCode,
          shownName,
          detected?.mediaType,
          accepted,
        );
      }
    } catch (error) {
      await sampled.discard();
      throw error;
    }
    const stored = await this.#store
      .put(sampled.content, { maxBytes: document.maxBytes })
      .catch((error: unknown) => {
        if (!isDarchaError(error, 'DARCHA_FILE_TOO_LARGE')) throw error;
        throw attachmentTooLarge(tenantId, inquiryId, documentCode, document.maxBytes, undefined);
      });
    checkSize(stored.sizeBytes);
    return {
      fileName: attachmentFileName(input.fileName, detected.extension, documentCode),
      mediaType: detected.mediaType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
    };
  }

  async #record(
    trx: TenantTransaction,
    tenantId: string,
    input: AttachInput,
    upload: StoredUpload,
  ): Promise<Attachment> {
    await assertInquiry(trx, tenantId, input.inquiryId);
    const [row]: AttachmentRow[] = await trx('inquiry_attachments')
      .insert({
        tenant_id: tenantId,
        inquiry_id: input.inquiryId,
        document_code: input.documentCode,
        file_name: upload.fileName,
        media_type: upload.mediaType,
        size_bytes: upload.sizeBytes,
        sha256: upload.sha256,
        uploaded_by: input.uploadedBy,
        uploaded_at: this.#clock(),
      })
      .returning('*');
    return toAttachment(row!);
  }
}

/** Throws `DARCHA_ATTACHMENT_INQUIRY_NOT_FOUND` unless the tenant (as RLS lets it see) has the inquiry. */
async function assertInquiry(trx: TenantTransaction, tenantId: string, inquiryId: string): Promise<void> {
  if (typeof inquiryId !== 'string' || !UUID_PATTERN.test(inquiryId)) {
    throw attachmentInquiryNotFound(tenantId, String(inquiryId));
  }
  const inquiry: { id: string } | undefined = await trx('inquiries')
    .where({ tenant_id: tenantId, id: inquiryId })
    .first('id');
  if (!inquiry) throw attachmentInquiryNotFound(tenantId, inquiryId);
}

function inputProblems(input: AttachInput): FieldError[] {
  if (typeof input !== 'object' || input === null) return [{ field: '/', message: 'must be an object' }];
  const problems: FieldError[] = [];
  const text = (field: keyof AttachInput, nonEmpty: boolean, maxLength = Number.POSITIVE_INFINITY): void => {
    const value: unknown = input[field];
    if (typeof value !== 'string') problems.push({ field: `/${field}`, message: 'must be a string' });
    else if (nonEmpty && value.trim() === '')
      problems.push({ field: `/${field}`, message: 'must not be empty' });
    else if (value.length > maxLength) {
      problems.push({ field: `/${field}`, message: `must be at most ${maxLength} characters` });
    }
  };
  text('inquiryId', true);
  text('documentCode', true);
  text('fileName', false);
  text('uploadedBy', true, UPLOADED_BY_MAX_LENGTH);
  if (!isFileContent(input.bytes)) {
    problems.push({
      field: '/bytes',
      message: 'must be a Uint8Array (Buffer) or a stream of Uint8Array chunks',
    });
  }
  return problems;
}

function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    inquiryId: row.inquiry_id,
    documentCode: row.document_code,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}
