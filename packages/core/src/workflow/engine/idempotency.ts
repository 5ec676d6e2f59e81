import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { FINAL } from '../../db/session-client.js';
import type { TenantTransaction } from '../../db/types.js';
import { idempotencyMismatch, inquiryInputInvalid } from './workflow.errors.js';

/** What a replay finds: the result the first request recorded. */
export interface IdempotentReplay<T> {
  result: T;
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's fingerprint: a sha256 of its canonical JSON (key order does not count). */
export function requestHash(request: unknown): string {
  return createHash('sha256')
    .update(stringify(request) ?? '')
    .digest('hex');
}

/**
 * Claims an idempotency key in the caller's transaction. The first request inserts the key and
 * proceeds (undefined); a concurrent retry blocks on the key until the first commits and then
 * replays its recorded result; a rolled-back first request leaves the key free. The same key with
 * a different request is refused with `DARCHA_IDEMPOTENCY_KEY_REUSED`.
 */
export async function claimIdempotencyKey<T>(
  trx: TenantTransaction,
  tenantId: string,
  scope: string,
  key: string,
  hash: string,
): Promise<IdempotentReplay<T> | undefined> {
  if (!KEY_PATTERN.test(key)) {
    throw inquiryInputInvalid(tenantId, 'Idempotency-Key', [
      'the key must be 8 to 128 letters, digits, dots, underscores, colons or hyphens (a UUID is a good key)',
    ]);
  }
  const inserted = await trx('idempotency_keys')
    .insert({ tenant_id: tenantId, scope, key, request_hash: hash })
    .onConflict(['tenant_id', 'scope', 'key'])
    .ignore()
    .returning('key');
  if (inserted.length > 0) return undefined;
  const row: { request_hash: string; result: T } | undefined = await trx('idempotency_keys')
    .where({ tenant_id: tenantId, scope, key })
    .first('request_hash', 'result');
  if (!row || row.request_hash !== hash) throw idempotencyMismatch(tenantId, scope, key);
  return { result: row.result };
}

/**
 * Records the first request's result under its key, in the same transaction as the work; `final`:
 * nothing follows it in the transaction (see FINAL).
 */
export async function recordIdempotentResult(
  trx: TenantTransaction,
  tenantId: string,
  scope: string,
  key: string,
  result: unknown,
  options: { final?: boolean } = {},
): Promise<void> {
  await trx('idempotency_keys')
    .where({ tenant_id: tenantId, scope, key })
    .update({ result: JSON.stringify(result) })
    .options(options.final ? FINAL : {});
}
