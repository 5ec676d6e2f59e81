import type { HostTransaction, TenantTransaction } from '../db/types.js';
import { TENANT_SETTING } from '../db/types.js';
import { currentContext } from '../context/request-context.js';

/** One administrative action to record in a tenant's audit log. */
export interface AuditEntryInput {
  /** Who acted: a user id, an API key id, `system` or `cli`. Defaults to the request's user. */
  actor?: string;
  /** What was done, as `<area>.<verb>`: `tenant.suspend`, `catalog.offer`. */
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
}

/** A recorded audit entry. */
export interface AuditRecord {
  id: string;
  at: Date;
  actor: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
}

interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: Record<string, unknown>;
  request_id: string | null;
}

/** Appends an entry to the tenant's audit log inside the caller's `withTenant` transaction. */
export async function appendAudit(
  trx: TenantTransaction,
  tenantId: string,
  entry: AuditEntryInput,
): Promise<void> {
  const context = currentContext();
  await trx('audit_log').insert({
    tenant_id: tenantId,
    actor: entry.actor ?? context?.userId ?? 'system',
    action: entry.action,
    subject_type: entry.subjectType ?? null,
    subject_id: entry.subjectId ?? null,
    details: JSON.stringify(entry.details ?? {}),
    request_id: context?.requestId ?? null,
  });
}

/**
 * Appends an entry to a tenant's audit log from a host-side transaction, so that the change and its
 * record commit together. The audit table's RLS is forced on the owner too, so the tenant is set
 * transaction-locally for the insert, exactly as `withTenant` does.
 */
export async function appendAuditFromHost(
  trx: HostTransaction,
  tenantId: string,
  entry: AuditEntryInput,
): Promise<void> {
  await trx.raw(`select set_config('${TENANT_SETTING}', ?, true)`, [tenantId]);
  await appendAudit(trx, tenantId, entry);
}

/** The tenant's most recent audit entries, newest first. */
export async function listAudit(
  trx: TenantTransaction,
  tenantId: string,
  options: { limit?: number; subjectType?: string; subjectId?: string } = {},
): Promise<AuditRecord[]> {
  const query = trx('audit_log')
    .where('tenant_id', tenantId)
    .orderBy([
      { column: 'at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(Math.min(Math.max(options.limit ?? 50, 1), 500));
  if (options.subjectType) query.andWhere('subject_type', options.subjectType);
  if (options.subjectId) query.andWhere('subject_id', options.subjectId);
  const rows: AuditRow[] = await query;
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    details: r.details,
    requestId: r.request_id,
  }));
}
