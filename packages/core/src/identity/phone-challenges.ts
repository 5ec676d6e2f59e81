import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Knex } from 'knex';
import type { TenantTransaction } from '../db/types.js';
import { violatedForeignKey } from '../registry/foreign-key-violation.js';
import { UZ_PHONE_PATTERN } from '../registry/validation/identifier-formats.js';
import { isUuid } from '../staff/staff-rows.js';
import { tenantNotFound } from '../tenancy/tenancy.errors.js';
import { assertTenantId, isTenantId } from '../tenancy/tenant-id.js';
import { writeOutboxEvents } from '../workflow/outbox/write-outbox-events.js';
import { phoneInvalid, tooManyCodes } from './identity.errors.js';
import type { IdentityDeps } from './identity-deps.js';
import {
  PHONE_CODE_MAX_ATTEMPTS,
  PHONE_CODE_TTL_MINUTES,
  PHONE_CODES_PER_HOUR,
  PHONE_CONFIRMATION_TTL_MINUTES,
  type PhoneChallenge,
} from './identity-types.js';

/** The outbox event that asks for the code to be sent. */
export const NOTIFICATION_REQUESTED = 'notification.requested';
/** The template a notification channel renders for a phone code. */
export const PHONE_CODE_TEMPLATE = 'phone-code';

const HOUR_MS = 60 * 60_000;

/** A row of the tenant table `phone_challenges`. */
interface ChallengeRow {
  id: string;
  phone: string;
  code_hash: string;
  attempts: number;
  expires_at: Date;
  confirmed_at: Date | null;
  consumed_at: Date | null;
  created_at: Date;
}

/**
 * One-time codes to citizens' phones, in the tenant table `phone_challenges`. A code is 6 digits
 * from `crypto.randomInt`, stored only as an HMAC keyed with the platform secret (over the tenant,
 * the challenge and the code, so a hash is no use for another challenge). It is sent through the
 * outbox as a `notification.requested` event written in the same transaction, and lives
 * {@link PHONE_CODE_TTL_MINUTES} minutes; {@link PHONE_CODE_MAX_ATTEMPTS} wrong codes close it; a
 * phone gets at most {@link PHONE_CODES_PER_HOUR} challenges an hour in a tenant.
 */
export class PhoneChallenges {
  readonly #deps: IdentityDeps;
  readonly #secret: () => string;
  readonly #afterCommit: () => void;

  constructor(deps: IdentityDeps, secret: () => string, afterCommit: () => void = () => {}) {
    this.#deps = deps;
    this.#secret = secret;
    this.#afterCommit = afterCommit;
  }

  async start(tenantId: string, phone: string): Promise<PhoneChallenge> {
    assertTenantId(tenantId);
    const number = typeof phone === 'string' ? phone.trim() : phone;
    if (typeof number !== 'string' || !UZ_PHONE_PATTERN.test(number)) throw phoneInvalid(tenantId);
    const secret = this.#secret();
    const id = randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.#deps.clock();
    const expiresAt = new Date(now.getTime() + PHONE_CODE_TTL_MINUTES * 60_000);
    try {
      await this.#deps.db.withTenant(tenantId, async (trx) => {
        // Two requests for the same phone at once must not both slip under the hourly limit.
        await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [
          `phone-challenge:${tenantId}:${number}`,
        ]);
        const recent: Date[] = await trx('phone_challenges')
          .where({ tenant_id: tenantId, phone: number })
          .where('created_at', '>', new Date(now.getTime() - HOUR_MS))
          .orderBy('created_at')
          .pluck('created_at');
        if (recent.length >= PHONE_CODES_PER_HOUR) {
          const retryAt = new Date(recent[recent.length - PHONE_CODES_PER_HOUR]!.getTime() + HOUR_MS);
          throw tooManyCodes(tenantId, PHONE_CODES_PER_HOUR, retryAt);
        }
        await trx('phone_challenges').insert({
          tenant_id: tenantId,
          id,
          phone: number,
          code_hash: codeHash(secret, tenantId, id, code),
          expires_at: expiresAt,
          created_at: now,
        });
        await writeOutboxEvents(trx, tenantId, [
          {
            type: NOTIFICATION_REQUESTED,
            payload: { channel: 'sms', to: number, template: PHONE_CODE_TEMPLATE, data: { code } },
          },
        ]);
      });
    } catch (error) {
      if (violatedForeignKey(error) === 'phone_challenges_tenant_id_foreign') throw tenantNotFound(tenantId);
      throw error;
    }
    this.#afterCommit();
    return { id, phone: number, expiresAt };
  }

  /**
   * True when `code` is the challenge's code and the challenge is open (not expired, not used, not
   * closed by wrong codes); the challenge is then confirmed. A wrong code counts as an attempt.
   */
  async confirm(tenantId: string, challengeId: string, code: string): Promise<boolean> {
    if (!isTenantId(tenantId) || !isUuid(challengeId)) return false;
    const given = typeof code === 'string' ? code.replace(/\s/g, '') : '';
    const secret = this.#secret();
    const now = this.#deps.clock();
    return this.#deps.db.withTenant(tenantId, async (trx) => {
      const row: ChallengeRow | undefined = await trx('phone_challenges')
        .where({ tenant_id: tenantId, id: challengeId })
        .forUpdate()
        .first();
      if (!row || row.consumed_at || row.expires_at <= now || row.attempts >= PHONE_CODE_MAX_ATTEMPTS) {
        return false;
      }
      const expected = Buffer.from(row.code_hash, 'hex');
      const actual = Buffer.from(codeHash(secret, tenantId, row.id, given), 'hex');
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
        await trx('phone_challenges')
          .where({ tenant_id: tenantId, id: row.id })
          .update({ attempts: row.attempts + 1 });
        return false;
      }
      if (!row.confirmed_at) {
        await trx('phone_challenges')
          .where({ tenant_id: tenantId, id: row.id })
          .update({ confirmed_at: now });
      }
      return true;
    });
  }

  /**
   * True once: the challenge was confirmed for `phone` less than
   * {@link PHONE_CONFIRMATION_TTL_MINUTES} ago and not used before; it is used up now.
   */
  async consume(tenantId: string, challengeId: string, phone: string): Promise<boolean> {
    if (!isTenantId(tenantId) || !isUuid(challengeId) || typeof phone !== 'string') return false;
    const now = this.#deps.clock();
    const changed = await this.#deps.db.withTenant(tenantId, (trx) =>
      confirmedChallenge(trx, tenantId, challengeId, phone, now).update({ consumed_at: now }),
    );
    return changed === 1;
  }

  /** True while the challenge is confirmed for `phone` (less than 30 minutes ago) and not used up. */
  async confirmed(tenantId: string, challengeId: string, phone: string): Promise<boolean> {
    if (!isTenantId(tenantId) || !isUuid(challengeId) || typeof phone !== 'string') return false;
    const now = this.#deps.clock();
    const row = await this.#deps.db.withTenant(tenantId, (trx) =>
      confirmedChallenge(trx, tenantId, challengeId, phone, now).first('id'),
    );
    return row !== undefined;
  }
}

/** The challenge, if confirmed for `phone` within the confirmation window and not used up. */
function confirmedChallenge(
  trx: TenantTransaction,
  tenantId: string,
  challengeId: string,
  phone: string,
  now: Date,
): Knex.QueryBuilder {
  const since = new Date(now.getTime() - PHONE_CONFIRMATION_TTL_MINUTES * 60_000);
  return trx('phone_challenges')
    .where({ tenant_id: tenantId, id: challengeId, phone: phone.trim() })
    .whereNull('consumed_at')
    .where('confirmed_at', '>', since)
    .where('confirmed_at', '<=', now);
}

/**
 * HMAC-SHA256 of a code. The message has `|` where an access code's has `:` (neither a tenant id nor
 * a uuid holds either), so no access code is ever computed over the same message.
 */
function codeHash(secret: string, tenantId: string, challengeId: string, code: string): string {
  return createHmac('sha256', secret).update(`phone-code|${tenantId}|${challengeId}|${code}`).digest('hex');
}
