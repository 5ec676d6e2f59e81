import { DarchaError } from '../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../errors/field-error.js';

export function attachmentInvalid(tenantId: string, errors: FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_ATTACHMENT_INVALID',
    kind: 'invalid',
    message: `An attachment for tenant "${tenantId}" is malformed:\n${formatFieldErrors(errors)}`,
    hint: 'Send { inquiryId, documentCode, fileName, bytes, uploadedBy } with strings and the file as bytes or a stream.',
    details: { tenantId, errors },
  });
}

export function attachmentDocumentUnknown(
  tenantId: string,
  inquiryId: string,
  documentCode: string,
  known: readonly string[],
): DarchaError {
  const listed = known.length > 0 ? `it declares ${known.join(', ')}` : 'it declares no documents';
  return new DarchaError({
    code: 'DARCHA_ATTACHMENT_DOCUMENT_UNKNOWN',
    kind: 'invalid',
    message: `Inquiry ${inquiryId} of tenant "${tenantId}" cannot take document "${documentCode}": the service does not ask for it (${listed}).`,
    hint: "Use one of the document codes of the inquiry's service version, or add the document to the service definition in a new version.",
    details: { tenantId, inquiryId, documentCode, known: [...known] },
  });
}

export function attachmentEmpty(
  tenantId: string,
  inquiryId: string,
  documentCode: string,
  fileName: string,
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_ATTACHMENT_EMPTY',
    kind: 'invalid',
    message: `File ${JSON.stringify(fileName)} for document "${documentCode}" of inquiry ${inquiryId} (tenant "${tenantId}") is empty.`,
    hint: 'Choose the file again; an upload that was interrupted or a scan that failed sends no bytes.',
    details: { tenantId, inquiryId, documentCode, fileName },
  });
}

export function attachmentTooLarge(
  tenantId: string,
  inquiryId: string,
  documentCode: string,
  maxBytes: number,
  sizeBytes: number | undefined,
): DarchaError {
  const size = sizeBytes === undefined ? 'more than that' : formatBytes(sizeBytes);
  return new DarchaError({
    code: 'DARCHA_ATTACHMENT_TOO_LARGE',
    kind: 'invalid',
    message: `Document "${documentCode}" of inquiry ${inquiryId} (tenant "${tenantId}") may be at most ${formatBytes(maxBytes)}; the file is ${size}.`,
    hint: `Send a file of at most ${formatBytes(maxBytes)}: scan at a lower resolution or compress it. The limit is the document's maxBytes in the service definition.`,
    details: { tenantId, inquiryId, documentCode, maxBytes, sizeBytes: sizeBytes ?? null },
  });
}

export function attachmentTypeRefused(
  tenantId: string,
  inquiryId: string,
  documentCode: string,
  fileName: string,
  detected: string | undefined,
  accepted: readonly string[],
): DarchaError {
  const found =
    detected === undefined ? 'content of a type that cannot be recognised' : `${detected} content`;
  return new DarchaError({
    code: 'DARCHA_ATTACHMENT_TYPE_REFUSED',
    kind: 'invalid',
    message: `File ${JSON.stringify(fileName)} for document "${documentCode}" of inquiry ${inquiryId} (tenant "${tenantId}") holds ${found}; the document accepts ${accepted.join(', ')}.`,
    hint: `Send the document as ${accepted.join(' or ')}. The type is read from the file's bytes, so renaming a file does not change it.`,
    details: {
      tenantId,
      inquiryId,
      documentCode,
      fileName,
      detected: detected ?? null,
      accepted: [...accepted],
    },
  });
}

export function attachmentInquiryNotFound(tenantId: string, inquiryId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_ATTACHMENT_INQUIRY_NOT_FOUND',
    kind: 'not_found',
    message: `Tenant "${tenantId}" has no inquiry ${JSON.stringify(inquiryId)} to attach files to or list files of.`,
    hint: 'Check the inquiry id (a UUID) and the tenant: an inquiry is reached only through the tenant it was filed with.',
    details: { tenantId, inquiryId },
  });
}

export function attachmentNotFound(tenantId: string, attachmentId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_ATTACHMENT_NOT_FOUND',
    kind: 'not_found',
    message: `Tenant "${tenantId}" has no attachment ${JSON.stringify(attachmentId)}.`,
    hint: "Check the attachment id (a UUID) and the tenant; list an inquiry's attachments to find it.",
    details: { tenantId, attachmentId },
  });
}

export function attachmentBytesMissing(
  tenantId: string,
  attachmentId: string,
  sha256: string,
  cause: unknown,
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_ATTACHMENT_BYTES_MISSING',
    kind: 'internal',
    message: `Attachment ${attachmentId} of tenant "${tenantId}" is recorded, but the file store has no bytes ${sha256} for it.`,
    hint: 'The file store lost a file the database refers to: restore the file store from the backup taken together with the database (see docs/guides/attachments.md).',
    details: { tenantId, attachmentId, sha256 },
    cause,
  });
}

/** `5 MiB (5242880 bytes)`, `1.5 KiB (1536 bytes)` or `512 bytes`: a size as a person would say it. */
function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024, 'MiB'],
    [1024, 'KiB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit} (${bytes} bytes)`;
  }
  return `${bytes} bytes`;
}
