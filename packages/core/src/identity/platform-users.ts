import { isUuid } from '../staff/staff-rows.js';
import { currentContext } from '../context/request-context.js';
import type { ActorOptions } from '../tenancy/types.js';
import { identityInputInvalid, loginTaken } from './identity.errors.js';
import type { IdentityDeps } from './identity-deps.js';
import {
  assertPasswordAcceptable,
  LOGIN_PATTERN,
  normaliseLogin,
  platformUserProblems,
} from './identity-input.schema.js';
import type { CreatePlatformUserInput, PlatformRole, PlatformUser, SignInAttempt } from './identity-types.js';
import { attemptSignIn } from './sign-in-attempt.js';
import type { CredentialState } from './sign-in-lockout.js';

/** A row of the host table `platform_users`. */
interface PlatformUserRow {
  id: string;
  login: string;
  display_name: string;
  password_hash: string;
  roles: PlatformRole[];
  active: boolean;
  failed_sign_ins: number;
  locked_until: Date | null;
  created_at: Date;
}

/**
 * Operators of the whole installation, in the host table `platform_users` (reached with `withHost`
 * only). There is no audit log on the host side: the creating actor is kept on the row.
 */
export class PlatformUsers {
  readonly #deps: IdentityDeps;

  constructor(deps: IdentityDeps) {
    this.#deps = deps;
  }

  async create(input: CreatePlatformUserInput, options: ActorOptions = {}): Promise<PlatformUser> {
    const problems = platformUserProblems(input);
    if (problems.length > 0) throw identityInputInvalid('New platform user', problems);
    const login = normaliseLogin(input.login);
    assertPasswordAcceptable(input.password, login, `platform user "${login}"`);
    const passwordHash = await this.#deps.hasher.hash(input.password);
    const now = this.#deps.clock();
    const [row] = await this.#deps.db.withHost((trx) =>
      trx<PlatformUserRow>('platform_users')
        .insert({
          login,
          display_name: input.displayName.trim(),
          password_hash: passwordHash,
          roles: input.roles ?? ['platform_admin'],
          created_by: options.actor ?? currentContext()?.userId ?? 'system',
          created_at: now,
          updated_at: now,
        } as never)
        .onConflict('login')
        .ignore()
        .returning('*'),
    );
    if (!row) throw loginTaken('platform', login);
    return toPlatformUser(row);
  }

  async list(): Promise<PlatformUser[]> {
    const rows = await this.#deps.db.withHost((trx) =>
      trx<PlatformUserRow>('platform_users').orderBy([{ column: 'login' }]),
    );
    return rows.map(toPlatformUser);
  }

  async get(id: string): Promise<PlatformUser | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.#deps.db.withHost((trx) =>
      trx<PlatformUserRow>('platform_users').where({ id }).first(),
    );
    return row && toPlatformUser(row);
  }

  /** A sign-in with its reason when it fails (see {@link attemptSignIn}). */
  attemptSignIn(login: string, password: string): Promise<SignInAttempt<PlatformUser>> {
    const { db, hasher, clock } = this.#deps;
    const wanted = normaliseLogin(login);
    return attemptSignIn<PlatformUserRow, PlatformUser>(
      {
        find: async () =>
          typeof wanted === 'string' && LOGIN_PATTERN.test(wanted)
            ? db.withHost((trx) => trx<PlatformUserRow>('platform_users').where({ login: wanted }).first())
            : undefined,
        update: (id, decide) =>
          db.withHost(async (trx) => {
            const current = await trx<PlatformUserRow>('platform_users').where({ id }).forUpdate().first();
            const changes = decide(current);
            if (changes)
              await trx('platform_users')
                .where({ id })
                .update({ ...changes, updated_at: clock() });
          }),
        state: credentialState,
        subject: toPlatformUser,
      },
      hasher,
      password,
      clock(),
    );
  }
}

function credentialState(row: PlatformUserRow): CredentialState {
  return {
    id: row.id,
    passwordHash: row.password_hash,
    active: row.active,
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until,
  };
}

function toPlatformUser(row: PlatformUserRow): PlatformUser {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    roles: [...row.roles],
    active: row.active,
    createdAt: row.created_at,
  };
}
