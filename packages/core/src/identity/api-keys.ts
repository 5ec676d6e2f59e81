import { appendAudit } from '../audit/audit-log.js';
import { ReadCache } from '../cache/read-cache.js';
import { currentContext } from '../context/request-context.js';
import type { TenantTransaction } from '../db/types.js';
import { missingCodes } from '../registry/missing-codes.js';
import { violatedForeignKey } from '../registry/foreign-key-violation.js';
import { isUuid } from '../staff/staff-rows.js';
import { tenantNotFound } from '../tenancy/tenancy.errors.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import { actor } from '../tenancy/tenant-rows.js';
import type { ActorOptions } from '../tenancy/types.js';
import { apiKeyAgencyUnknown, apiKeyNotFound, identityInputInvalid } from './identity.errors.js';
import type { IdentityDeps } from './identity-deps.js';
import { apiKeyProblems } from './identity-input.schema.js';
import { newSecret, parseTenantToken, sha256Hex, tenantToken } from './identity-tokens.js';
import type { ApiKey, CreateApiKeyInput, CreatedApiKey } from './identity-types.js';

/** `last_used_at` is written at most this often. */
const TOUCH_INTERVAL_MS = 60_000;
/** Characters of the secret kept in the prefix, after `dk_<tenant>_`. */
const PREFIX_SECRET_CHARS = 4;

/** A row of the tenant table `api_keys`. */
interface ApiKeyRow {
  tenant_id: string;
  id: string;
  name: string;
  role: string;
  agency_codes: string[];
  prefix: string;
  created_at: Date;
  created_by: string;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = [
  'tenant_id',
  'id',
  'name',
  'role',
  'agency_codes',
  'prefix',
  'created_at',
  'created_by',
  'last_used_at',
  'revoked_at',
] as const;

/**
 * Integrations' keys, one tenant and one role each, in the tenant table `api_keys`. A key is
 * `dk_<tenantId>_<secret>` and is shown once, when it is made; the table keeps only its SHA-256.
 * A fast hash is the right one here, unlike for passwords: the secret is 256 random bits, so
 * there is nothing to guess from a stolen hash and no need for a salt or a slow function, and
 * every API call looks its key up by that hash, which a salted, slow hash would not allow.
 * A live key is trusted for 5 s once verified ({@link ReadCache}); revoking it through this process
 * applies at once, through another process within those 5 s.
 */
export class ApiKeys {
  readonly #deps: IdentityDeps;
  readonly #live: ReadCache<ApiKeyRow | undefined>;

  constructor(deps: IdentityDeps) {
    this.#deps = deps;
    this.#live = new ReadCache(deps.cacheNow ? { now: deps.cacheNow } : {});
  }

  /** Makes a key; audited (`api_key.create`) in the same transaction. */
  async create(
    tenantId: string,
    input: CreateApiKeyInput,
    options: ActorOptions = {},
  ): Promise<CreatedApiKey> {
    assertTenantId(tenantId);
    const problems = apiKeyProblems(input);
    if (problems.length > 0) throw identityInputInvalid('New API key', problems, tenantId);
    const agencyCodes = input.agencyCodes ?? [];
    const key = tenantToken('dk', tenantId, newSecret());
    const prefix = key.slice(0, `dk_${tenantId}_`.length + PREFIX_SECRET_CHARS);
    const now = this.#deps.clock();
    try {
      const row = await this.#deps.db.withTenant(tenantId, async (trx) => {
        await assertAgenciesExist(trx, tenantId, agencyCodes);
        const [inserted]: ApiKeyRow[] = await trx('api_keys')
          .insert({
            tenant_id: tenantId,
            name: input.name.trim(),
            role: input.role,
            agency_codes: agencyCodes,
            prefix,
            secret_hash: sha256Hex(key),
            created_at: now,
            created_by: options.actor ?? currentContext()?.userId ?? 'system',
          })
          .returning([...COLUMNS]);
        await appendAudit(trx, tenantId, {
          ...actor(options),
          action: 'api_key.create',
          subjectType: 'api_key',
          subjectId: inserted!.id,
          details: { name: inserted!.name, role: inserted!.role, agencyCodes, prefix },
        });
        return inserted!;
      });
      return { key, apiKey: toApiKey(row) };
    } catch (error) {
      if (violatedForeignKey(error) === 'api_keys_tenant_id_foreign') throw tenantNotFound(tenantId);
      throw error;
    }
  }

  /** The tenant's keys, newest first, revoked ones included; never with their secrets. */
  async list(tenantId: string): Promise<ApiKey[]> {
    assertTenantId(tenantId);
    const rows: ApiKeyRow[] = await this.#deps.db.withTenant(tenantId, (trx) =>
      trx('api_keys')
        .where('tenant_id', tenantId)
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .select(...COLUMNS),
    );
    return rows.map(toApiKey);
  }

  /** Revokes a key for good; audited (`api_key.revoke`). Revoking a revoked key changes nothing. */
  async revoke(tenantId: string, keyId: string, options: ActorOptions = {}): Promise<ApiKey> {
    assertTenantId(tenantId);
    if (!isUuid(keyId)) throw apiKeyNotFound(tenantId, String(keyId));
    const now = this.#deps.clock();
    const revoking = this.#deps.db.withTenant(tenantId, async (trx) => {
      const current: ApiKeyRow | undefined = await trx('api_keys')
        .where({ tenant_id: tenantId, id: keyId })
        .forUpdate()
        .first(...COLUMNS);
      if (!current) throw apiKeyNotFound(tenantId, keyId);
      if (current.revoked_at) return current;
      await trx('api_keys').where({ tenant_id: tenantId, id: keyId }).update({ revoked_at: now });
      await appendAudit(trx, tenantId, {
        ...actor(options),
        action: 'api_key.revoke',
        subjectType: 'api_key',
        subjectId: keyId,
        details: { name: current.name, prefix: current.prefix },
      });
      return { ...current, revoked_at: now };
    });
    return toApiKey(await this.#live.afterWrite(revoking));
  }

  /**
   * The live key `key` names, or undefined (unknown, malformed, revoked, another tenant's secret
   * under this tenant's name). Looked up only under the tenant the key names. A use is recorded in
   * `last_used_at`, at most once a minute (when it is read from the database rather than the cache).
   * Unknown keys are not cached, so made-up keys cannot push live ones out.
   */
  async verify(key: string): Promise<ApiKey | undefined> {
    const parsed = parseTenantToken('dk', key);
    if (!parsed || parsed.tenantId === null) return undefined;
    const tenantId = parsed.tenantId;
    const row = await this.#live.read(
      `${tenantId}:${parsed.hash}`,
      () => this.#read(tenantId, parsed.hash),
      (found) => found !== undefined,
    );
    return row && toApiKey(row);
  }

  async #read(tenantId: string, hash: string): Promise<ApiKeyRow | undefined> {
    const now = this.#deps.clock();
    return this.#deps.db.withTenant(tenantId, async (trx) => {
      const found: ApiKeyRow | undefined = await trx('api_keys')
        .where({ tenant_id: tenantId, secret_hash: hash })
        .whereNull('revoked_at')
        .first(...COLUMNS);
      if (!found) return undefined;
      const lastUsed = found.last_used_at?.getTime();
      if (lastUsed !== undefined && now.getTime() - lastUsed < TOUCH_INTERVAL_MS) return found;
      await trx('api_keys').where({ tenant_id: tenantId, id: found.id }).update({ last_used_at: now });
      return { ...found, last_used_at: now };
    });
  }
}

/** Throws `DARCHA_IDENTITY_AGENCY_UNKNOWN`, naming every code the tenant has no agency for. */
async function assertAgenciesExist(
  trx: TenantTransaction,
  tenantId: string,
  codes: readonly string[],
): Promise<void> {
  const missing = await missingCodes(trx, 'agencies', tenantId, codes);
  if (missing.length > 0) throw apiKeyAgencyUnknown(tenantId, missing);
}

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    role: row.role,
    agencyCodes: [...row.agency_codes],
    prefix: row.prefix,
    createdAt: row.created_at,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
