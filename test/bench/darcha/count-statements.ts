// Preloaded into the Darcha server process by the harness (`--import`): counts the statements the
// process sends to PostgreSQL (every `pg` Client query: BEGIN, set_config and COMMIT included), by
// their first words, and answers over the IPC channel. Darcha's own code is not touched.
import pg from 'pg';

const HEAD = 90;
let statements = 0;
let byHead = new Map<string, number>();

const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const query = proto.query;
proto.query = function (this: unknown, ...args: unknown[]): unknown {
  statements++;
  const first = args[0];
  const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
  const head = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim().slice(0, HEAD) : '?';
  byHead.set(head, (byHead.get(head) ?? 0) + 1);
  return Reflect.apply(query, this, args);
};

/** `statements`: the count so far, and the statements since the last question by their first words. */
process.on('message', (message: unknown) => {
  if (message !== 'statements') return;
  process.send?.({ statements, byHead: [...byHead] });
  byHead = new Map();
});
