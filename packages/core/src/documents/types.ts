import type { Locale, LocalizedText } from '../i18n/locales.js';

/**
 * Contracts of result documents: certificates issued for inquiries (stored, with a serial number and
 * a verification code), receipts (rendered on demand), the tenant's branding and template overrides.
 */

/** A document as issued. The verification code is not part of it: only its hash is kept. */
export interface IssuedDocument {
  id: string;
  inquiryId: string;
  /** The document type, from the service's `result.document` (`certificate`, `extract` ...). */
  kind: string;
  templateKey: string;
  /** The locale the document was rendered in (the template's, after fallback). */
  locale: Locale;
  /** `CHR-2026-D000123`: the tenant's prefix, the year of issue, a gap-free number. */
  serial: string;
  /** The holder's initials, as the public verify page shows them (`A. K.`). */
  holderInitials: string;
  /** The values the template was rendered with (without the verification code). */
  data: Record<string, unknown>;
  issuedAt: Date;
  issuedBy: string;
  /** The outbox event (workflow effect) that issued it, when one did. */
  effectId: string | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

/** What a newly issued document comes with: the code, once (only its hash is stored). */
export interface IssueResult {
  document: IssuedDocument;
  /** `XXXX-XXXX-XXXX-XXXX-XXXX-XX`; undefined when an earlier issue with the same effect id is returned. */
  verificationCode?: string;
  /** False when the effect id had issued a document already and that one is returned. */
  created: boolean;
}

/** What to issue. */
export interface IssueDocumentInput {
  inquiryId: string;
  /** Template key; default the service's `result.template`, else `core/certificate`. */
  template?: string;
  /** Default the inquiry's locale (the applicant's). */
  locale?: Locale;
  /** Values for the template (shown as `fields` by `core/certificate` when they are plain values). */
  data?: Record<string, unknown>;
  /** The effect's outbox event id: a second issue with the same id returns the first document. */
  effectId?: string;
  /** Who issues: a staff id, `system` ... */
  actor: string;
}

/** What the public learns from a verification code, and nothing more. */
export interface DocumentVerification {
  valid: boolean;
  status: 'valid' | 'revoked';
  documentType: string;
  issuedAt: Date;
  holderInitials: string;
  revokedAt?: Date;
  reason?: string;
}

/** A signatory printed at the bottom of documents. */
export interface Signatory {
  name: LocalizedText;
  position: LocalizedText;
}

/** A tenant's branding of its documents. */
export interface DocumentBranding {
  /** `data:image/png;base64,...` (PNG, JPEG or SVG; at most 256 KiB decoded), or null. */
  logo: string | null;
  /** Up to 5 header lines per locale (the city's administration, the OSS's address ...). */
  header: Partial<Record<Locale, string[]>>;
  signatory: Signatory;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** What a city admin sends to set the branding (replaces the whole of it). */
export interface DocumentBrandingInput {
  logo?: string | null;
  header?: Partial<Record<Locale, string[]>>;
  signatory?: Partial<Signatory>;
}

/** A tenant's own version of a template in one locale. */
export interface TemplateOverride {
  key: string;
  locale: Locale;
  source: string;
  updatedAt: Date;
  updatedBy: string;
}

/** One line of a receipt. Amounts are integer soums; a discount line has a negative amount. */
export interface ReceiptLine {
  /** `fee`, `unit` (per-unit part), `discount` ... as the payments module names them. */
  kind: string;
  description: LocalizedText;
  quantity: number;
  unitAmount: number;
  amount: number;
}

/** What a receipt shows; the payments module produces it, {@link DocumentService.renderReceipt} prints it. */
export interface ReceiptData {
  receiptNumber: string;
  /** A date, or an ISO 8601 string. */
  paidAt: Date | string;
  payerName: string;
  serviceCode: string;
  serviceNames: LocalizedText;
  /** The inquiry's tracking number, when the payment is for one. */
  trackingNumber?: string;
  lines: ReceiptLine[];
  /** Integer soums; the sum of the lines. */
  total: number;
  /** `cash`, `card`, `online` or a payment provider's id. */
  method: string;
  cashierName: string | null;
  /** Default the tenant's default locale. */
  locale?: Locale;
}

/** Issued documents, their verification and revocation, branding and template overrides. */
export interface DocumentService {
  issue(tenantId: string, input: IssueDocumentInput): Promise<IssueResult>;
  get(tenantId: string, documentId: string): Promise<IssuedDocument>;
  /** Documents of an inquiry, oldest first. */
  listForInquiry(tenantId: string, inquiryId: string): Promise<IssuedDocument[]>;
  /** The printable HTML as it was issued. */
  html(tenantId: string, documentId: string): Promise<string>;
  /** Public: what a verification code proves. An unknown or malformed code is `DARCHA_DOCUMENT_VERIFICATION_NOT_FOUND`. */
  verify(tenantId: string, code: string): Promise<DocumentVerification>;
  revoke(tenantId: string, documentId: string, reason: string, actor: string): Promise<IssuedDocument>;
  branding(tenantId: string): Promise<DocumentBranding>;
  setBranding(tenantId: string, input: DocumentBrandingInput, actor: string): Promise<DocumentBranding>;
  templateOverride(tenantId: string, key: string, locale: Locale): Promise<TemplateOverride>;
  setTemplateOverride(
    tenantId: string,
    key: string,
    locale: Locale,
    source: string,
    actor: string,
  ): Promise<TemplateOverride>;
  deleteTemplateOverride(tenantId: string, key: string, locale: Locale, actor: string): Promise<void>;
  /** A receipt as printable HTML, rendered now (receipts are not stored). */
  renderReceipt(tenantId: string, data: ReceiptData): Promise<string>;
}
