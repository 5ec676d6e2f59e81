import { AsyncLocalStorage } from 'node:async_hooks';
import { DarchaError } from '../errors/darcha-error.js';

/**
 * The transaction the current async call chain is inside: its kind, its tenant, and whether it is
 * open (begun and not yet ending). Its handle's statements are admitted only while it is open
 * (session-transaction.ts).
 */
export interface TransactionScope {
  readonly kind: 'tenant' | 'host';
  readonly tenantId?: string;
  open: boolean;
}

const scope = new AsyncLocalStorage<TransactionScope>();

/**
 * Runs `work` marked as inside a database transaction. Opening another transaction from inside one
 * would wait for a second connection (forever on PGlite, which has one) and would not see the
 * first one's writes, so it is refused with `DARCHA_DB_NESTED_TRANSACTION`.
 */
export function runInTransactionScope<T>(
  kind: 'tenant' | 'host',
  tenantId: string | undefined,
  work: (scope: TransactionScope) => Promise<T>,
): Promise<T> {
  const outer = scope.getStore();
  if (outer) {
    const where = outer.kind === 'tenant' ? `withTenant("${outer.tenantId}")` : 'withHost()';
    throw new DarchaError({
      code: 'DARCHA_DB_NESTED_TRANSACTION',
      kind: 'internal',
      message: `A ${kind === 'tenant' ? `withTenant("${tenantId}")` : 'withHost()'} call was made inside ${where}.`,
      hint: 'Pass the open transaction (trx) down to the code that needs it instead of opening another one.',
      details: { outer: outer.kind, inner: kind },
    });
  }
  const store: TransactionScope =
    tenantId === undefined ? { kind, open: false } : { kind, tenantId, open: false };
  return scope.run(store, () => work(store));
}
