import type { ActorOptions } from '../tenancy/types.js';

/**
 * Who is calling, once a credential has been checked. The server turns a session cookie, an API key
 * or a citizen's receipt code into one of these, and every route's policy is checked against it.
 *
 * - `platform_user`: a host-side operator of the whole installation (role `platform_admin`).
 * - `staff`: a member of one tenant's staff, signed in with a password.
 * - `api_key`: an integration holding a key scoped to one tenant and one role.
 * - `citizen`: whoever holds an inquiry's tracking number and the access code printed on its receipt
 *   (reaches that inquiry only), or a phone confirmed with a one-time code (reaches the inquiries
 *   filed with that phone).
 */
export type Principal = PlatformUserPrincipal | StaffPrincipal | ApiKeyPrincipal | CitizenPrincipal;

export interface PlatformUserPrincipal {
  kind: 'platform_user';
  userId: string;
  displayName: string;
  roles: readonly PlatformRole[];
  sessionId: string;
}

export interface StaffPrincipal {
  kind: 'staff';
  tenantId: string;
  staffId: string;
  displayName: string;
  /** Core roles (`front_office`, `city_admin` ...) and plugin roles (`gas/meter-inspector`). */
  roles: readonly string[];
  /** Agencies the officer works for; empty means every agency. */
  agencyCodes: readonly string[];
  /** Desks of the OSS hall the officer sits at. */
  deskCodes: readonly string[];
  sessionId: string;
}

export interface ApiKeyPrincipal {
  kind: 'api_key';
  tenantId: string;
  keyId: string;
  name: string;
  /** The one role the key acts with (a staff role: `front_office`, `back_office` ...). */
  role: string;
  agencyCodes: readonly string[];
}

export interface CitizenPrincipal {
  kind: 'citizen';
  tenantId: string;
  /** Inquiries the citizen proved they hold (receipt code), or none for a confirmed phone. */
  inquiryIds: readonly string[];
  /** A phone confirmed with a one-time code (`+998XXXXXXXXX`), when that is how they came in. */
  phone?: string;
}

/** Roles of platform users (host side). */
export const PLATFORM_ROLES = ['platform_admin'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** A host-side operator. Passwords are never returned. */
export interface PlatformUser {
  id: string;
  /** Lowercase sign-in name (an e-mail address or a short login). */
  login: string;
  displayName: string;
  roles: PlatformRole[];
  active: boolean;
  createdAt: Date;
}

export interface CreatePlatformUserInput {
  login: string;
  displayName: string;
  password: string;
  roles?: PlatformRole[];
}

/** A staff member's sign-in name and password, set by a city admin (or the member themselves). */
export interface StaffCredentialsInput {
  /** Lowercase, unique within the tenant: `d.karimova`. */
  login: string;
  password: string;
}

/** What a session remembers; the token itself is only ever with the client. */
export interface SessionRecord {
  /** SHA-256 of the token, hex: the row's id, safe to log. */
  id: string;
  kind: 'platform_user' | 'staff';
  tenantId: string | null;
  /** The platform user's or staff member's id. */
  userId: string;
  /** The token the client must echo in `X-CSRF-Token` (or a `_csrf` form field) on unsafe requests. */
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A new session: the token goes into the cookie and is not stored anywhere in clear. */
export interface CreatedSession {
  token: string;
  session: SessionRecord;
}

/** An API key as listed: never with its secret. */
export interface ApiKey {
  id: string;
  tenantId: string;
  name: string;
  role: string;
  agencyCodes: string[];
  /** The first characters of the key, so an admin can tell keys apart (`dk_chirchik_Ab3d`). */
  prefix: string;
  createdAt: Date;
  createdBy: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface CreateApiKeyInput {
  name: string;
  role: string;
  agencyCodes?: string[];
}

/** A created key: `key` is shown once and cannot be read again. */
export interface CreatedApiKey {
  key: string;
  apiKey: ApiKey;
}

/** A one-time code sent to a phone. */
export interface PhoneChallenge {
  id: string;
  phone: string;
  expiresAt: Date;
}

/**
 * Identity and access of the platform: passwords, sessions, API keys and citizens' codes. Every
 * method that takes a `tenantId` runs under that tenant's row-level security; platform users and
 * their sessions are host rows.
 */
export interface IdentityService {
  /** Platform users (host). */
  createPlatformUser(input: CreatePlatformUserInput, options?: ActorOptions): Promise<PlatformUser>;
  listPlatformUsers(): Promise<PlatformUser[]>;
  /** The platform user with this id, or undefined. */
  getPlatformUser(id: string): Promise<PlatformUser | undefined>;
  /**
   * Checks a platform user's password. Unknown login, wrong password and a locked account all throw
   * `DARCHA_AUTH_SIGN_IN_FAILED` (the same message, in about the same time); after
   * {@link LOCKOUT_THRESHOLD} failures in a row the account is locked for {@link LOCKOUT_MINUTES}.
   */
  signInPlatformUser(login: string, password: string): Promise<PlatformUser>;
  /**
   * The sign-in of {@link signInPlatformUser} without the throw: the result says why it failed, for
   * the server's log (never for the client, who only ever sees `DARCHA_AUTH_SIGN_IN_FAILED`).
   */
  attemptPlatformSignIn(login: string, password: string): Promise<SignInAttempt<PlatformUser>>;

  /**
   * Sets (or replaces) a staff member's login and password; audited (`staff.credentials.set`).
   * Clears a lockout, and revokes every open session of the member: a member who changed their own
   * password is given a new session by the caller.
   */
  setStaffCredentials(
    tenantId: string,
    staffId: string,
    input: StaffCredentialsInput,
    options?: ActorOptions,
  ): Promise<void>;
  /** Same rules as {@link signInPlatformUser}, within one tenant; returns the staff member's id. */
  signInStaff(tenantId: string, login: string, password: string): Promise<string>;
  /** The sign-in of {@link signInStaff} without the throw; `subject` is the staff member's id. */
  attemptStaffSignIn(tenantId: string, login: string, password: string): Promise<SignInAttempt<string>>;

  /** Opens a session (a sign-in rotates: the caller revokes the old one). */
  createSession(
    subject: { kind: 'platform_user'; userId: string } | { kind: 'staff'; tenantId: string; userId: string },
  ): Promise<CreatedSession>;
  /** The live session a token names, or undefined (unknown, malformed, expired or revoked). */
  findSession(token: string): Promise<SessionRecord | undefined>;
  revokeSession(token: string): Promise<void>;

  createApiKey(tenantId: string, input: CreateApiKeyInput, options?: ActorOptions): Promise<CreatedApiKey>;
  listApiKeys(tenantId: string): Promise<ApiKey[]>;
  revokeApiKey(tenantId: string, keyId: string, options?: ActorOptions): Promise<ApiKey>;
  /** The live key a secret names (the tenant is read from the key), or undefined. */
  verifyApiKey(key: string): Promise<ApiKey | undefined>;

  /** The code printed on an inquiry's receipt (the same every time it is asked for). */
  accessCode(tenantId: string, inquiryId: string): string;
  /** The inquiry id when `code` is that inquiry's access code, else undefined (constant time). */
  verifyAccessCode(tenantId: string, trackingNumber: string, code: string): Promise<string | undefined>;

  /** Sends a one-time code to a phone (through the outbox) and returns the challenge to confirm. */
  startPhoneChallenge(tenantId: string, phone: string): Promise<PhoneChallenge>;
  /** True when `code` matches an open challenge (which is then confirmed); a few wrong tries close it. */
  confirmPhoneChallenge(tenantId: string, challengeId: string, code: string): Promise<boolean>;
  /**
   * True once: the challenge was confirmed for `phone`, has not expired and was not used before;
   * it is used up by this call (an online filing consumes it).
   */
  consumePhoneChallenge(tenantId: string, challengeId: string, phone: string): Promise<boolean>;
  /**
   * True when the challenge was confirmed for `phone` less than 30 minutes ago (not consumed). The
   * online filing uses the challenge id as its idempotency key, so one confirmed phone files one
   * inquiry, and a retry returns that inquiry.
   */
  phoneConfirmed(tenantId: string, challengeId: string, phone: string): Promise<boolean>;
}

/** Why a sign-in failed: for logs only; the caller is told the same thing whatever the reason. */
export type SignInFailureReason =
  /** No account has that login (or the login is malformed). */
  | 'unknown_login'
  /** The staff member has no password yet (credentials were never set). */
  | 'no_password'
  | 'wrong_password'
  /** The platform user or staff member is deactivated. */
  | 'inactive'
  /** Too many failures in a row: locked until `lockedUntil`, whatever the password. */
  | 'locked';

/** The outcome of a sign-in, with the reason of a failure and the account it concerned, if any. */
export type SignInAttempt<T> =
  | { ok: true; subject: T }
  | {
      ok: false;
      reason: SignInFailureReason;
      /** The id of the account the login named, when there is one. */
      accountId?: string;
      /** Set when the account is locked (by this attempt or before). */
      lockedUntil?: Date;
    };

/** Failed sign-ins in a row before an account is locked. */
export const LOCKOUT_THRESHOLD = 5;
/** How long a locked account stays locked. */
export const LOCKOUT_MINUTES = 15;
/** How long a session lives without use. */
export const SESSION_IDLE_MINUTES = 8 * 60;
/** The longest a session lives however often it is used, in days. */
export const SESSION_MAX_DAYS = 7;
/** How long a phone's one-time code may be confirmed after it was sent. */
export const PHONE_CODE_TTL_MINUTES = 10;
/**
 * How long a confirmed phone counts as confirmed ({@link IdentityService.phoneConfirmed}) and may be
 * used up ({@link IdentityService.consumePhoneChallenge}), from the confirmation.
 */
export const PHONE_CONFIRMATION_TTL_MINUTES = 30;
/** Wrong codes that close a phone challenge. */
export const PHONE_CODE_MAX_ATTEMPTS = 5;
/** Challenges one phone may be sent in an hour, per tenant. */
export const PHONE_CODES_PER_HOUR = 5;
