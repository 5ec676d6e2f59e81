import pg from 'pg';

/** The outbox after a load: events written during it, those still pending, and the time to catch up. */
export interface OutboxBacklog {
  /** Events written since the load began. */
  written: number;
  /** Of those, still pending when the load ended. */
  pendingAtEnd: number;
  /** Seconds from the end of the load until no event was pending; null: not within 3 minutes. */
  drainSeconds: number | null;
}

/** Longest wait for the dispatcher to catch up before giving up (the figure then says so). */
const MAX_DRAIN_MS = 180_000;
const POLL_MS = 250;

/**
 * Counts outbox events in the scratch database (as the superuser, which row-level security does not
 * filter): `mark()` before a load, then `afterLoad()` right after it, which waits until the server's
 * dispatcher has delivered everything, so the next load starts with an empty outbox.
 */
export async function outboxCounter(url: string): Promise<{
  mark(): Promise<void>;
  afterLoad(): Promise<OutboxBacklog>;
  close(): Promise<void>;
}> {
  const client = new pg.Client(url);
  await client.connect();
  let since = '0';
  /** Events written since the mark, and how many of them are pending, in one snapshot. */
  const counts = async (): Promise<{ written: number; pending: number }> => {
    const { rows } = await client.query<{ written: string; pending: string }>(
      `select count(*) as written, count(*) filter (where status = 'pending') as pending
         from outbox_events where seq > $1`,
      [since],
    );
    return { written: Number(rows[0]!.written), pending: Number(rows[0]!.pending) };
  };
  return {
    async mark() {
      const max = await client.query<{ seq: string | null }>('select max(seq) as seq from outbox_events');
      since = max.rows[0]!.seq ?? '0';
    },
    async afterLoad() {
      const { written, pending: pendingAtEnd } = await counts();
      const started = performance.now();
      let pending = pendingAtEnd;
      while (pending > 0 && performance.now() - started < MAX_DRAIN_MS) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        pending = (await counts()).pending;
      }
      const drainSeconds = pending > 0 ? null : (performance.now() - started) / 1000;
      return { written, pendingAtEnd, drainSeconds };
    },
    close: () => client.end(),
  };
}
