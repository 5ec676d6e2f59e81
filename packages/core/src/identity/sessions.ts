import type { Knex } from 'knex';
import { ReadCache } from '../cache/read-cache.js';
import { violatedForeignKey } from '../registry/foreign-key-violation.js';
import { staffNotFound } from '../staff/staff.errors.js';
import { isUuid } from '../staff/staff-rows.js';
import { tenantNotFound } from '../tenancy/tenancy.errors.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import { identityInputInvalid, platformUserNotFound } from './identity.errors.js';
import type { IdentityDeps } from './identity-deps.js';
import {
  newSecret,
  parsePlatformToken,
  parseTenantToken,
  platformToken,
  sha256Hex,
  tenantToken,
  type ParsedToken,
} from './identity-tokens.js';
import {
  SESSION_IDLE_MINUTES,
  SESSION_MAX_DAYS,
  type CreatedSession,
  type IdentityService,
  type SessionRecord,
} from './identity-types.js';

/** A session's `last_seen_at` is written at most this often, to keep writes low. */
const TOUCH_INTERVAL_MS = 60_000;
const IDLE_MS = SESSION_IDLE_MINUTES * 60_000;
const MAX_MS = SESSION_MAX_DAYS * 24 * 60 * 60_000;

type SessionSubject = Parameters<IdentityService['createSession']>[0];

/** A row of `platform_sessions` or `staff_sessions`, with the subject's id under one name. */
interface SessionRow {
  id: string;
  tenant_id: string | null;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

/**
 * Sessions of platform users (host table `platform_sessions`) and of staff (tenant table
 * `staff_sessions`). The token is only ever with the client; a row is keyed by its SHA-256. A
 * session expires after {@link SESSION_IDLE_MINUTES} without use, and {@link SESSION_MAX_DAYS} after
 * it was opened however much it is used; each use (at most once a minute) pushes the idle expiry on.
 */
export class Sessions {
  readonly #deps: IdentityDeps;
  /** Live sessions by token hash, trusted for 5 s; unknown tokens are not kept. */
  readonly #live: ReadCache<SessionRow | undefined>;

  constructor(deps: IdentityDeps) {
    this.#deps = deps;
    this.#live = new ReadCache(deps.cacheNow ? { now: deps.cacheNow } : {});
  }

  /** Empties the cache, for changes made elsewhere that end sessions (a deactivated member). */
  forgetAll(): void {
    this.#live.clear();
  }

  /** Empties the cache around a write that revokes sessions some other way (new credentials). */
  afterRevoking<T>(write: Promise<T>): Promise<T> {
    return this.#live.afterWrite(write);
  }

  async create(subject: SessionSubject): Promise<CreatedSession> {
    const now = this.#deps.clock();
    const csrfToken = newSecret();
    const expiresAt = new Date(now.getTime() + Math.min(IDLE_MS, MAX_MS));
    const times = { created_at: now, last_seen_at: now, expires_at: expiresAt };
    if (subject?.kind === 'platform_user') {
      const { userId } = subject;
      if (!isUuid(userId)) throw platformUserNotFound(String(userId));
      const token = platformToken(newSecret());
      const id = sha256Hex(token);
      try {
        await this.#deps.db.withHost((trx) =>
          trx('platform_sessions').insert({ id, user_id: userId, csrf_token: csrfToken, ...times }),
        );
      } catch (error) {
        if (violatedForeignKey(error)) throw platformUserNotFound(userId);
        throw error;
      }
      return {
        token,
        session: record({ id, tenant_id: null, user_id: userId, csrf_token: csrfToken, ...times }),
      };
    }
    if (subject?.kind === 'staff') {
      const { tenantId, userId } = subject;
      assertTenantId(tenantId);
      if (!isUuid(userId)) throw staffNotFound(tenantId, String(userId));
      const token = tenantToken('ss', tenantId, newSecret());
      const id = sha256Hex(token);
      try {
        await this.#deps.db.withTenant(tenantId, (trx) =>
          trx('staff_sessions').insert({
            tenant_id: tenantId,
            id,
            staff_id: userId,
            csrf_token: csrfToken,
            ...times,
          }),
        );
      } catch (error) {
        const key = violatedForeignKey(error);
        if (key === 'staff_sessions_tenant_id_foreign') throw tenantNotFound(tenantId);
        if (key) throw staffNotFound(tenantId, userId);
        throw error;
      }
      return {
        token,
        session: record({ id, tenant_id: tenantId, user_id: userId, csrf_token: csrfToken, ...times }),
      };
    }
    throw identityInputInvalid('Session subject', [
      { field: '/kind', message: 'must be one of: "platform_user", "staff"' },
    ]);
  }

  /**
   * The live session `token` names, or undefined: unknown, malformed, expired, revoked, or its user
   * deactivated. A staff token is looked up only under the tenant it names.
   */
  async find(token: string): Promise<SessionRecord | undefined> {
    const parsed = parse(token);
    if (!parsed) return undefined;
    const key = `${parsed.tenantId ?? ''}:${parsed.hash}`;
    const row = await this.#live.read(
      key,
      () => this.#read(parsed),
      (found) => found !== undefined,
    );
    if (!row) return undefined;
    if (row.expires_at.getTime() > this.#deps.clock().getTime()) return record(row);
    this.#live.forget(key);
    return undefined;
  }

  /** The live session's row, its use recorded (at most once a minute, which also extends it). */
  async #read(parsed: ParsedToken): Promise<SessionRow | undefined> {
    const now = this.#deps.clock();
    if (parsed.tenantId === null) {
      return this.#deps.db.withHost(async (trx) => {
        const row: SessionRow | undefined = await trx('platform_sessions as s')
          .join('platform_users as u', 'u.id', 's.user_id')
          .where('s.id', parsed.hash)
          .where('u.active', true)
          .whereNull('s.revoked_at')
          .where('s.expires_at', '>', now)
          .first(
            's.id',
            trx.raw('null::text as tenant_id'),
            's.user_id',
            's.csrf_token',
            's.created_at',
            's.last_seen_at',
            's.expires_at',
          );
        return row && touch(trx, 'platform_sessions', {}, row, now);
      });
    }
    const tenantId = parsed.tenantId;
    return this.#deps.db.withTenant(tenantId, async (trx) => {
      const row: SessionRow | undefined = await trx('staff_sessions as s')
        .join('staff_members as m', function () {
          this.on('m.tenant_id', 's.tenant_id').andOn('m.id', 's.staff_id');
        })
        .where({ 's.tenant_id': tenantId, 's.id': parsed.hash, 'm.active': true })
        .whereNull('s.revoked_at')
        .where('s.expires_at', '>', now)
        .first(
          's.id',
          's.tenant_id',
          's.staff_id as user_id',
          's.csrf_token',
          's.created_at',
          's.last_seen_at',
          's.expires_at',
        );
      return row && touch(trx, 'staff_sessions', { tenant_id: tenantId }, row, now);
    });
  }

  /** Ends the session `token` names; nothing happens for an unknown or malformed token. */
  async revoke(token: string): Promise<void> {
    const parsed = parse(token);
    if (!parsed) return;
    await this.#live.afterWrite(this.#revoke(parsed));
  }

  async #revoke(parsed: ParsedToken): Promise<void> {
    const now = this.#deps.clock();
    if (parsed.tenantId === null) {
      await this.#deps.db.withHost((trx) =>
        trx('platform_sessions')
          .where({ id: parsed.hash })
          .whereNull('revoked_at')
          .update({ revoked_at: now }),
      );
      return;
    }
    const tenantId = parsed.tenantId;
    await this.#deps.db.withTenant(tenantId, (trx) =>
      trx('staff_sessions')
        .where({ tenant_id: tenantId, id: parsed.hash })
        .whereNull('revoked_at')
        .update({ revoked_at: now }),
    );
  }
}

function parse(token: unknown): ParsedToken | undefined {
  return parsePlatformToken(token) ?? parseTenantToken('ss', token);
}

/** Records a use of the session, unless one was recorded less than a minute ago. */
async function touch(
  trx: Knex.Transaction,
  table: 'platform_sessions' | 'staff_sessions',
  scope: Record<string, string>,
  row: SessionRow,
  now: Date,
): Promise<SessionRow> {
  if (now.getTime() - row.last_seen_at.getTime() < TOUCH_INTERVAL_MS) return row;
  const expiresAt = new Date(Math.min(now.getTime() + IDLE_MS, row.created_at.getTime() + MAX_MS));
  await trx(table)
    .where({ ...scope, id: row.id })
    .update({ last_seen_at: now, expires_at: expiresAt });
  return { ...row, last_seen_at: now, expires_at: expiresAt };
}

function record(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    kind: row.tenant_id === null ? 'platform_user' : 'staff',
    tenantId: row.tenant_id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
