import { createRequire } from 'node:module';
import type { Knex } from 'knex';
import { DarchaError, isDarchaError } from '../errors/darcha-error.js';
import {
  beginSession,
  commitSession,
  openingFailure,
  rollbackSession,
  type SessionSettings,
} from './session-client.js';
import type { TransactionScope } from './transaction-scope.js';

const require = createRequire(import.meta.url);
/** knex's factory of a knex function over a client: what knex itself builds for each transaction. */
const makeKnex = require('knex/lib/knex-builder/make-knex.js') as (client: Knex.Client) => Knex;

/** How long a ROLLBACK may take before its connection is given up (knex's own limit). */
const ROLLBACK_TIMEOUT_MS = 5_000;

/** A transaction, or a savepoint inside one: statements are admitted while it and its parents are open. */
interface Lease {
  open: boolean;
  parent?: Lease;
}

function isOpen(lease: Lease): boolean {
  for (let l: Lease | undefined = lease; l; l = l.parent) if (!l.open) return false;
  return true;
}

/**
 * What the transaction handles of one knex instance share, made once: the prototype of their clients,
 * a knex function they inherit from, and its context. knex builds a whole knex function and client
 * for each transaction (a closure for every query method, listeners on the client), which costs more
 * CPU than the round trips it serves; a handle here is four small objects ({@link handleFor}).
 */
interface Shared {
  clientPrototype: Knex.Client;
  handlePrototype: Knex;
  context: KnexContext;
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
    const failed = await openingFailure(connection);
    if (failed !== undefined) {
      await rollback(client, connection);
      throw failed;
    }
    await commitSession(client, connection);
    return result;
  } finally {
    scope.open = false;
    await client.releaseConnection(connection);
  }
}

/**
 * Rolls back after the work failed; the caller then throws the work's error. If the ROLLBACK fails
 * or gets no answer within 5 s, the connection is marked so that the pool closes it instead of
 * handing it out again (with a transaction perhaps still open), and the work's error still stands, as
 * with knex. Only a FINAL statement's outcome (session-client.ts) replaces it.
 */
async function rollback(client: Knex.Client, connection: object): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), ROLLBACK_TIMEOUT_MS);
  });
  const rolledBack = rollbackSession(client, connection).then(() => 'done' as const);
  rolledBack.catch(() => undefined); // still settles after a hang; nothing waits for it then
  try {
    if ((await Promise.race([rolledBack, hung])) === 'hung') dispose(connection, 'ROLLBACK got no answer');
  } catch (error) {
    if (isDarchaError(error, 'DARCHA_DB_FINAL_NOT_SENT')) throw error;
    dispose(connection, error);
  } finally {
    clearTimeout(timer);
  }
}

/** Marks a connection for knex's pool to close rather than hand out again. */
function dispose(connection: object, reason: unknown): void {
  (connection as { __knex__disposed?: unknown }).__knex__disposed = reason;
}

/** A knex client of one transaction: its connection, and whether the transaction is open. */
interface TransactionClient extends Knex.Client {
  connection: object;
  lease: Lease;
}

/** The context behind a knex function: what its methods forward to. */
interface KnexContext {
  client: TransactionClient;
  queryBuilder(): Knex.QueryBuilder;
  transaction: unknown;
  /** The handle's last savepoint, once it has opened one: the next waits for it. */
  savepoints?: Promise<unknown>;
}

/**
 * The handle `work` receives: a knex function whose statements run on `connection` while `lease` is
 * open, and are refused (`DARCHA_DB_TRANSACTION_ENDED`) after it, even when the connection has gone
 * on to another transaction, perhaps another tenant's. Like knex's own transaction handle, but its
 * methods come from a prototype shared by all handles, so V8 sees one shape of each object.
 */
function handleFor(root: Knex.Client, connection: object, lease: Lease): Knex.Transaction {
  let made = shared.get(root);
  if (!made) {
    made = makeShared(root);
    shared.set(root, made);
  }
  const client = Object.create(made.clientPrototype) as TransactionClient;
  client.connection = connection;
  client.lease = lease;
  const context = Object.create(made.context) as KnexContext;
  context.client = client;
  const handle = ((table?: unknown, options?: unknown) =>
    builderOf(context, table, options)) as unknown as Knex.Transaction;
  Object.setPrototypeOf(handle, made.handlePrototype);
  (handle as unknown as { context: KnexContext }).context = context;
  return handle;
}

/** knex's `knex(table, options)`, built as knex's own function builds it. */
function builderOf(context: KnexContext, table: unknown, options: unknown): Knex.QueryBuilder {
  const builder = context.queryBuilder();
  if (table === undefined) return builder;
  return (builder.table as (table: unknown, options: unknown) => Knex.QueryBuilder)(table, options);
}

type Send = (this: Knex.Client, connection: unknown, ...rest: unknown[]) => Promise<unknown>;

function makeShared(root: Knex.Client): Shared {
  // As knex's makeTxClient: a client that always uses its transaction's connection, checks each
  // statement against the transaction (as knex's does) and never releases the connection; the rest
  // is the root client's, and so are its events.
  const rootPrototype = Object.getPrototypeOf(root) as Record<'query' | 'stream', Send>;
  const forwarded = ['version', 'config', 'driver', 'connectionSettings', 'valueForUndefined', 'logger'];
  const clientPrototype = Object.create(rootPrototype) as Knex.Client;
  for (const name of forwarded) {
    Object.defineProperty(clientPrototype, name, {
      get: () => (root as unknown as Record<string, unknown>)[name],
    });
  }
  const admitted = (client: TransactionClient, connection: unknown) =>
    connection === client.connection && isOpen(client.lease);
  Object.assign(clientPrototype, {
    transacting: true,
    acquireConnection(this: TransactionClient) {
      if (!isOpen(this.lease)) return Promise.reject(transactionErrors.ended());
      return Promise.resolve(this.connection);
    },
    releaseConnection: () => Promise.resolve(),
    query(this: TransactionClient, connection: unknown, ...rest: unknown[]) {
      if (!admitted(this, connection)) return Promise.reject(transactionErrors.ended());
      return rootPrototype.query.call(this, connection, ...rest);
    },
    stream(this: TransactionClient, connection: unknown, ...rest: unknown[]) {
      if (!admitted(this, connection)) return Promise.reject(transactionErrors.ended());
      return rootPrototype.stream.call(this, connection, ...rest);
    },
    emit: (event: string, ...args: unknown[]) => root.emit(event, ...args),
  });
  // knex hangs listeners on the client it is given; a client of its own keeps them off the others.
  const handlePrototype = makeKnex(Object.create(clientPrototype) as Knex.Client);
  const refuse = (error: () => DarchaError) => () => {
    throw error();
  };
  Object.assign(handlePrototype, {
    isTransaction: true,
    commit: refuse(transactionErrors.managed),
    rollback: refuse(transactionErrors.managed),
    isCompleted(this: Knex.Transaction) {
      return !isOpen((this.client as TransactionClient).lease);
    },
    savepoint(this: Knex.Transaction, container: (trx: Knex.Transaction) => Promise<unknown>) {
      return this.transaction(container);
    },
    // The handles share one listener store; a listener would see every handle's events or none.
    on: refuse(transactionErrors.events),
    once: refuse(transactionErrors.events),
    addListener: refuse(transactionErrors.events),
    prependListener: refuse(transactionErrors.events),
    prependOnceListener: refuse(transactionErrors.events),
  });
  const context = (handlePrototype as unknown as { context: KnexContext }).context;
  // `trx.transaction(work)` (knex's function forwards it to the context): a savepoint, one after
  // another as knex runs them.
  context.transaction = function (this: KnexContext, container: unknown) {
    if (typeof container !== 'function') throw transactionErrors.managed();
    const { connection, lease } = this.client;
    const run = (this.savepoints ?? Promise.resolve()).then(() =>
      inSavepoint(root, connection, lease, container as (trx: Knex.Transaction) => unknown),
    );
    this.savepoints = run.catch(() => undefined);
    return run;
  };
  return { clientPrototype, handlePrototype, context };
}

let savepoints = 0;

/**
 * `trx.transaction(work)` inside a transaction: `work` runs in a savepoint on the same connection,
 * with a handle of its own that ends with it; released when `work` resolves and rolled back to when
 * it throws (the rest of the transaction stays).
 */
async function inSavepoint<R>(
  root: Knex.Client,
  connection: object,
  parent: Lease,
  container: (trx: Knex.Transaction) => R,
): Promise<Awaited<R>> {
  const lease: Lease = { open: true, parent };
  const trx = handleFor(root, connection, lease);
  const name = `darcha_savepoint_${++savepoints}`;
  try {
    await trx.raw(`savepoint ${name}`);
    let result: Awaited<R>;
    try {
      result = await container(trx);
    } catch (error) {
      await trx.raw(`rollback to savepoint ${name}`);
      throw error;
    }
    await trx.raw(`release savepoint ${name}`);
    return result;
  } finally {
    lease.open = false;
  }
}

const transactionErrors = {
  ended: () =>
    new DarchaError({
      code: 'DARCHA_DB_TRANSACTION_ENDED',
      kind: 'internal',
      message:
        'A statement was sent through a transaction handle after its transaction (or savepoint) had ended; it was not run.',
      hint: 'Await every statement inside the withTenant/withHost callback, and do not keep the trx for later.',
    }),
  managed: () =>
    new DarchaError({
      code: 'DARCHA_DB_TRANSACTION_MANAGED',
      kind: 'internal',
      message:
        'A transaction opened by withTenant or withHost was asked to commit, roll back or open a transaction object by hand.',
      hint: 'Return from the callback to commit, or throw to roll back; trx.transaction(async (inner) => ...) runs work in a savepoint.',
    }),
  events: () =>
    new DarchaError({
      code: 'DARCHA_DB_TRANSACTION_EVENTS',
      kind: 'internal',
      message:
        'A listener was added to a transaction handle; transaction handles carry no events of their own.',
      hint: "The statements' events (query, query-error, query-response) go to the knex instance the database runs on.",
    }),
};
