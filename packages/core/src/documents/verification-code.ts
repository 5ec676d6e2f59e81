import { createHash, randomInt } from 'node:crypto';

/**
 * Verification codes: 26 symbols of Crockford's base32 (130 random bits), printed in groups as
 * `XXXX-XXXX-XXXX-XXXX-XXXX-XX`. Crockford's alphabet has no I, L, O or U, so a code read aloud or
 * typed from paper survives: letter case, dashes and spaces do not matter, and O, I, L are read as
 * 0, 1, 1. Only the SHA-256 of the normalised code is stored.
 */
export const VERIFICATION_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 26;

/** A new random code, grouped for printing. */
export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < VERIFICATION_CODE_LENGTH; i++) code += VERIFICATION_CODE_ALPHABET[randomInt(32)];
  return groupCode(code);
}

/** `ABCD...` -> `ABCD-EFGH-...-YZ`. */
export function groupCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The code as typed -> its canonical 26 symbols, or undefined when it cannot be a code. */
export function normaliseVerificationCode(typed: string): string | undefined {
  if (typeof typed !== 'string' || typed.length > 64) return undefined;
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== VERIFICATION_CODE_LENGTH) return undefined;
  for (const symbol of code) if (!VERIFICATION_CODE_ALPHABET.includes(symbol)) return undefined;
  return code;
}

/** The stored form of a code: hex SHA-256 of its canonical symbols. */
export function hashVerificationCode(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
