import { DarchaError } from '../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../errors/field-error.js';

/**
 * A sign-in failed. One error for every reason (unknown login, wrong password, deactivated or locked
 * account), with one message, so that the answer does not tell a guesser which logins exist.
 */
export function signInFailed(tenantId: string | null): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AUTH_SIGN_IN_FAILED',
    kind: 'unauthenticated',
    message:
      tenantId === null
        ? 'Sign-in failed: the login or the password is wrong, or the account is locked or deactivated.'
        : `Sign-in to "${tenantId}" failed: the login or the password is wrong, or the account is locked or deactivated.`,
    hint:
      'Check the login and the password (letter case matters in the password). After 5 failures in a row ' +
      'the account is locked for 15 minutes; an administrator can set a new password.',
    details: tenantId === null ? {} : { tenantId },
  });
}

/** A new password does not meet the password policy. */
export function passwordWeak(subject: string, problem: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AUTH_PASSWORD_WEAK',
    kind: 'invalid',
    message: `The password for ${subject} was refused: ${problem}.`,
    hint: 'Choose a password of 10 to 200 characters that is not the login; a phrase of several words is easy to remember and hard to guess.',
    details: { problem },
  });
}

/** A phone number is not an Uzbek mobile number in international form. */
export function phoneInvalid(tenantId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AUTH_PHONE_INVALID',
    kind: 'invalid',
    // The number is not repeated: messages are logged, and a phone number is personal data.
    message: `Tenant "${tenantId}" cannot send a code to that number: it is not a phone number of the form +998XXXXXXXXX.`,
    hint: 'Write the number as +998 followed by 9 digits, without spaces or dashes: +998901234567.',
    details: { tenantId },
  });
}

/** The phone was sent too many codes in the last hour. */
export function tooManyCodes(tenantId: string, perHour: number, retryAt: Date): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AUTH_TOO_MANY_CODES',
    kind: 'conflict',
    message: `Tenant "${tenantId}" has already sent ${perHour} codes to this phone in the last hour.`,
    hint: `Use the last code received, or ask for a new one after ${retryAt.toISOString()}.`,
    details: { tenantId, retryAt: retryAt.toISOString() },
  });
}

/** A login is already used by another account of the same scope (the platform, or one tenant). */
export function loginTaken(scope: { tenantId: string } | 'platform', login: string): DarchaError {
  const where =
    scope === 'platform' ? 'Another platform user' : `Another staff member of "${scope.tenantId}"`;
  return new DarchaError({
    code: 'DARCHA_IDENTITY_LOGIN_TAKEN',
    kind: 'conflict',
    message: `${where} already signs in as "${login}".`,
    hint: 'Choose another login, e.g. add an initial or a number (d.karimova2).',
    details: scope === 'platform' ? { login } : { tenantId: scope.tenantId, login },
  });
}

/** Identity input (a new user, credentials, an API key) has invalid fields; each one is listed. */
export function identityInputInvalid(
  subject: string,
  errors: FieldError[],
  tenantId: string | null = null,
): DarchaError {
  const where = tenantId === null ? '' : ` of tenant "${tenantId}"`;
  return new DarchaError({
    code: 'DARCHA_IDENTITY_INPUT_INVALID',
    kind: 'invalid',
    message: `${subject}${where} is invalid:\n${formatFieldErrors(errors)}`,
    hint:
      'Correct the fields listed: a login of 3-100 characters a-z, 0-9, ".", "_", "@" or "-"; a display name; ' +
      'an API key name of 1-100 characters and one staff role (front_office, back_office, supervisor, cashier, ' +
      'auditor, city_admin, or a plugin role "<plugin-id>/<role>").',
    details: { tenantId, subject, errors },
  });
}

/** The platform has no user with that id. */
export function platformUserNotFound(userId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_IDENTITY_USER_NOT_FOUND',
    kind: 'not_found',
    message: `There is no platform user "${userId}".`,
    hint: 'Check the id against the list of platform users (listPlatformUsers).',
    details: { userId },
  });
}

/** The tenant has no API key with that id. */
export function apiKeyNotFound(tenantId: string, keyId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_IDENTITY_API_KEY_NOT_FOUND',
    kind: 'not_found',
    message: `Tenant "${tenantId}" has no API key "${keyId}".`,
    hint: "Check the id against the tenant's API keys (listApiKeys); keys of another city are not visible here.",
    details: { tenantId, keyId },
  });
}

/** Agency codes given to an API key do not exist in the tenant. */
export function apiKeyAgencyUnknown(tenantId: string, codes: string[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_IDENTITY_AGENCY_UNKNOWN',
    kind: 'invalid',
    message: `Tenant "${tenantId}" has no agency ${codes.map((c) => `"${c}"`).join(', ')}, so an API key cannot be limited to it.`,
    hint: "Add the agency first (GET /api/v1/agencies), or use one of the tenant's agency codes.",
    details: { tenantId, agencyCodes: codes },
  });
}

/** Receipt codes and phone codes need the platform secret, and this instance has none. */
export function secretUnavailable(): DarchaError {
  return new DarchaError({
    code: 'DARCHA_IDENTITY_SECRET_UNAVAILABLE',
    kind: 'unavailable',
    message:
      'The platform secret is not available: auth.secret (DARCHA_SECRET) is not set and the database has not been migrated to hold one.',
    hint: 'Run `darcha migrate` (or open the platform with migrations) so that a secret is made and kept, or set DARCHA_SECRET.',
  });
}
