import net from 'node:net';
import pg from 'pg';

/** A statement as node-postgres wrote it, and whether an earlier one was still waiting for its answer. */
export interface StatementWrite {
  sql: string;
  waiting: boolean;
}

/**
 * Runs `work` while recording every statement node-postgres writes (any client), with whether the
 * client was still waiting on another one (its pipeline queues): a statement written while none waits
 * starts a round trip of its own.
 */
export async function recordWrites(work: () => Promise<unknown>): Promise<StatementWrite[]> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = proto.query;
  const writes: StatementWrite[] = [];
  proto.query = function (this: { _activeQuery?: unknown; _sentQueryQueue?: unknown[] }, ...args) {
    const first = args[0] as string | { text?: string };
    const sql = typeof first === 'string' ? first : (first.text ?? '');
    writes.push({ sql, waiting: Boolean(this._activeQuery) || (this._sentQueryQueue?.length ?? 0) > 0 });
    return Reflect.apply(query, this, args);
  };
  try {
    await work();
  } finally {
    proto.query = query;
  }
  return writes;
}

/** How many of the writes waited for PostgreSQL: those written while nothing else was waiting. */
export function roundTrips(writes: readonly StatementWrite[]): number {
  return writes.filter((w) => !w.waiting).length;
}

/** The writes in short, for an assertion's message: `BEGIN; select ... | with c as ... (waiting) | COMMIT;`. */
export function describeWrites(writes: readonly StatementWrite[]): string {
  return writes
    .map((w) => `${w.sql.slice(0, 30).replace(/\s+/g, ' ')}${w.waiting ? ' (waiting)' : ''}`)
    .join(' | ');
}

type WriteMethod = (...args: unknown[]) => unknown;

/** First bytes of the frontend messages that carry statements: simple query, parse, bind. */
const STATEMENT_MESSAGES = new Set(['Q', 'P', 'B'].map((c) => c.charCodeAt(0)));

/**
 * Runs `work` and counts the writes (system calls) that carry statements to the database: a corked
 * socket's chunks leave in one. Only sockets to DATABASE_URL's port count, and only writes that
 * start with a statement message, so a new connection's start-up or an idle one's goodbye does not.
 */
export async function countSocketWrites(work: () => Promise<unknown>): Promise<number> {
  const port = Number(new URL(process.env['DATABASE_URL'] ?? 'postgres://localhost').port || 5432);
  const proto = net.Socket.prototype as unknown as { _write: WriteMethod; _writev: WriteMethod };
  const { _write: write, _writev: writev } = proto;
  let count = 0;
  const carriesStatement = (socket: net.Socket, first: unknown) =>
    socket.remotePort === port && Buffer.isBuffer(first) && STATEMENT_MESSAGES.has(first[0]!);
  proto._write = function (this: net.Socket, ...args: unknown[]) {
    if (carriesStatement(this, args[0])) count++;
    return Reflect.apply(write, this, args);
  };
  proto._writev = function (this: net.Socket, ...args: unknown[]) {
    const chunks = args[0] as { chunk: unknown }[];
    if (carriesStatement(this, chunks[0]?.chunk)) count++;
    return Reflect.apply(writev, this, args);
  };
  try {
    await work();
  } finally {
    proto._write = write;
    proto._writev = writev;
  }
  return count;
}
