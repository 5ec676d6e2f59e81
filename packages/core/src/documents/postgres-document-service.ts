import { appendAudit } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { isLocale, type Locale } from '../i18n/locales.js';
import type { AgencyDirectory, ServiceRegistry } from '../registry/contracts.js';
import { isUuid } from '../staff/staff-rows.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import type { TenantRegistry } from '../tenancy/types.js';
import type { Inquiry } from '../workflow/inquiry/types.js';
import { writeOutboxEvents } from '../workflow/outbox/write-outbox-events.js';
import { readBranding, writeBranding } from './branding-store.js';
import { DocumentRenderer } from './document-renderer.js';
import { documentErrors } from './documents.errors.js';
import { DOCUMENT_COLUMNS, toIssuedDocument, type IssuedDocumentRow } from './issued-document-rows.js';
import { issueDocument } from './issue-document.js';
import { receiptContext, receiptProblems } from './receipt-context.js';
import {
  deleteOverride,
  readOverride,
  readOverrides,
  TEMPLATE_MAX_LENGTH,
  writeOverride,
} from './template-override-store.js';
import {
  TEMPLATE_KEY_PATTERN,
  templateExists,
  textIn,
  type TemplateContributions,
} from './template-resolver.js';
import { RECEIPT_TEMPLATE, receiptTitle } from './templates/receipt-template.js';
import type {
  DocumentBranding,
  DocumentBrandingInput,
  DocumentService,
  DocumentVerification,
  IssueDocumentInput,
  IssueResult,
  IssuedDocument,
  ReceiptData,
  TemplateOverride,
} from './types.js';
import { hashVerificationCode, normaliseVerificationCode } from './verification-code.js';

export const REVOKE_REASON_MAX_LENGTH = 500;

export interface PostgresDocumentServiceOptions {
  db: Database;
  tenants: TenantRegistry;
  services: ServiceRegistry;
  agencies: AgencyDirectory;
  /** Where inquiries are read (the workflow engine). */
  inquiries: { get(tenantId: string, inquiryId: string): Promise<Inquiry> };
  /** Plugins' templates, helpers and translations (the plugin host's contribution registry). */
  contributions: TemplateContributions;
  /** The tenant's time zone for dates (its working calendar's); default the tenant's `timeZone`. */
  timeZoneOf?: (tenantId: string) => Promise<string>;
  /** Config `http.publicUrl`: QR codes point there; unset, they carry a relative path. */
  publicUrl?: string;
  /** Called after a commit that wrote outbox events (wakes the dispatcher). */
  afterOutboxWrite?: () => void;
  clock?: () => Date;
}

/** {@link DocumentService} on the platform database. */
export class PostgresDocumentService implements DocumentService {
  readonly #options: PostgresDocumentServiceOptions;
  readonly #renderer: DocumentRenderer;

  constructor(options: PostgresDocumentServiceOptions) {
    this.#options = options;
    this.#renderer = new DocumentRenderer(options.contributions);
  }

  async issue(tenantId: string, input: IssueDocumentInput): Promise<IssueResult> {
    assertTenantId(tenantId);
    const o = this.#options;
    const result = await issueDocument(
      {
        db: o.db,
        tenants: o.tenants,
        services: o.services,
        agencies: o.agencies,
        inquiries: o.inquiries,
        timeZoneOf: (id) => this.#timeZone(id),
        renderer: this.#renderer,
        publicUrl: o.publicUrl,
        clock: o.clock ?? (() => new Date()),
      },
      tenantId,
      input,
    );
    if (result.created) o.afterOutboxWrite?.();
    return result;
  }

  async get(tenantId: string, documentId: string): Promise<IssuedDocument> {
    assertTenantId(tenantId);
    if (!isUuid(documentId)) throw documentErrors.notFound(tenantId, String(documentId));
    const row = (await this.#options.db.withTenant(tenantId, (trx) =>
      trx('issued_documents').where({ tenant_id: tenantId, id: documentId }).first(DOCUMENT_COLUMNS),
    )) as IssuedDocumentRow | undefined;
    if (!row) throw documentErrors.notFound(tenantId, documentId);
    return toIssuedDocument(row);
  }

  async listForInquiry(tenantId: string, inquiryId: string): Promise<IssuedDocument[]> {
    assertTenantId(tenantId);
    if (!isUuid(inquiryId)) return [];
    const rows = (await this.#options.db.withTenant(tenantId, (trx) =>
      trx('issued_documents')
        .where({ tenant_id: tenantId, inquiry_id: inquiryId })
        .orderBy([{ column: 'issued_at' }, { column: 'serial' }])
        .select(DOCUMENT_COLUMNS),
    )) as IssuedDocumentRow[];
    return rows.map(toIssuedDocument);
  }

  async html(tenantId: string, documentId: string): Promise<string> {
    assertTenantId(tenantId);
    if (!isUuid(documentId)) throw documentErrors.notFound(tenantId, String(documentId));
    const row = (await this.#options.db.withTenant(tenantId, (trx) =>
      trx('issued_documents').where({ tenant_id: tenantId, id: documentId }).first('html'),
    )) as { html: string } | undefined;
    if (!row) throw documentErrors.notFound(tenantId, documentId);
    return row.html;
  }

  async verify(tenantId: string, code: string): Promise<DocumentVerification> {
    assertTenantId(tenantId);
    const canonical = normaliseVerificationCode(code);
    if (canonical === undefined) throw documentErrors.verificationNotFound(tenantId);
    const row = (await this.#options.db.withTenant(tenantId, (trx) =>
      trx('issued_documents')
        .where({ tenant_id: tenantId, code_hash: hashVerificationCode(canonical) })
        .first('kind', 'issued_at', 'holder_initials', 'revoked_at', 'revoke_reason'),
    )) as
      | {
          kind: string;
          issued_at: Date;
          holder_initials: string;
          revoked_at: Date | null;
          revoke_reason: string | null;
        }
      | undefined;
    if (!row) throw documentErrors.verificationNotFound(tenantId);
    const common = { documentType: row.kind, issuedAt: row.issued_at, holderInitials: row.holder_initials };
    return row.revoked_at
      ? {
          valid: false,
          status: 'revoked',
          ...common,
          revokedAt: row.revoked_at,
          reason: row.revoke_reason ?? '',
        }
      : { valid: true, status: 'valid', ...common };
  }

  async revoke(tenantId: string, documentId: string, reason: string, actor: string): Promise<IssuedDocument> {
    assertTenantId(tenantId);
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (text.length < 3 || text.length > REVOKE_REASON_MAX_LENGTH) {
      throw documentErrors.invalid(tenantId, 'revocation', [
        { field: '/reason', message: `must be a text of 3 to ${REVOKE_REASON_MAX_LENGTH} characters` },
      ]);
    }
    if (!isUuid(documentId)) throw documentErrors.notFound(tenantId, String(documentId));
    const revoked = await this.#options.db.withTenant(tenantId, async (trx) => {
      const row = (await trx('issued_documents')
        .where({ tenant_id: tenantId, id: documentId })
        .forUpdate()
        .first(DOCUMENT_COLUMNS)) as IssuedDocumentRow | undefined;
      if (!row) throw documentErrors.notFound(tenantId, documentId);
      if (row.revoked_at) throw documentErrors.alreadyRevoked(tenantId, documentId, row.revoked_at);
      const [updated] = (await trx('issued_documents')
        .where({ tenant_id: tenantId, id: documentId })
        .update({ revoked_at: trx.fn.now(), revoked_by: actor, revoke_reason: text })
        .returning(DOCUMENT_COLUMNS)) as IssuedDocumentRow[];
      await appendAudit(trx, tenantId, {
        actor,
        action: 'documents.revoke',
        subjectType: 'issued_document',
        subjectId: documentId,
        details: { serial: row.serial, inquiryId: row.inquiry_id, reason: text },
      });
      await writeOutboxEvents(trx, tenantId, [
        {
          type: 'document.revoked',
          inquiryId: row.inquiry_id,
          payload: { documentId, inquiryId: row.inquiry_id, serial: row.serial, reason: text },
        },
      ]);
      return toIssuedDocument(updated!);
    });
    this.#options.afterOutboxWrite?.();
    return revoked;
  }

  async branding(tenantId: string): Promise<DocumentBranding> {
    assertTenantId(tenantId);
    return this.#options.db.withTenant(tenantId, (trx) => readBranding(trx, tenantId));
  }

  async setBranding(
    tenantId: string,
    input: DocumentBrandingInput,
    actor: string,
  ): Promise<DocumentBranding> {
    assertTenantId(tenantId);
    return this.#options.db.withTenant(tenantId, async (trx) => {
      await writeBranding(trx, tenantId, input, actor);
      return readBranding(trx, tenantId);
    });
  }

  async templateOverride(tenantId: string, key: string, locale: Locale): Promise<TemplateOverride> {
    assertTenantId(tenantId);
    this.#checkKey(tenantId, key, locale, false);
    const found = await this.#options.db.withTenant(tenantId, (trx) =>
      readOverride(trx, tenantId, key, locale),
    );
    if (!found) throw documentErrors.templateOverrideNotFound(tenantId, key, locale);
    return found;
  }

  async setTemplateOverride(
    tenantId: string,
    key: string,
    locale: Locale,
    source: string,
    actor: string,
  ): Promise<TemplateOverride> {
    assertTenantId(tenantId);
    this.#checkKey(tenantId, key, locale, true);
    if (typeof source !== 'string' || source.trim().length === 0 || source.length > TEMPLATE_MAX_LENGTH) {
      throw documentErrors.invalid(tenantId, `template "${key}" (${locale})`, [
        { field: '/source', message: `must be a template of 1 to ${TEMPLATE_MAX_LENGTH} characters` },
      ]);
    }
    this.#renderer.check(key, locale, source, tenantId);
    return this.#options.db.withTenant(tenantId, (trx) =>
      writeOverride(trx, tenantId, key, locale, source, actor),
    );
  }

  async deleteTemplateOverride(tenantId: string, key: string, locale: Locale, actor: string): Promise<void> {
    assertTenantId(tenantId);
    this.#checkKey(tenantId, key, locale, false);
    const removed = await this.#options.db.withTenant(tenantId, (trx) =>
      deleteOverride(trx, tenantId, key, locale, actor),
    );
    if (!removed) throw documentErrors.templateOverrideNotFound(tenantId, key, locale);
  }

  async renderReceipt(tenantId: string, data: ReceiptData): Promise<string> {
    assertTenantId(tenantId);
    const problems = receiptProblems(data);
    if (problems.length > 0) throw documentErrors.invalid(tenantId, 'receipt', problems);
    const tenant = await this.#options.tenants.get(tenantId);
    const locale = data.locale !== undefined && isLocale(data.locale) ? data.locale : tenant.defaultLocale;
    const timeZone = await this.#timeZone(tenantId);
    return this.#options.db.withTenant(tenantId, async (trx) => {
      const overrides = await readOverrides(trx, tenantId, RECEIPT_TEMPLATE);
      const template = this.#renderer.resolve(RECEIPT_TEMPLATE, locale, overrides, tenantId);
      const tenantName = textIn(tenant.names, template.locale) || tenantId;
      return this.#renderer.renderPage(template, receiptContext(data, template.locale), {
        title: `${receiptTitle(template.locale)} ${data.receiptNumber}`,
        branding: await readBranding(trx, tenantId),
        tenantName,
        timeZone,
      });
    });
  }

  /** A key and locale a tenant may override: well-formed, and (to save) a template that exists. */
  #checkKey(tenantId: string, key: string, locale: Locale, mustExist: boolean): void {
    const errors: { field: string; message: string }[] = [];
    if (typeof key !== 'string' || !TEMPLATE_KEY_PATTERN.test(key)) {
      errors.push({ field: '/key', message: 'must be a template key like "core/certificate"' });
    } else if (mustExist && !templateExists(key, this.#options.contributions)) {
      errors.push({ field: '/key', message: `names no template of core or of a started plugin` });
    }
    if (!isLocale(locale))
      errors.push({ field: '/locale', message: 'must be one of uz-Latn, uz-Cyrl, ru, en' });
    if (errors.length > 0) throw documentErrors.invalid(tenantId, 'template override', errors);
  }

  async #timeZone(tenantId: string): Promise<string> {
    if (this.#options.timeZoneOf) return this.#options.timeZoneOf(tenantId);
    return (await this.#options.tenants.get(tenantId)).timeZone;
  }
}
