import { createRequire } from 'node:module';
import type { Knex } from 'knex';
import { DarchaError, isDarchaError } from '../errors/darcha-error.js';
import { beginSession, commitSession, rollbackSession, type SessionSettings } from './session-client.js';
import type { TransactionScope } from './transaction-scope.js';

const require = createRequire(import.meta.url);
/** knex's factory of a knex function over a client: what knex itself builds for each transaction. */
const makeKnex = require('knex/lib/knex-builder/make-knex.js') as (client: Knex.Client) => Knex;

/** How long a ROLLBACK may take before the connection is given up (knex's own limit). */
const ROLLBACK_TIMEOUT_MS = 5_000;

/**
 * What the transaction handles of one knex instance share, made once: the prototype of their clients
 * and a knex function they inherit from. knex builds a whole knex function and client for each
 * transaction (a closure for every query method, listeners on the client), which costs more CPU than
 * the round trips it serves; a handle here is four small objects ({@link handleFor}).
 */
interface Shared {
  clientPrototype: Knex.Client;
  handlePrototype: Knex;
}

const shared = new WeakMap<Knex.Client, Shared>();

/**
 * Runs `work` in one transaction on a pooled connection, opened with `session` set
 * transaction-locally; commits when `work` resolves, rolls back when it throws. `scope` is the
 * caller's transaction scope (`runInTransactionScope`): the handle's statements are admitted while
 * it is open.
 */
export async function runSessionTransaction<T>(
  knex: Knex,
  session: SessionSettings,
  scope: TransactionScope,
  work: (trx: Knex.Transaction) => Promise<T>,
): Promise<T> {
  const client = knex.client;
  const connection = (await client.acquireConnection()) as object;
  try {
    await beginSession(client, connection, session);
    scope.open = true;
    let result: T;
    try {
      result = await work(handleFor(client, connection, scope));
    } catch (error) {
      scope.open = false;
      await rollback(client, connection);
      throw error;
    }
    scope.open = false;
    await commitSession(client, connection);
    return result;
  } finally {
    scope.open = false;
    await client.releaseConnection(connection);
  }
}

/**
 * Rolls back. If that fails or hangs, the ROLLBACK's own error is thrown, as knex does; unless it is
 * a FINAL statement's outcome (session-client.ts), the connection is marked so that the pool closes
 * it rather than hand it out with a transaction perhaps still open.
 */
async function rollback(client: Knex.Client, connection: object): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(transactionErrors.rollbackTimedOut()), ROLLBACK_TIMEOUT_MS);
  });
  try {
    await Promise.race([rollbackSession(client, connection), timeout]);
  } catch (error) {
    // A FINAL statement's outcome leaves the connection clean; anything else may not have.
    if (!isDarchaError(error) || isDarchaError(error, 'DARCHA_DB_ROLLBACK_TIMEOUT')) {
      (connection as { __knex__disposed?: unknown }).__knex__disposed = error;
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** A knex client of one transaction: its connection, and whether the transaction is open. */
interface TransactionClient extends Knex.Client {
  connection: object;
  lease: TransactionScope;
}

/** The context behind a knex function: what its methods forward to. */
interface KnexContext {
  client: Knex.Client;
  queryBuilder(): Knex.QueryBuilder;
  transaction: unknown;
}

/**
 * The handle `work` receives: a knex function whose statements run on `connection` while `lease` is
 * open, and are refused (`DARCHA_DB_TRANSACTION_ENDED`) after it, even when the connection has gone
 * on to another transaction, perhaps another tenant's. Like knex's own transaction handle, but its
 * methods come from a prototype shared by all handles, so V8 sees one shape of each object.
 */
function handleFor(root: Knex.Client, connection: object, lease: TransactionScope): Knex.Transaction {
  let made = shared.get(root);
  if (!made) {
    made = makeShared(root);
    shared.set(root, made);
  }
  const client = Object.create(made.clientPrototype) as TransactionClient;
  client.connection = connection;
  client.lease = lease;
  const context = Object.create(
    (made.handlePrototype as unknown as { context: KnexContext }).context,
  ) as KnexContext;
  context.client = client;
  const handle = ((table?: unknown, options?: unknown) =>
    builderOf(context, table, options)) as unknown as Knex.Transaction;
  Object.setPrototypeOf(handle, made.handlePrototype);
  (handle as unknown as { context: KnexContext }).context = context;
  // knex's function forwards `transaction` to its context, as knex's own transactions do.
  context.transaction = <R>(container: (trx: Knex.Transaction) => Promise<R>) =>
    inSavepoint(handle, container);
  return handle;
}

/** knex's `knex(table, options)`, built as knex's own function builds it. */
function builderOf(context: KnexContext, table: unknown, options: unknown): Knex.QueryBuilder {
  const builder = context.queryBuilder();
  if (table === undefined) return builder;
  return (builder.table as (table: unknown, options: unknown) => Knex.QueryBuilder)(table, options);
}

function makeShared(root: Knex.Client): Shared {
  // As knex's makeTxClient: a client that always uses its transaction's connection and never
  // releases it; the rest is the root client's.
  const forwarded = ['version', 'config', 'driver', 'connectionSettings', 'valueForUndefined', 'logger'];
  const clientPrototype = Object.create(Object.getPrototypeOf(root) as object) as Knex.Client;
  for (const name of forwarded) {
    Object.defineProperty(clientPrototype, name, {
      get: () => (root as unknown as Record<string, unknown>)[name],
    });
  }
  Object.assign(clientPrototype, {
    transacting: true,
    acquireConnection(this: TransactionClient) {
      if (!this.lease.open) return Promise.reject(transactionErrors.ended());
      return Promise.resolve(this.connection);
    },
    releaseConnection: () => Promise.resolve(),
  });
  // knex hangs listeners on the client it is given; a client of its own keeps them off the others.
  const handlePrototype = makeKnex(Object.create(clientPrototype) as Knex.Client);
  const managed = () => Promise.reject(transactionErrors.managed());
  Object.assign(handlePrototype, {
    isTransaction: true,
    commit: managed,
    rollback: managed,
    isCompleted(this: Knex.Transaction) {
      return !(this.client as TransactionClient).lease.open;
    },
    savepoint(this: Knex.Transaction, container: (trx: Knex.Transaction) => Promise<unknown>) {
      return this.transaction(container);
    },
  });
  return { clientPrototype, handlePrototype };
}

let savepoints = 0;

/**
 * `trx.transaction(work)` inside a transaction: `work` runs in a savepoint on the same connection,
 * released when it resolves and rolled back to when it throws (the rest of the transaction stays).
 */
async function inSavepoint<R>(
  trx: Knex.Transaction,
  container: (trx: Knex.Transaction) => Promise<R>,
): Promise<R> {
  const name = `darcha_savepoint_${++savepoints}`;
  await trx.raw(`savepoint ${name}`);
  let result: R;
  try {
    result = await container(trx);
  } catch (error) {
    await trx.raw(`rollback to savepoint ${name}`);
    throw error;
  }
  await trx.raw(`release savepoint ${name}`);
  return result;
}

const transactionErrors = {
  ended: () =>
    new DarchaError({
      code: 'DARCHA_DB_TRANSACTION_ENDED',
      kind: 'internal',
      message:
        'A statement was sent through a transaction handle after its transaction had ended; it was not run.',
      hint: 'Await every statement inside the withTenant/withHost callback, and do not keep the trx for later.',
    }),
  managed: () =>
    new DarchaError({
      code: 'DARCHA_DB_TRANSACTION_MANAGED',
      kind: 'internal',
      message: 'A transaction opened by withTenant or withHost was asked to commit or roll back by hand.',
      hint: 'Return from the callback to commit, or throw to roll back.',
    }),
  rollbackTimedOut: () =>
    new DarchaError({
      code: 'DARCHA_DB_ROLLBACK_TIMEOUT',
      kind: 'unavailable',
      message: `A ROLLBACK got no answer within ${ROLLBACK_TIMEOUT_MS / 1000} s; its connection is closed.`,
      hint: 'Check that the database is reachable; the request can be retried.',
    }),
};
