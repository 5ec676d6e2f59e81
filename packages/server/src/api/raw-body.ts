import type { IncomingMessage } from 'node:http';

/** The paths whose exact request bytes are kept: payment providers' callbacks, which sign them. */
const KEEP_RAW = /\/api\/v1\/payment-callbacks\/[^/?]+(\?|$)/;

const rawBodies = new WeakMap<IncomingMessage, string>();

/**
 * The `verify` hook of the JSON body parser: keeps the body of a payment callback, as received
 * (UTF-8), so the provider plugin can check a signature over the exact bytes it sent.
 */
export function keepRawBody(req: IncomingMessage, _res: unknown, buf: Buffer): void {
  if (KEEP_RAW.test(req.url ?? '')) rawBodies.set(req, buf.toString('utf8'));
}

/** The kept body of a request, if {@link keepRawBody} kept one. */
export function rawBodyOf(req: IncomingMessage): string | undefined {
  return rawBodies.get(req);
}
