// Preloaded into the Darcha server process by the harness (`--import`): counts the statements the
// process sends to PostgreSQL (every `pg` Client query: BEGIN, set_config and COMMIT included), by
// their first words, and the round trips: statements sent while none was waiting for its answer on
// that connection (one written behind another in pipeline mode, as a FINAL statement's COMMIT, shares
// its wait). Answers over the IPC channel. Darcha's own code is not touched.
import pg from 'pg';

const HEAD = 90;
let statements = 0;
let roundTrips = 0;
let byHead = new Map<string, number>();

/** node-postgres' own queue of the queries a client has sent and not yet had answered. */
interface ClientQueues {
  _activeQuery?: unknown;
  _sentQueryQueue?: unknown[];
}

const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const query = proto.query;
proto.query = function (this: ClientQueues, ...args: unknown[]): unknown {
  statements++;
  if (!this._activeQuery && (this._sentQueryQueue?.length ?? 0) === 0) roundTrips++;
  const first = args[0];
  const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
  const head = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim().slice(0, HEAD) : '?';
  byHead.set(head, (byHead.get(head) ?? 0) + 1);
  return Reflect.apply(query, this, args);
};

/** `statements`: the counts so far, and the statements since the last question by their first words. */
process.on('message', (message: unknown) => {
  if (message !== 'statements') return;
  process.send?.({ statements, roundTrips, byHead: [...byHead] });
  byHead = new Map();
});
