import type { Platform, TenantTransaction } from '@darcha/core';

/**
 * Whether a city already has its demo history: an audit entry `demo.history.seed` whose subject is
 * the history's period (`demo_history`, `2013-01-01..2013-12-31`), written in the same transaction
 * as the history itself, so it exists exactly when the history does. Finding it reads one row
 * through the audit log's `(tenant_id, subject_type, subject_id)` index.
 */
export const HISTORY_SUBJECT = 'demo_history';

/** The marker's subject id: the period. */
export function historySubject(from: string, to: string): string {
  return `${from}..${to}`;
}

/** Whether the marker exists, read in the caller's transaction. */
export async function markerIn(trx: TenantTransaction, tenantId: string, subject: string): Promise<boolean> {
  const row = await trx('audit_log')
    .where({ tenant_id: tenantId, subject_type: HISTORY_SUBJECT, subject_id: subject })
    .first('id');
  return row !== undefined;
}

/** Whether the city has the history of that period. */
export function hasHistory(platform: Platform, tenantId: string, from: string, to: string): Promise<boolean> {
  return platform.db.withTenant(tenantId, (trx) => markerIn(trx, tenantId, historySubject(from, to)));
}
