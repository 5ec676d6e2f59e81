import { appendAudit } from '../audit/audit-log.js';
import type { TenantTransaction } from '../db/types.js';
import type { FieldError } from '../errors/field-error.js';
import { isLocale, type Locale, type LocalizedText } from '../i18n/locales.js';
import { documentErrors } from './documents.errors.js';
import type { DocumentBranding, DocumentBrandingInput } from './types.js';

/** Largest logo, decoded. */
export const LOGO_MAX_BYTES = 256 * 1024;
export const HEADER_MAX_LINES = 5;
export const TEXT_MAX_LENGTH = 200;

const LOGO_PATTERN = /^data:(image\/png|image\/jpeg|image\/svg\+xml);base64,([A-Za-z0-9+/]+={0,2})$/;

interface BrandingRow {
  logo: string | null;
  header: Partial<Record<Locale, string[]>>;
  signatory: { name?: LocalizedText; position?: LocalizedText };
  updated_at: Date;
  updated_by: string;
}

/** The tenant's branding; an unbranded tenant gets empty branding (its name is printed as header). */
export async function readBranding(trx: TenantTransaction, tenantId: string): Promise<DocumentBranding> {
  const row = (await trx('document_branding').where({ tenant_id: tenantId }).first()) as
    BrandingRow | undefined;
  return {
    logo: row?.logo ?? null,
    header: row?.header ?? {},
    signatory: { name: row?.signatory.name ?? {}, position: row?.signatory.position ?? {} },
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}

/** Replaces the tenant's branding after checking it; audited as `documents.branding.set`. */
export async function writeBranding(
  trx: TenantTransaction,
  tenantId: string,
  input: DocumentBrandingInput,
  actor: string,
): Promise<void> {
  const errors = brandingProblems(input);
  if (errors.length > 0) throw documentErrors.invalid(tenantId, 'document branding', errors);
  const row = {
    tenant_id: tenantId,
    logo: input.logo ?? null,
    header: JSON.stringify(input.header ?? {}),
    signatory: JSON.stringify({
      name: input.signatory?.name ?? {},
      position: input.signatory?.position ?? {},
    }),
    updated_by: actor,
    updated_at: trx.fn.now(),
  };
  await trx('document_branding').insert(row).onConflict('tenant_id').merge();
  await appendAudit(trx, tenantId, {
    actor,
    action: 'documents.branding.set',
    subjectType: 'document_branding',
    subjectId: tenantId,
    details: {
      logo: input.logo
        ? `${input.logo.slice(0, input.logo.indexOf(','))} (${input.logo.length} chars)`
        : null,
      header: input.header ?? {},
      signatory: input.signatory ?? {},
    },
  });
}

/** Every problem of a branding input, by field. */
export function brandingProblems(input: DocumentBrandingInput): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof input !== 'object' || input === null) return [{ field: '/', message: 'must be an object' }];
  if (input.logo !== undefined && input.logo !== null) {
    const problem = logoProblem(input.logo);
    if (problem) errors.push({ field: '/logo', message: problem });
  }
  const header = input.header ?? {};
  for (const [locale, lines] of Object.entries(header)) {
    if (!isLocale(locale)) {
      errors.push({ field: `/header/${locale}`, message: 'is not a locale (uz-Latn, uz-Cyrl, ru, en)' });
    } else if (!Array.isArray(lines) || lines.length > HEADER_MAX_LINES) {
      errors.push({
        field: `/header/${locale}`,
        message: `must be a list of at most ${HEADER_MAX_LINES} lines`,
      });
    } else {
      lines.forEach((line, i) => {
        const problem = textProblem(line);
        if (problem) errors.push({ field: `/header/${locale}/${i}`, message: problem });
      });
    }
  }
  for (const part of ['name', 'position'] as const) {
    for (const [locale, text] of Object.entries(input.signatory?.[part] ?? {})) {
      const problem = isLocale(locale) ? textProblem(text) : 'is not a locale (uz-Latn, uz-Cyrl, ru, en)';
      if (problem) errors.push({ field: `/signatory/${part}/${locale}`, message: problem });
    }
  }
  return errors;
}

function textProblem(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.trim().length === 0 || text.length > TEXT_MAX_LENGTH) {
    return `must be a text of 1 to ${TEXT_MAX_LENGTH} characters`;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(text)) return 'must be one line without control characters';
  return undefined;
}

/** Why a logo cannot be used, or undefined: a base64 `data:` URI of a PNG, JPEG or SVG image. */
function logoProblem(logo: unknown): string | undefined {
  const match = typeof logo === 'string' ? LOGO_PATTERN.exec(logo) : null;
  if (!match) return 'must be a data URI: data:image/png;base64,... (PNG, JPEG or SVG)';
  const bytes = Buffer.from(match[2]!, 'base64');
  if (bytes.length > LOGO_MAX_BYTES)
    return `must be at most ${LOGO_MAX_BYTES / 1024} KiB (it is ${Math.ceil(bytes.length / 1024)} KiB)`;
  const head = bytes.subarray(0, 512).toString('latin1');
  const looksRight =
    (match[1] === 'image/png' && head.startsWith('\x89PNG\r\n\x1a\n')) ||
    (match[1] === 'image/jpeg' && head.startsWith('\xff\xd8\xff')) ||
    (match[1] === 'image/svg+xml' &&
      /^(\ufeff)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(
        bytes.toString('utf8').slice(0, 2048),
      ));
  return looksRight ? undefined : `the bytes are not a ${match[1]} image`;
}
