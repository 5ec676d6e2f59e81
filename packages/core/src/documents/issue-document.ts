import type { Database } from '../db/database.js';
import type { TenantTransaction } from '../db/types.js';
import { isLocale, type Locale } from '../i18n/locales.js';
import { violatedUnique } from '../identity/unique-violation.js';
import type { AgencyDirectory, ServiceRegistry } from '../registry/contracts.js';
import { isUuid } from '../staff/staff-rows.js';
import type { TenantRegistry } from '../tenancy/types.js';
import { trackingPrefix } from '../workflow/engine/tenant-workflow-context.js';
import type { Inquiry } from '../workflow/inquiry/types.js';
import { writeOutboxEvents } from '../workflow/outbox/write-outbox-events.js';
import { readBranding } from './branding-store.js';
import { certificateContext, holderInitials } from './certificate-context.js';
import type { DocumentRenderer } from './document-renderer.js';
import { documentErrors } from './documents.errors.js';
import {
  DOCUMENT_COLUMNS,
  formatSerial,
  toIssuedDocument,
  type IssuedDocumentRow,
} from './issued-document-rows.js';
import { qrCodeSvg, verifyUrl } from './qr-code.js';
import { readOverrides } from './template-override-store.js';
import { TEMPLATE_KEY_PATTERN, textIn } from './template-resolver.js';
import { CERTIFICATE_TEMPLATE } from './templates/certificate-template.js';
import type { IssueDocumentInput, IssueResult } from './types.js';
import { hashVerificationCode, newVerificationCode, normaliseVerificationCode } from './verification-code.js';

/** Largest `data` a document may be issued with, as JSON. */
export const DOCUMENT_DATA_MAX_BYTES = 64 * 1024;

/** What issuing reads besides the database. */
export interface IssueDependencies {
  db: Database;
  tenants: TenantRegistry;
  services: ServiceRegistry;
  agencies: AgencyDirectory;
  inquiries: { get(tenantId: string, inquiryId: string): Promise<Inquiry> };
  timeZoneOf(tenantId: string): Promise<string>;
  renderer: DocumentRenderer;
  publicUrl: string | undefined;
  clock: () => Date;
}

/**
 * Issues a document for an inquiry in one transaction: the next serial of the year (gap-free: the
 * counter row is incremented in the same transaction, so a failed issue takes its number back), a
 * new verification code (only its hash is stored), the page rendered with the tenant's branding and
 * template, the row, and a `document.issued` outbox event. With an `effectId`, a second call returns
 * the first document (a replayed workflow effect issues nothing new).
 */
export async function issueDocument(
  deps: IssueDependencies,
  tenantId: string,
  input: IssueDocumentInput,
): Promise<IssueResult> {
  checkInput(tenantId, input);
  if (input.effectId) {
    const earlier = await byEffect(deps.db, tenantId, input.effectId);
    if (earlier) return { document: earlier, created: false };
  }
  const inquiry = await deps.inquiries.get(tenantId, input.inquiryId);
  const service = await deps.services.get(inquiry.serviceCode, inquiry.serviceVersion);
  const agency = inquiry.agencyCode
    ? await deps.agencies.getAgency(tenantId, inquiry.agencyCode).catch(() => undefined)
    : undefined;
  const tenant = await deps.tenants.get(tenantId);
  const prefix = trackingPrefix(tenantId, await deps.tenants.effectiveSettings(tenantId));
  const timeZone = await deps.timeZoneOf(tenantId);
  const key = input.template ?? service.result?.template ?? CERTIFICATE_TEMPLATE;
  const requested: Locale = input.locale ?? inquiry.locale;
  const kind = service.result?.document ?? 'certificate';
  const code = newVerificationCode();
  const url = verifyUrl(deps.publicUrl, tenantId, code);
  const qrSvg = await qrCodeSvg(url);
  const issuedAt = deps.clock();
  const year = yearIn(issuedAt, timeZone);
  try {
    return await deps.db.withTenant(tenantId, async (trx) => {
      const template = deps.renderer.resolve(
        key,
        requested,
        await readOverrides(trx, tenantId, key),
        tenantId,
      );
      const branding = await readBranding(trx, tenantId);
      const serial = formatSerial(prefix, year, await nextSerial(trx, tenantId, year));
      const tenantName = textIn(tenant.names, template.locale) || tenantId;
      const context = certificateContext({
        tenant: { id: tenantId, name: tenantName },
        inquiry,
        service,
        agency,
        locale: template.locale,
        issuedAt,
        serial,
        kind,
        data: input.data ?? {},
      });
      const html = deps.renderer.renderPage(template, context, {
        title: `${context.service.name} — ${serial}`,
        branding,
        tenantName,
        timeZone,
        verification: { serial, code, url, qrSvg },
      });
      const [row] = (await trx('issued_documents')
        .insert({
          tenant_id: tenantId,
          inquiry_id: inquiry.id,
          kind,
          template_key: key,
          locale: template.locale,
          serial,
          code_hash: hashVerificationCode(normaliseVerificationCode(code)!),
          holder_initials: holderInitials(inquiry.applicant),
          data: JSON.stringify(context),
          html,
          issued_at: issuedAt,
          issued_by: input.actor,
          effect_id: input.effectId ?? null,
        })
        .returning(DOCUMENT_COLUMNS)) as IssuedDocumentRow[];
      const document = toIssuedDocument(row!);
      await writeOutboxEvents(trx, tenantId, [
        {
          type: 'document.issued',
          inquiryId: inquiry.id,
          payload: {
            documentId: document.id,
            inquiryId: inquiry.id,
            trackingNumber: inquiry.trackingNumber,
            serial,
            kind,
            templateKey: key,
            locale: template.locale,
          },
        },
      ]);
      return { document, verificationCode: code, created: true };
    });
  } catch (error) {
    // The same effect issued concurrently in another process: that one won, return it.
    if (input.effectId && violatedUnique(error) === 'issued_documents_effect_unique') {
      const earlier = await byEffect(deps.db, tenantId, input.effectId);
      if (earlier) return { document: earlier, created: false };
    }
    throw error;
  }
}

function checkInput(tenantId: string, input: IssueDocumentInput): void {
  const errors: { field: string; message: string }[] = [];
  if (!isUuid(input.inquiryId)) errors.push({ field: '/inquiryId', message: 'must be a uuid' });
  if (input.template !== undefined && !TEMPLATE_KEY_PATTERN.test(input.template)) {
    errors.push({ field: '/template', message: 'must be a template key like "core/certificate"' });
  }
  if (input.locale !== undefined && !isLocale(input.locale)) {
    errors.push({ field: '/locale', message: 'must be one of uz-Latn, uz-Cyrl, ru, en' });
  }
  if (input.effectId !== undefined && !isUuid(input.effectId)) {
    errors.push({ field: '/effectId', message: 'must be a uuid' });
  }
  if (input.data !== undefined) {
    const json =
      typeof input.data === 'object' && input.data !== null && !Array.isArray(input.data)
        ? jsonOf(input.data)
        : undefined;
    if (json === undefined) errors.push({ field: '/data', message: 'must be a JSON object' });
    else if (Buffer.byteLength(json) > DOCUMENT_DATA_MAX_BYTES) {
      errors.push({ field: '/data', message: `must be at most ${DOCUMENT_DATA_MAX_BYTES} bytes as JSON` });
    }
  }
  if (typeof input.actor !== 'string' || input.actor.length === 0) {
    errors.push({ field: '/actor', message: 'must name who issues the document' });
  }
  if (errors.length > 0) throw documentErrors.invalid(tenantId, 'document to issue', errors);
}

/** The JSON text of a value, or undefined when it has none (a cycle, a BigInt). */
function jsonOf(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** The next serial number of the year; increments the tenant's counter in the caller's transaction. */
async function nextSerial(trx: TenantTransaction, tenantId: string, year: number): Promise<number> {
  const result = await trx.raw<{ rows: { last_value: number }[] }>(
    `insert into document_serial_counters (tenant_id, year, last_value) values (?, ?, 1)
     on conflict (tenant_id, year) do update set last_value = document_serial_counters.last_value + 1
     returning last_value`,
    [tenantId, year],
  );
  return result.rows[0]!.last_value;
}

async function byEffect(db: Database, tenantId: string, effectId: string) {
  const row = (await db.withTenant(tenantId, (trx) =>
    trx('issued_documents').where({ tenant_id: tenantId, effect_id: effectId }).first(DOCUMENT_COLUMNS),
  )) as IssuedDocumentRow | undefined;
  return row ? toIssuedDocument(row) : undefined;
}

/** The calendar year of an instant in a time zone (a certificate issued on 31 December at 23:30 in Tashkent is of that year). */
export function yearIn(at: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(at));
}
