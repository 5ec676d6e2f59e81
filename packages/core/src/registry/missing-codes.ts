import type { TenantTransaction } from '../db/types.js';

/**
 * Of `codes`, those the tenant has no agency (or desk) for, in the given order. The rows found are
 * locked `FOR SHARE`, so they cannot disappear before the caller's transaction commits.
 */
export async function missingCodes(
  trx: TenantTransaction,
  table: 'agencies' | 'desks',
  tenantId: string,
  codes: readonly string[],
): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = new Set(
    (
      await trx(table)
        .where('tenant_id', tenantId)
        .whereIn('code', [...codes])
        .forShare()
        .pluck('code')
    ).map(String),
  );
  return codes.filter((code) => !found.has(code));
}
