import { appendAudit } from '../audit/audit-log.js';
import { staffNotFound } from '../staff/staff.errors.js';
import { isUuid } from '../staff/staff-rows.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import { actor } from '../tenancy/tenant-rows.js';
import type { ActorOptions } from '../tenancy/types.js';
import { identityInputInvalid, loginTaken } from './identity.errors.js';
import type { IdentityDeps } from './identity-deps.js';
import {
  assertPasswordAcceptable,
  credentialsProblems,
  LOGIN_PATTERN,
  normaliseLogin,
} from './identity-input.schema.js';
import type { SignInAttempt, StaffCredentialsInput } from './identity-types.js';
import { attemptSignIn } from './sign-in-attempt.js';
import { violatedUnique } from './unique-violation.js';

/** The sign-in columns of a row of the tenant table `staff_members`. */
interface StaffCredentialRow {
  id: string;
  login: string | null;
  password_hash: string | null;
  active: boolean;
  failed_sign_ins: number;
  locked_until: Date | null;
}

const COLUMNS = ['id', 'login', 'password_hash', 'active', 'failed_sign_ins', 'locked_until'] as const;

/**
 * Staff members' logins and passwords, on their rows of `staff_members` (a login is unique within
 * the tenant, so two cities may each have a `d.karimova`). Every call runs under the tenant's RLS.
 */
export class StaffCredentials {
  readonly #deps: IdentityDeps;

  constructor(deps: IdentityDeps) {
    this.#deps = deps;
  }

  /**
   * Sets the login and password, clears a lockout and revokes the member's open sessions, in one
   * transaction with its audit entry (`staff.credentials.set`; neither login nor password is in it).
   */
  async set(
    tenantId: string,
    staffId: string,
    input: StaffCredentialsInput,
    options: ActorOptions = {},
  ): Promise<void> {
    assertTenantId(tenantId);
    const problems = credentialsProblems(input);
    if (problems.length > 0) {
      throw identityInputInvalid(`Credentials of staff member "${staffId}"`, problems, tenantId);
    }
    const login = normaliseLogin(input.login);
    assertPasswordAcceptable(input.password, login, `staff member "${staffId}" of "${tenantId}"`);
    if (!isUuid(staffId)) throw staffNotFound(tenantId, String(staffId));
    const passwordHash = await this.#deps.hasher.hash(input.password);
    const now = this.#deps.clock();
    try {
      await this.#deps.db.withTenant(tenantId, async (trx) => {
        const current: Pick<StaffCredentialRow, 'id' | 'login'> | undefined = await trx('staff_members')
          .where({ tenant_id: tenantId, id: staffId })
          .forNoKeyUpdate()
          .first('id', 'login');
        if (!current) throw staffNotFound(tenantId, staffId);
        await trx('staff_members').where({ tenant_id: tenantId, id: staffId }).update({
          login,
          password_hash: passwordHash,
          password_changed_at: now,
          failed_sign_ins: 0,
          locked_until: null,
          updated_at: now,
        });
        const revoked = await trx('staff_sessions')
          .where({ tenant_id: tenantId, staff_id: staffId })
          .whereNull('revoked_at')
          .update({ revoked_at: now });
        await appendAudit(trx, tenantId, {
          ...actor(options),
          action: 'staff.credentials.set',
          subjectType: 'staff',
          subjectId: staffId,
          details: { loginChanged: current.login !== login, sessionsRevoked: revoked },
        });
      });
    } catch (error) {
      if (violatedUnique(error) === 'staff_members_login_unique') throw loginTaken({ tenantId }, login);
      throw error;
    }
  }

  /** A sign-in within one tenant; the subject is the staff member's id. */
  attemptSignIn(tenantId: string, login: string, password: string): Promise<SignInAttempt<string>> {
    assertTenantId(tenantId);
    const { db, hasher, clock } = this.#deps;
    const wanted = normaliseLogin(login);
    return attemptSignIn<StaffCredentialRow, string>(
      {
        find: async () =>
          typeof wanted === 'string' && LOGIN_PATTERN.test(wanted)
            ? db.withTenant(tenantId, (trx): Promise<StaffCredentialRow | undefined> =>
                trx('staff_members')
                  .where({ tenant_id: tenantId, login: wanted })
                  .first(...COLUMNS),
              )
            : undefined,
        update: (id, decide) =>
          db.withTenant(tenantId, async (trx) => {
            const current: StaffCredentialRow | undefined = await trx('staff_members')
              .where({ tenant_id: tenantId, id })
              .forNoKeyUpdate()
              .first(...COLUMNS);
            const changes = decide(current);
            if (changes) {
              await trx('staff_members')
                .where({ tenant_id: tenantId, id })
                .update({ ...changes, updated_at: clock() });
            }
          }),
        state: (row) => ({
          id: row.id,
          passwordHash: row.password_hash,
          active: row.active,
          failedSignIns: row.failed_sign_ins,
          lockedUntil: row.locked_until,
        }),
        subject: (row) => row.id,
      },
      hasher,
      password,
      clock(),
    );
  }
}
