import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import type { Knex } from 'knex';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import { DarchaError } from '../errors/darcha-error.js';

const require = createRequire(import.meta.url);

/** What knex hands its dialect's `_query`. */
interface QueryObject {
  sql: string;
  options?: Record<string, unknown>;
  response?: unknown;
}

/** knex's own PostgreSQL dialect, which this module extends. */
const PgClient = require('knex/lib/dialects/postgres/index.js') as typeof Knex.Client;
type QueryFunction = (this: Knex.Client, connection: unknown, obj: QueryObject) => Promise<unknown>;
/** The dialect's internal method that sends a compiled statement to node-postgres. */
const sendQuery = (PgClient.prototype as unknown as { _query: QueryFunction })._query;

/**
 * Query options (`builder.options(PREPARED)`) that make node-postgres keep the statement prepared on
 * its connection, named after its text: PostgreSQL then parses it once per connection and can reuse
 * its plan. Meant for the statements every request sends, whose text takes few shapes; statements
 * of unbounded variety (lists of any length) would pile up on the server and should not use it.
 */
export const PREPARED = Object.freeze({ darchaPrepared: true });

/**
 * Query options (`builder.options(FINAL)`) for the last statement of a transaction: on a pipelined
 * connection (PostgreSQL), `COMMIT` is written right behind it, without waiting for its answer, and
 * the transaction's own commit then takes that `COMMIT`'s answer. A row lock the statement takes
 * (the tracking-number counter of a filing) is then held for PostgreSQL's own time only, not for a
 * round trip through Node as well. The work must not send anything after it: another statement on
 * the transaction is refused with `DARCHA_DB_AFTER_FINAL_STATEMENT`. If the statement fails, the
 * `COMMIT` behind it is answered as a rollback. Without pipelining (PGlite) the option does nothing.
 */
export const FINAL = Object.freeze({ darchaFinal: true });

/** Statement names by text (a name is the text's SHA-1, so a text always gets the same one). */
const names = new Map<string, string>();
/**
 * Part of every name; a new round of names when PostgreSQL refuses a prepared statement because a
 * table it reads changed shape (a migration run by a newer server): statements are then prepared
 * again under new names, on every connection, instead of failing until the connection closes.
 */
let round = 0;

function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `darcha_${round}_${createHash('sha1').update(sql).digest('hex')}`;
    if (names.size >= 1_000) names.clear();
    names.set(sql, name);
  }
  return name;
}

/** PostgreSQL's "cached plan must not change result type". */
function planShapeChanged(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '0A000' && /cached plan/i.test(String(error));
}

/** Session settings a transaction starts with, set transaction-locally (`set_config(name, value, true)`). */
export type SessionSettings = Readonly<Record<string, string>>;

/**
 * The session settings and `BEGIN` as one simple-protocol message, so a transaction costs one round
 * trip less than `BEGIN` followed by `select set_config(...)`. The settings come first: a `BEGIN` later
 * in the same message takes the statements before it into its transaction (PostgreSQL's rule for
 * several statements in one query), and if a setting fails (a role that does not exist), the message
 * stops before `BEGIN` and the connection goes back to the pool with no transaction left open. The
 * values are quoted with node-postgres' `escapeLiteral`; the names are the caller's constants.
 */
export function beginWithSettings(session: SessionSettings): string {
  return `${settingsSelect(session)}; BEGIN`;
}

/**
 * `BEGIN` and then the settings: the opening on a pipelined connection, where the transaction's
 * first statement is written before this message is answered. `BEGIN` must come first there: a
 * failing setting then aborts the transaction, so the statements behind it fail too (with the
 * setting's error, see `openings`) and nothing runs outside the transaction or its settings.
 */
export function beginThenSettings(session: SessionSettings): string {
  return `BEGIN; ${settingsSelect(session)}`;
}

function settingsSelect(session: SessionSettings): string {
  const settings = Object.entries(session).map(
    ([name, value]) => `set_config(${pg.escapeLiteral(name)}, ${pg.escapeLiteral(value)}, true)`,
  );
  return `select ${settings.join(', ')}`;
}

/**
 * Whether node-postgres writes this connection's statements without waiting for the answers of
 * those before (its `pipeline` mode, on for PostgreSQL).
 */
function pipelined(connection: unknown): boolean {
  return (connection as { pipeline?: unknown } | null)?.pipeline === true;
}

/** Connections inside a transaction that began with session settings (where FINAL applies). */
const inSession = new WeakSet<object>();
/**
 * The `COMMIT` written behind a connection's FINAL statement, until the transaction takes it, and
 * whether the statement itself failed.
 */
const commits = new WeakMap<object, { commit: Promise<unknown>; failed: Promise<boolean> }>();

/**
 * The opening of a pipelined connection's open transaction, resolved with its error (or undefined):
 * a statement that fails behind a failed opening reports the opening's error (the cause) rather than
 * PostgreSQL's "current transaction is aborted".
 */
const openings = new WeakMap<object, Promise<unknown>>();

/**
 * Holds a pipelined connection's writes (`cork`) until the returned release is called (once; later
 * calls do nothing): statements sent meanwhile leave in one write, so Node makes one system call and
 * PostgreSQL wakes once for them. The opening and the transaction's first statement go out together
 * this way, and so do a FINAL statement and its COMMIT.
 */
function holdWrites(connection: unknown): () => void {
  const stream = (connection as { connection?: { stream?: Partial<Socket> } }).connection?.stream;
  if (typeof stream?.cork !== 'function' || typeof stream.uncork !== 'function') return () => {};
  stream.cork();
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    stream.uncork!();
  };
  return release;
}

/**
 * A pipelined connection's opening, held back until the first statement joins it (see holdWrites).
 * No timer is needed: nothing waits for the opening's answer before the work's first statement or
 * the transaction's end, and both release it.
 */
const heldOpenings = new WeakMap<object, () => void>();

function releaseOpening(connection: unknown): void {
  heldOpenings.get(connection as object)?.();
  heldOpenings.delete(connection as object);
}

/**
 * Opens a transaction on `connection` with `session` set transaction-locally, through `client` (the
 * platform's SessionPgClient). Without pipelining (PGlite) the settings and `BEGIN` are one message,
 * awaited. Pipelined (PostgreSQL), the opening is written now and not awaited: it is held until the
 * work's first statement joins it, so the two share one round trip (see holdWrites).
 */
export async function beginSession(
  client: Knex.Client,
  connection: object,
  session: SessionSettings,
): Promise<void> {
  releaseOpening(connection);
  commits.delete(connection);
  openings.delete(connection);
  inSession.delete(connection);
  if (!pipelined(connection)) {
    await client.query(connection, beginWithSettings(session));
    inSession.add(connection);
    return;
  }
  // Marked before the opening is answered: the first statement may be FINAL and goes out with it.
  inSession.add(connection);
  const release = holdWrites(connection);
  // knex hands the opening to `_query`, which writes it into the held socket, before this returns.
  const opening = client.query(connection, beginThenSettings(session)).then(
    () => undefined,
    (error: unknown) => error,
  );
  heldOpenings.set(connection, release);
  openings.set(connection, opening);
}

/**
 * Sends a pipelined connection's held opening (if the work sent nothing) and resolves with its error,
 * or undefined. An opening that failed in a transaction that sent nothing else would have its COMMIT
 * answered with a silent rollback: the caller rolls back instead and fails with this error.
 */
export async function openingFailure(connection: object): Promise<unknown> {
  releaseOpening(connection);
  const failed = await openings.get(connection);
  openings.delete(connection);
  return failed;
}

/** Commits the transaction on `connection` (after a FINAL statement, takes its COMMIT's answer). */
export async function commitSession(client: Knex.Client, connection: object): Promise<void> {
  await client.query(connection, 'COMMIT;');
}

/** Rolls back the transaction on `connection` (after a FINAL statement, takes its COMMIT's answer). */
export async function rollbackSession(client: Knex.Client, connection: object): Promise<void> {
  releaseOpening(connection);
  openings.delete(connection);
  await client.query(connection, 'ROLLBACK;');
}

/**
 * Sends a statement through the dialect, prepared under its name when asked. A function, not a
 * method: a transaction's statements run on a client derived from this one (session-transaction.ts).
 */
function send(client: Knex.Client, connection: unknown, obj: QueryObject): Promise<unknown> {
  const { darchaPrepared, darchaFinal: _final, ...options } = obj.options ?? {};
  obj.options = options;
  if (darchaPrepared !== true) return sendQuery.call(client, connection, obj);
  obj.options = { ...options, name: statementName(obj.sql) };
  return sendQuery.call(client, connection, obj).catch((error: unknown) => {
    // This statement (and its transaction) fails; the next ones are prepared afresh.
    if (planShapeChanged(error)) {
      round++;
      names.clear();
    }
    throw error;
  });
}

/**
 * A statement on a connection whose transaction already has its `COMMIT` on the wire: the
 * transaction's own `COMMIT` (or `ROLLBACK`, after a failed FINAL statement) takes that answer;
 * anything else is refused, as it would run after the commit, outside the transaction.
 */
async function afterFinal(
  key: object,
  { commit, failed }: { commit: Promise<unknown>; failed: Promise<boolean> },
  obj: QueryObject,
): Promise<unknown> {
  const end = TRANSACTION_END.exec(obj.sql)?.[1]?.toUpperCase();
  // Anything but the transaction's own end is refused, and the mark stays until that end comes:
  // every further statement (a concurrent one, one after a caught refusal) would run after the commit.
  if (end === undefined) throw finalErrors.afterFinal(obj.sql);
  commits.delete(key);
  inSession.delete(key);
  const answer = (await commit.catch(() => ({ command: 'ROLLBACK', rows: [], rowCount: null }))) as {
    command?: unknown;
  };
  obj.response = answer;
  if (end === 'COMMIT') {
    if (answer.command !== 'COMMIT') {
      await commit; // a failed COMMIT rejects with its own error
      throw finalErrors.rolledBack();
    }
    return obj;
  }
  // The work failed. If the FINAL statement failed without reaching PostgreSQL (node-postgres refused
  // a value), the COMMIT behind it committed the statements before it: say so rather than roll back.
  if (answer.command === 'COMMIT' && (await failed)) throw finalErrors.committedAnyway();
  return obj;
}

/** A transaction's own end (not a savepoint's), as `commitSession` and `rollbackSession` send it. */
const TRANSACTION_END = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

const finalErrors = {
  afterFinal: (sql: string) =>
    new DarchaError({
      code: 'DARCHA_DB_AFTER_FINAL_STATEMENT',
      kind: 'internal',
      message:
        'A statement was sent on a transaction after the statement marked FINAL, whose COMMIT had already been sent.',
      hint: 'Mark only the very last statement of a transaction with FINAL, or remove FINAL from it.',
      details: { statement: sql.slice(0, 200) },
    }),
  rolledBack: () =>
    new DarchaError({
      code: 'DARCHA_DB_FINAL_STATEMENT_FAILED',
      kind: 'internal',
      message:
        'The transaction was rolled back: its FINAL statement failed, and the work went on as if it had not.',
      hint: 'Let the error of a FINAL statement end the transaction; do not catch it inside the work.',
    }),
  committedAnyway: () =>
    new DarchaError({
      code: 'DARCHA_DB_FINAL_NOT_SENT',
      kind: 'internal',
      message:
        'The FINAL statement was refused before it reached PostgreSQL, and the COMMIT behind it committed the statements before it.',
      hint: 'Give a FINAL statement only values node-postgres can send (strings, numbers, dates, buffers, JSON text).',
    }),
};

/** A statement, with the `COMMIT` behind a FINAL one, or taking the answer of that `COMMIT`. */
function finalAware(client: Knex.Client, connection: unknown, obj: QueryObject): Promise<unknown> {
  const key = connection as object;
  const pending = commits.get(key);
  if (pending) return afterFinal(key, pending, obj);
  if (TRANSACTION_END.test(obj.sql)) inSession.delete(key);
  const final = obj.options?.['darchaFinal'] === true && pipelined(connection) && inSession.has(key);
  if (!final) return send(client, connection, obj);
  const release = holdWrites(connection);
  let sent: Promise<unknown>;
  let commit: Promise<unknown>;
  try {
    sent = send(client, connection, obj);
    commit = (connection as pg.Client).query('COMMIT');
  } finally {
    release();
  }
  commit.catch(() => undefined); // awaited by the transaction's end; not unhandled meanwhile
  commits.set(key, {
    commit,
    failed: sent.then(
      () => false,
      () => true,
    ),
  });
  return sent;
}

/**
 * Statement texts with their `?` placeholders numbered, by the text knex compiled; shared by every
 * client (the numbering depends on the text alone): at most 500 texts (a few dozen shapes are
 * common) and a million characters, so bulk statements of thousands of values do not stay around.
 * Not a private field: a transaction's client is an object whose prototype is the root client.
 */
const positionedStatements = new LRUCache<string, string>({
  max: 500,
  maxSize: 1_000_000,
  maxEntrySize: 100_000,
  sizeCalculation: (positioned, sql) => positioned.length + sql.length,
});

/**
 * knex's `pg` client whose statements may be kept prepared ({@link PREPARED}) or carry the
 * transaction's `COMMIT` ({@link FINAL}), and whose transactions open with session settings
 * ({@link beginSession}, used by session-transaction.ts): used for PostgreSQL and for PGlite through
 * its node-postgres adapter.
 */
export class SessionPgClient extends PgClient {
  /**
   * knex's numbering of `?` placeholders as `$1, $2 ...`, remembered per statement text: the same
   * few texts come back on every request, and the numbering is a regular expression with a callback
   * per placeholder (about 1% of a transition's CPU before it was remembered).
   */
  override positionBindings(sql: string): string {
    // Nothing to number (a transaction's opening, COMMIT): not worth a place among the remembered.
    if (!sql.includes('?')) return sql;
    let positioned = positionedStatements.get(sql);
    if (positioned === undefined) {
      positioned = super.positionBindings(sql) as string;
      positionedStatements.set(sql, positioned);
    }
    return positioned;
  }

  _query(connection: unknown, obj: QueryObject): Promise<unknown> {
    const opening = openings.get(connection as object);
    const answered = finalAware(this, connection, obj);
    // The opening leaves with the first statement (and the COMMIT behind it, if that is FINAL).
    releaseOpening(connection);
    if (!opening) return answered;
    return answered.catch(async (error: unknown) => {
      throw (await opening) ?? error;
    });
  }
}
