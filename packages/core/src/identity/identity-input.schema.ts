import { fieldErrorsFromAjv, type FieldError } from '../errors/field-error.js';
import { AGENCY_CODE_PATTERN } from '../registry/agency-input.schema.js';
import { STAFF_ROLE_PATTERN } from '../staff/staff-input.schema.js';
import { compileLater, type Validator } from '../validation/compile-later.js';
import { passwordWeak } from './identity.errors.js';
import {
  PLATFORM_ROLES,
  type CreateApiKeyInput,
  type CreatePlatformUserInput,
  type StaffCredentialsInput,
} from './identity-types.js';

/** A login once trimmed and lowercased: 3-100 characters of `a-z 0-9 . _ @ -`. */
export const LOGIN_PATTERN = /^[a-z0-9._@-]{3,100}$/;

/** Shortest and longest password accepted, in characters. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** How a login is compared and stored: trimmed and lowercased. Non-strings are left as they are. */
export function normaliseLogin<T>(login: T): T | string {
  return typeof login === 'string' ? login.trim().toLowerCase() : login;
}

const login = { type: 'string', pattern: LOGIN_PATTERN.source } as const;
const password = { type: 'string' } as const;

const validatePlatformUser = compileLater<CreatePlatformUserInput>({
  type: 'object',
  additionalProperties: false,
  required: ['login', 'displayName', 'password'],
  properties: {
    login,
    displayName: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    password,
    roles: { type: 'array', maxItems: 10, uniqueItems: true, items: { enum: [...PLATFORM_ROLES] } },
  },
});
const validateCredentials = compileLater<StaffCredentialsInput>({
  type: 'object',
  additionalProperties: false,
  required: ['login', 'password'],
  properties: { login, password },
});
const validateApiKey = compileLater<CreateApiKeyInput>({
  type: 'object',
  additionalProperties: false,
  required: ['name', 'role'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
    role: { type: 'string', pattern: STAFF_ROLE_PATTERN.source, maxLength: 127 },
    agencyCodes: {
      type: 'array',
      maxItems: 100,
      uniqueItems: true,
      items: { type: 'string', pattern: AGENCY_CODE_PATTERN.source, maxLength: 63 },
    },
  },
});

/** Problems of a new platform user, its login normalised first. */
export function platformUserProblems(input: CreatePlatformUserInput): FieldError[] {
  return problems(validatePlatformUser, withLogin(input));
}

/** Problems of a staff member's credentials, the login normalised first. */
export function credentialsProblems(input: StaffCredentialsInput): FieldError[] {
  return problems(validateCredentials, withLogin(input));
}

/** Problems of a new API key. */
export function apiKeyProblems(input: CreateApiKeyInput): FieldError[] {
  return problems(validateApiKey, input);
}

/**
 * Throws `DARCHA_AUTH_PASSWORD_WEAK` unless the password has 10 to 200 characters and is not the
 * login. Characters are counted as code points, so a Cyrillic or emoji password is not penalised.
 */
export function assertPasswordAcceptable(password: string, login: string, subject: string): void {
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw passwordWeak(
      subject,
      `it has ${length} characters and at least ${PASSWORD_MIN_LENGTH} are required`,
    );
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw passwordWeak(subject, `it has ${length} characters and at most ${PASSWORD_MAX_LENGTH} are allowed`);
  }
  if (password.trim().toLowerCase() === login) throw passwordWeak(subject, 'it is the same as the login');
}

function withLogin<T extends object>(input: T): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  return 'login' in record ? { ...record, login: normaliseLogin(record['login']) } : record;
}

function problems<T>(validate: Validator<T>, input: unknown): FieldError[] {
  if (validate(input)) return [];
  return fieldErrorsFromAjv(validate.errors);
}
