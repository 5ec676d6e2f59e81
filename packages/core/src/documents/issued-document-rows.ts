import type { Locale } from '../i18n/locales.js';
import type { IssuedDocument } from './types.js';

/** A row of `issued_documents` without the HTML. */
export interface IssuedDocumentRow {
  id: string;
  inquiry_id: string;
  kind: string;
  template_key: string;
  locale: Locale;
  serial: string;
  holder_initials: string;
  data: Record<string, unknown>;
  issued_at: Date;
  issued_by: string;
  effect_id: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

/** The columns of {@link IssuedDocumentRow}: everything but the HTML and the code's hash. */
export const DOCUMENT_COLUMNS = [
  'id',
  'inquiry_id',
  'kind',
  'template_key',
  'locale',
  'serial',
  'holder_initials',
  'data',
  'issued_at',
  'issued_by',
  'effect_id',
  'revoked_at',
  'revoked_by',
  'revoke_reason',
] as const;

export function toIssuedDocument(row: IssuedDocumentRow): IssuedDocument {
  return {
    id: row.id,
    inquiryId: row.inquiry_id,
    kind: row.kind,
    templateKey: row.template_key,
    locale: row.locale,
    serial: row.serial,
    holderInitials: row.holder_initials,
    data: row.data,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    effectId: row.effect_id,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    revokeReason: row.revoke_reason,
  };
}

/** `CHR-2026-D000123`: prefix, year, `D` and at least six digits. */
export function formatSerial(prefix: string, year: number, value: number): string {
  return `${prefix}-${year}-D${String(value).padStart(6, '0')}`;
}
