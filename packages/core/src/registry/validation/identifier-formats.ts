import type { Ajv2020 } from 'ajv/dist/2020.js';

// Each rule cites its source: the domain notes (services.md, "Identifiers and money") unless a line
// says otherwise. `\d` without the `u` flag matches ASCII digits only, and `$` without the `m`
// flag matches only at the very end, so a trailing newline is refused too.

/**
 * PINFL (JShShIR), the personal identification number of an individual: exactly 14 digits. It has
 * been the single personal identifier since July 2021. Its check digit is not verified: a number is
 * never refused on an unverified checksum (services.md, "Identifiers and money").
 */
export const PINFL_PATTERN = /^\d{14}$/;

/**
 * TIN (STIR), the taxpayer number of a legal entity: exactly 9 digits. No prefix rules are
 * hard-coded (services.md, "Identifiers and money").
 */
export const TIN_PATTERN = /^\d{9}$/;

/**
 * Cadastre number `AA:BB:CC:DD:EE:FFFF:GGGG:HHH` (region:district:zone:massif:quarter:plot:building:part),
 * services.md. Every group has a fixed width, zero-padded: the Cadastre Agency describes AA..EE as
 * "two-digit", FFFF and GGGG as "four-digit" and HHH as "three-digit" decimal numbers
 * (kadastr.uz, "Kadastr raqami nimalarni anglatishini bilasizmi?", 17.01.2024), so shorter groups are refused.
 */
export const CADASTRE_NUMBER_PATTERN = /^\d{2}:\d{2}:\d{2}:\d{2}:\d{2}:\d{4}:\d{4}:\d{3}$/;

/** Uzbek phone number: `+998` and exactly 9 digits, no spaces or dashes (services.md, "Identifiers and money"). */
export const UZ_PHONE_PATTERN = /^\+998\d{9}$/;

/**
 * A utility customer account (gas, electricity, water): 6 to 12 digits. *Assumed*: no source fixes
 * the length; it is wide enough for the account numbers seen on bills. Tighten it when an agency
 * publishes its rule.
 */
export const UTILITY_ACCOUNT_PATTERN = /^\d{6,12}$/;

/** Uzbek postal code: exactly 6 digits (services.md, "Identifiers and money"). */
export const POSTAL_CODE_PATTERN = /^\d{6}$/;

/** The formats Darcha adds to JSON Schema, by name, as a form uses them: `{ format: 'pinfl' }`. */
export const DARCHA_FORMATS = {
  pinfl: PINFL_PATTERN,
  tin: TIN_PATTERN,
  'cadastre-number': CADASTRE_NUMBER_PATTERN,
  'uz-phone': UZ_PHONE_PATTERN,
  'utility-account': UTILITY_ACCOUNT_PATTERN,
  'postal-code': POSTAL_CODE_PATTERN,
} as const satisfies Record<string, RegExp>;

/** The name of one of Darcha's formats. */
export type DarchaFormat = keyof typeof DARCHA_FORMATS;

export function isDarchaFormat(name: unknown): name is DarchaFormat {
  return typeof name === 'string' && Object.hasOwn(DARCHA_FORMATS, name);
}

/**
 * Adds Darcha's formats to an ajv instance (one made by `createAjv`). Each applies to strings only:
 * a number where a PINFL is expected fails on `type`, not on `format`.
 */
export function addDarchaFormats<T extends Pick<Ajv2020, 'addFormat'>>(ajv: T): T {
  for (const [name, pattern] of Object.entries(DARCHA_FORMATS)) {
    ajv.addFormat(name, { type: 'string', validate: pattern });
  }
  return ajv;
}
