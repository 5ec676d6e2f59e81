import type { TenantTransaction } from '../db/types.js';
import type { FieldError } from '../errors/field-error.js';
import type { AuditRecord } from './audit-log.js';
import { auditQueryInvalid } from './audit.errors.js';

/** Most audit entries per page. */
export const AUDIT_PAGE_MAX_LIMIT = 200;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters and page of {@link pageAudit}; every given filter must hold. */
export interface AuditQuery {
  /** Entries of these actions (`staff.create`, `tenant.suspend` ...). */
  action?: string | readonly string[];
  /** Entries recorded by this actor (a staff id, `api-key:<id>`, `platform:<id>`, `system`). */
  actor?: string;
  subjectType?: string;
  subjectId?: string;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries before this instant. */
  to?: Date;
  /** Page size, 1 to {@link AUDIT_PAGE_MAX_LIMIT} (default 50). */
  limit?: number;
  /** The `nextAfter` of the previous page: the id of its last entry. */
  after?: string;
}

/** A page of audit entries, newest first, and where the next page starts (null on the last). */
export interface AuditPage {
  items: AuditRecord[];
  nextAfter: string | null;
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

/**
 * A tenant's audit log, newest first, one page at a time, inside the caller's `withTenant`
 * transaction. The cursor is the id of the last entry seen and pages resume after its `(at, id)`,
 * compared in SQL (`at` has microseconds a JS Date would lose): entries appended meanwhile never
 * shift a page. Throws `DARCHA_AUDIT_QUERY_INVALID` for a bad limit, instants out of order, or a
 * cursor that is not one of the tenant's entries.
 */
export async function pageAudit(
  trx: TenantTransaction,
  tenantId: string,
  query: AuditQuery = {},
): Promise<AuditPage> {
  const limit = query.limit ?? 50;
  const errors: FieldError[] = [];
  if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX_LIMIT) {
    errors.push({ field: '/limit', message: `must be a whole number from 1 to ${AUDIT_PAGE_MAX_LIMIT}` });
  }
  if (query.from && query.to && query.from.getTime() >= query.to.getTime()) {
    errors.push({ field: '/to', message: 'must be after from' });
  }
  if (query.after !== undefined && !UUID_PATTERN.test(query.after)) {
    errors.push({ field: '/after', message: 'must be the id of an audit entry (a UUID)' });
  }
  if (errors.length > 0) throw auditQueryInvalid(tenantId, errors);
  if (query.after !== undefined) {
    const cursor = await trx('audit_log').where({ tenant_id: tenantId, id: query.after }).first('id');
    if (!cursor) {
      throw auditQueryInvalid(tenantId, [{ field: '/after', message: 'is not an entry of this audit log' }]);
    }
  }
  const q = trx('audit_log')
    .where('tenant_id', tenantId)
    .orderBy([
      { column: 'at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit + 1);
  if (query.action !== undefined) q.whereIn('action', ([] as string[]).concat(query.action));
  if (query.actor !== undefined) q.where('actor', query.actor);
  if (query.subjectType !== undefined) q.where('subject_type', query.subjectType);
  if (query.subjectId !== undefined) q.where('subject_id', query.subjectId);
  if (query.from) q.where('at', '>=', query.from);
  if (query.to) q.where('at', '<', query.to);
  if (query.after !== undefined) {
    q.whereRaw('(at, id) < (select c.at, c.id from audit_log c where c.tenant_id = ? and c.id = ?)', [
      tenantId,
      query.after,
    ]);
  }
  const rows: AuditRow[] = await q;
  const items = rows.slice(0, limit).map(toRecord);
  return { items, nextAfter: rows.length > limit ? items[items.length - 1]!.id : null };
}

function toRecord(r: AuditRow): AuditRecord {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    details: r.details,
    requestId: r.request_id,
  };
}
