import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../staff/staff-rows.js';
import { assertTenantId, isTenantId } from '../tenancy/tenant-id.js';
import { identityInputInvalid } from './identity.errors.js';
import type { IdentityDeps } from './identity-deps.js';

/**
 * The letters of a receipt's access code: digits and capitals without 0, O, 1 and I, which are
 * easily misread on paper. 32 of them, so each character carries exactly 5 bits of the HMAC.
 */
export const ACCESS_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Characters of an access code: 50 bits. */
export const ACCESS_CODE_LENGTH = 10;

const MAX_TRACKING_NUMBER_LENGTH = 64;

/**
 * The access code of an inquiry: HMAC-SHA256 keyed with the platform secret over
 * `<tenantId>:<inquiryId>`, its first 50 bits written in {@link ACCESS_CODE_ALPHABET}. Nothing is
 * stored: the code is the same every time it is asked for, and changes only with the secret.
 */
export function accessCodeFor(secret: string, tenantId: string, inquiryId: string): string {
  const mac = createHmac('sha256', secret).update(`${tenantId}:${inquiryId.toLowerCase()}`).digest();
  let code = '';
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++) {
    const bit = i * 5;
    const pair = (mac[bit >> 3]! << 8) | mac[(bit >> 3) + 1]!;
    code += ACCESS_CODE_ALPHABET[(pair >> (11 - (bit & 7))) & 31];
  }
  return code;
}

/** A code as a citizen types it, made comparable: capitals, no spaces, no hyphens or dashes (`abcde-fghjk`). */
export function normaliseAccessCode(code: unknown): string {
  return typeof code === 'string' ? code.replace(/[\s\u2010-\u2015-]/g, '').toUpperCase() : '';
}

/**
 * Citizens' access to one inquiry with the tracking number and the access code printed on its
 * receipt. `secret` yields the platform secret (it throws when the instance has none).
 */
export class CitizenAccess {
  readonly #deps: IdentityDeps;
  readonly #secret: () => string;

  constructor(deps: IdentityDeps, secret: () => string) {
    this.#deps = deps;
    this.#secret = secret;
  }

  code(tenantId: string, inquiryId: string): string {
    assertTenantId(tenantId);
    if (!isUuid(inquiryId)) {
      throw identityInputInvalid(
        'Inquiry id of an access code',
        [{ field: '/inquiryId', message: 'must be a uuid' }],
        tenantId,
      );
    }
    return accessCodeFor(this.#secret(), tenantId, inquiryId);
  }

  /**
   * The id of the inquiry with that tracking number when `code` is its access code, else undefined.
   * The comparison takes the same time whether the inquiry exists or not and wherever the code
   * differs (both sides are hashed, then compared with `timingSafeEqual`).
   */
  async verify(tenantId: string, trackingNumber: string, code: string): Promise<string | undefined> {
    if (!isTenantId(tenantId)) return undefined;
    const secret = this.#secret();
    const number = typeof trackingNumber === 'string' ? trackingNumber.trim().toUpperCase() : '';
    const found =
      number.length > 0 && number.length <= MAX_TRACKING_NUMBER_LENGTH
        ? await this.#deps.db.withTenant(tenantId, async (trx) => {
            const row: { id: string } | undefined = await trx('inquiries')
              .where({ tenant_id: tenantId, tracking_number: number })
              .first('id');
            return row?.id;
          })
        : undefined;
    const expected = accessCodeFor(secret, tenantId, found ?? randomUUID());
    const same = timingSafeEqual(digest(normaliseAccessCode(code)), digest(expected));
    return same && found !== undefined ? found : undefined;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
