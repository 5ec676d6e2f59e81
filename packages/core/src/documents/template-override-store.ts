import { appendAudit } from '../audit/audit-log.js';
import type { TenantTransaction } from '../db/types.js';
import type { Locale } from '../i18n/locales.js';
import { overrideKey } from './template-resolver.js';
import type { TemplateOverride } from './types.js';

/** Largest template source a tenant may save, in characters. */
export const TEMPLATE_MAX_LENGTH = 100_000;

interface OverrideRow {
  key: string;
  locale: Locale;
  source: string;
  updated_at: Date;
  updated_by: string;
}

const toOverride = (row: OverrideRow): TemplateOverride => ({
  key: row.key,
  locale: row.locale,
  source: row.source,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

/** All the tenant's overrides of one key, by {@link overrideKey}. */
export async function readOverrides(
  trx: TenantTransaction,
  tenantId: string,
  key: string,
): Promise<Map<string, string>> {
  const rows = (await trx('document_templates')
    .where({ tenant_id: tenantId, key })
    .select('key', 'locale', 'source')) as OverrideRow[];
  return new Map(rows.map((row) => [overrideKey(row.key, row.locale), row.source]));
}

/** One override, or undefined. */
export async function readOverride(
  trx: TenantTransaction,
  tenantId: string,
  key: string,
  locale: Locale,
): Promise<TemplateOverride | undefined> {
  const row = (await trx('document_templates').where({ tenant_id: tenantId, key, locale }).first()) as
    OverrideRow | undefined;
  return row ? toOverride(row) : undefined;
}

/** Saves an override (already checked); audited as `documents.template.set`. */
export async function writeOverride(
  trx: TenantTransaction,
  tenantId: string,
  key: string,
  locale: Locale,
  source: string,
  actor: string,
): Promise<TemplateOverride> {
  const [row] = (await trx('document_templates')
    .insert({ tenant_id: tenantId, key, locale, source, updated_by: actor, updated_at: trx.fn.now() })
    .onConflict(['tenant_id', 'key', 'locale'])
    .merge()
    .returning('*')) as OverrideRow[];
  await appendAudit(trx, tenantId, {
    actor,
    action: 'documents.template.set',
    subjectType: 'document_template',
    subjectId: `${key}:${locale}`,
    details: { key, locale, length: source.length },
  });
  return toOverride(row!);
}

/** Deletes an override; false when there was none. Audited as `documents.template.delete`. */
export async function deleteOverride(
  trx: TenantTransaction,
  tenantId: string,
  key: string,
  locale: Locale,
  actor: string,
): Promise<boolean> {
  const removed = await trx('document_templates').where({ tenant_id: tenantId, key, locale }).delete();
  if (removed === 0) return false;
  await appendAudit(trx, tenantId, {
    actor,
    action: 'documents.template.delete',
    subjectType: 'document_template',
    subjectId: `${key}:${locale}`,
    details: { key, locale },
  });
  return true;
}
