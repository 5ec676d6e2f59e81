import type { Database } from '../db/database.js';
import type { ActorOptions } from '../tenancy/types.js';
import { ApiKeys } from './api-keys.js';
import { CitizenAccess } from './citizen-access.js';
import { secretUnavailable, signInFailed } from './identity.errors.js';
import type { IdentityDeps } from './identity-deps.js';
import type {
  ApiKey,
  CreateApiKeyInput,
  CreatedApiKey,
  CreatedSession,
  CreatePlatformUserInput,
  IdentityService,
  PhoneChallenge,
  PlatformUser,
  SessionRecord,
  SignInAttempt,
  StaffCredentialsInput,
} from './identity-types.js';
import { ScryptPasswordHasher } from './password-hasher.js';
import { PhoneChallenges } from './phone-challenges.js';
import { PlatformUsers } from './platform-users.js';
import { Sessions } from './sessions.js';
import { StaffCredentials } from './staff-credentials.js';

export interface IdentityServiceOptions {
  db: Database;
  /**
   * The platform secret, the HMAC key of receipt access codes and phone codes: `auth.secret`
   * (`DARCHA_SECRET`), or the one the platform keeps in `platform_secrets` (see `platformSecret`).
   * Without it, those methods throw `DARCHA_IDENTITY_SECRET_UNAVAILABLE`; the rest works.
   */
  secret?: string;
  /** The current instant; `() => new Date()` by default. Tests move it to expire sessions and locks. */
  clock?: () => Date;
  /** Default: scrypt with {@link DEFAULT_SCRYPT_PARAMS}. */
  hasher?: ScryptPasswordHasher;
  /** Called after a commit that wrote outbox events (a phone code), to wake the outbox dispatcher. */
  afterOutboxWrite?: () => void;
}

/**
 * The identity service on the platform database: platform users and their sessions in host tables,
 * staff credentials and sessions, API keys and phone challenges in tenant tables under row-level
 * security. See {@link IdentityService} for the contract and `docs/guides/identity.md`.
 *
 * @example
 * const identity = new PostgresIdentityService({ db, secret: config.auth?.secret });
 * const staffId = await identity.signInStaff('chirchik', 'd.karimova', password);
 * const { token, session } = await identity.createSession({ kind: 'staff', tenantId: 'chirchik', userId: staffId });
 */
export class PostgresIdentityService implements IdentityService {
  readonly #users: PlatformUsers;
  readonly #staff: StaffCredentials;
  readonly #sessions: Sessions;
  readonly #apiKeys: ApiKeys;
  readonly #citizens: CitizenAccess;
  readonly #phones: PhoneChallenges;

  constructor(options: IdentityServiceOptions) {
    const deps: IdentityDeps = {
      db: options.db,
      clock: options.clock ?? (() => new Date()),
      hasher: options.hasher ?? new ScryptPasswordHasher(),
      ...(options.clock ? { cacheNow: () => options.clock!().getTime() } : {}),
    };
    const configured = options.secret;
    const secret = (): string => {
      if (configured === undefined || configured === '') throw secretUnavailable();
      return configured;
    };
    this.#users = new PlatformUsers(deps);
    this.#staff = new StaffCredentials(deps);
    this.#sessions = new Sessions(deps);
    this.#apiKeys = new ApiKeys(deps);
    this.#citizens = new CitizenAccess(deps, secret);
    this.#phones = new PhoneChallenges(deps, secret, options.afterOutboxWrite);
  }

  createPlatformUser(input: CreatePlatformUserInput, options?: ActorOptions): Promise<PlatformUser> {
    return this.#users.create(input, options);
  }

  listPlatformUsers(): Promise<PlatformUser[]> {
    return this.#users.list();
  }

  getPlatformUser(id: string): Promise<PlatformUser | undefined> {
    return this.#users.get(id);
  }

  async signInPlatformUser(login: string, password: string): Promise<PlatformUser> {
    const attempt = await this.#users.attemptSignIn(login, password);
    if (!attempt.ok) throw signInFailed(null);
    return attempt.subject;
  }

  attemptPlatformSignIn(login: string, password: string): Promise<SignInAttempt<PlatformUser>> {
    return this.#users.attemptSignIn(login, password);
  }

  setStaffCredentials(
    tenantId: string,
    staffId: string,
    input: StaffCredentialsInput,
    options?: ActorOptions,
  ): Promise<void> {
    // Setting credentials revokes the member's sessions.
    return this.#sessions.afterRevoking(this.#staff.set(tenantId, staffId, input, options));
  }

  async signInStaff(tenantId: string, login: string, password: string): Promise<string> {
    const attempt = await this.#staff.attemptSignIn(tenantId, login, password);
    if (!attempt.ok) throw signInFailed(tenantId);
    return attempt.subject;
  }

  attemptStaffSignIn(tenantId: string, login: string, password: string): Promise<SignInAttempt<string>> {
    return this.#staff.attemptSignIn(tenantId, login, password);
  }

  createSession(
    subject: { kind: 'platform_user'; userId: string } | { kind: 'staff'; tenantId: string; userId: string },
  ): Promise<CreatedSession> {
    return this.#sessions.create(subject);
  }

  findSession(token: string): Promise<SessionRecord | undefined> {
    return this.#sessions.find(token);
  }

  /**
   * Drops the sessions this process trusts without reading them (for 5 s after a read), so that the
   * next request of each reads its session again: for changes made elsewhere, such as a deactivated member.
   */
  forgetSessions(): void {
    this.#sessions.forgetAll();
  }

  revokeSession(token: string): Promise<void> {
    return this.#sessions.revoke(token);
  }

  createApiKey(tenantId: string, input: CreateApiKeyInput, options?: ActorOptions): Promise<CreatedApiKey> {
    return this.#apiKeys.create(tenantId, input, options);
  }

  listApiKeys(tenantId: string): Promise<ApiKey[]> {
    return this.#apiKeys.list(tenantId);
  }

  revokeApiKey(tenantId: string, keyId: string, options?: ActorOptions): Promise<ApiKey> {
    return this.#apiKeys.revoke(tenantId, keyId, options);
  }

  verifyApiKey(key: string): Promise<ApiKey | undefined> {
    return this.#apiKeys.verify(key);
  }

  accessCode(tenantId: string, inquiryId: string): string {
    return this.#citizens.code(tenantId, inquiryId);
  }

  verifyAccessCode(tenantId: string, trackingNumber: string, code: string): Promise<string | undefined> {
    return this.#citizens.verify(tenantId, trackingNumber, code);
  }

  startPhoneChallenge(tenantId: string, phone: string): Promise<PhoneChallenge> {
    return this.#phones.start(tenantId, phone);
  }

  confirmPhoneChallenge(tenantId: string, challengeId: string, code: string): Promise<boolean> {
    return this.#phones.confirm(tenantId, challengeId, code);
  }

  consumePhoneChallenge(tenantId: string, challengeId: string, phone: string): Promise<boolean> {
    return this.#phones.consume(tenantId, challengeId, phone);
  }

  phoneConfirmed(tenantId: string, challengeId: string, phone: string): Promise<boolean> {
    return this.#phones.confirmed(tenantId, challengeId, phone);
  }
}
