import { appendAuditFromHost } from '../audit/audit-log.js';
import { TenantReadCache } from './tenant-read-cache.js';
import type { Database } from '../db/database.js';
import type { HostTransaction } from '../db/types.js';
import { fieldErrorsFromAjv, type FieldError } from '../errors/field-error.js';
import type { Locale, LocalizedText } from '../i18n/locales.js';
import {
  tenantExists,
  tenantHasChildren,
  tenantInputInvalid,
  tenantNotFound,
  tenantNotServing,
  tenantParentInvalid,
} from './tenancy.errors.js';
import { assertTenantId } from './tenant-id.js';
import { TenantDomains } from './tenant-domains.js';
import { actor, lockTenant, lockWritableTenant, type TenantRow } from './tenant-rows.js';
import { isTimeZone, validateCreateTenant, validateUpdateTenant } from './tenant-input.schema.js';
import { applySettingsPatch, mergeSettingsLayers, settingsSizeProblem } from './tenant-settings.js';
import type {
  ActorOptions,
  CreateTenantInput,
  ListTenantsQuery,
  Tenant,
  TenantKind,
  TenantRegistry,
  TenantSettings,
  UpdateTenantInput,
} from './types.js';

/** Which kinds of tenant may sit directly above each kind. */
const ALLOWED_PARENTS: Record<TenantKind, readonly TenantKind[]> = {
  country: [],
  region: ['country'],
  city: ['region', 'country'],
};

/** The tenant registry on the platform database's host tables. */
export class PostgresTenantRegistry implements TenantRegistry {
  readonly #db: Database;
  readonly #domains: TenantDomains;
  readonly #cache = new TenantReadCache();

  constructor(db: Database) {
    this.#db = db;
    this.#domains = new TenantDomains(db);
  }

  async create(input: CreateTenantInput, options: ActorOptions = {}): Promise<Tenant> {
    const candidateId = (input as { id?: unknown } | null)?.id;
    if (typeof candidateId === 'string') assertTenantId(candidateId);
    if (!validateCreateTenant(input)) {
      const id = typeof candidateId === 'string' ? candidateId : undefined;
      throw tenantInputInvalid(id, fieldErrorsFromAjv(validateCreateTenant.errors));
    }
    const defaultLocale = input.defaultLocale ?? 'uz-Latn';
    const timeZone = input.timeZone ?? 'Asia/Tashkent';
    this.#checkFields(input.id, { names: input.names, defaultLocale, timeZone });
    return this.#cache.afterWrite(
      this.#db.withHost(async (trx) => {
        if (await trx('tenants').where({ id: input.id }).first('id')) throw tenantExists(input.id);
        await this.#checkParent(trx, input.id, input.kind, input.parentId ?? null);
        const [row] = await trx<TenantRow>('tenants')
          .insert({
            id: input.id,
            kind: input.kind,
            parent_id: input.parentId ?? null,
            names: JSON.stringify(input.names),
            default_locale: defaultLocale,
            time_zone: timeZone,
            settings: JSON.stringify(input.settings ?? {}),
          } as never)
          .onConflict('id')
          .ignore()
          .returning('*');
        if (!row) throw tenantExists(input.id); // created concurrently
        await appendAuditFromHost(trx, input.id, {
          ...actor(options),
          action: 'tenant.create',
          subjectType: 'tenant',
          subjectId: input.id,
          details: { kind: input.kind, parentId: input.parentId ?? null },
        });
        return toTenant(row);
      }),
    );
  }

  async get(id: string): Promise<Tenant> {
    const tenant = await this.find(id);
    if (!tenant) throw tenantNotFound(id);
    return tenant;
  }

  /** Read through the cache: every request resolves its tenant, and tenants seldom change. */
  async find(id: string): Promise<Tenant | undefined> {
    assertTenantId(id);
    const cached = this.#cache.tenant(id);
    if (cached) return cached.value;
    const generation = this.#cache.generation;
    const row = await this.#db.withHost((trx) => trx<TenantRow>('tenants').where({ id }).first());
    const tenant = row ? toTenant(row) : undefined;
    this.#cache.setTenant(id, tenant, generation);
    return tenant;
  }

  async list(query: ListTenantsQuery = {}): Promise<Tenant[]> {
    const rows = await this.#db.withHost((trx) => {
      const q = trx<TenantRow>('tenants').orderBy('id');
      if (query.status) q.where('status', query.status);
      if (query.kind) q.where('kind', query.kind);
      if (query.parentId) q.where('parent_id', query.parentId);
      return q;
    });
    return rows.map(toTenant);
  }

  async update(id: string, patch: UpdateTenantInput, options: ActorOptions = {}): Promise<Tenant> {
    assertTenantId(id);
    if (!validateUpdateTenant(patch))
      throw tenantInputInvalid(id, fieldErrorsFromAjv(validateUpdateTenant.errors));
    return this.#cache.afterWrite(
      this.#db.withHost(async (trx) => {
        const current = await lockWritableTenant(trx, id);
        const names = patch.names ?? current.names;
        const defaultLocale = patch.defaultLocale ?? current.default_locale;
        this.#checkFields(id, { names, defaultLocale, timeZone: patch.timeZone ?? current.time_zone });
        if (patch.parentId !== undefined && patch.parentId !== current.parent_id) {
          await this.#checkParent(trx, id, current.kind, patch.parentId);
        }
        const changes: Record<string, unknown> = { updated_at: trx.fn.now() };
        if (patch.names) changes['names'] = JSON.stringify(patch.names);
        if (patch.parentId !== undefined) changes['parent_id'] = patch.parentId;
        if (patch.defaultLocale) changes['default_locale'] = patch.defaultLocale;
        if (patch.timeZone) changes['time_zone'] = patch.timeZone;
        const [row] = await trx<TenantRow>('tenants').where({ id }).update(changes).returning('*');
        await appendAuditFromHost(trx, id, {
          ...actor(options),
          action: 'tenant.update',
          subjectType: 'tenant',
          subjectId: id,
          details: { fields: Object.keys(patch) },
        });
        return toTenant(row!);
      }),
    );
  }

  suspend(id: string, reason: string, options: ActorOptions = {}): Promise<Tenant> {
    return this.#changeStatus(id, 'suspended', reason, options);
  }

  resume(id: string, options: ActorOptions = {}): Promise<Tenant> {
    return this.#changeStatus(id, 'active', null, options);
  }

  archive(id: string, reason: string, options: ActorOptions = {}): Promise<Tenant> {
    return this.#changeStatus(id, 'archived', reason, options);
  }

  async ancestors(id: string): Promise<Tenant[]> {
    assertTenantId(id);
    return [...(await this.#cache.ancestors(id, () => this.#readAncestors(id)))];
  }

  async #readAncestors(id: string): Promise<Tenant[]> {
    const rows = await this.#db.withHost(async (trx) => {
      await lockTenant(trx, id, false);
      const result = await trx.raw<{ rows: (TenantRow & { depth: number })[] }>(
        `with recursive up as (
           select t.*, 0 as depth from tenants t where t.id = (select parent_id from tenants where id = ?)
           union all
           select t.*, up.depth + 1 from tenants t join up on t.id = up.parent_id where up.depth < 32
         ) select * from up order by depth desc`,
        [id],
      );
      return result.rows;
    });
    return rows.map(toTenant);
  }

  async descendants(id: string): Promise<Tenant[]> {
    assertTenantId(id);
    const rows = await this.#db.withHost(async (trx) => {
      await lockTenant(trx, id, false);
      const result = await trx.raw<{ rows: (TenantRow & { depth: number })[] }>(
        `with recursive down as (
           select t.*, 1 as depth from tenants t where t.parent_id = ?
           union all
           select t.*, down.depth + 1 from tenants t join down on t.parent_id = down.id where down.depth < 32
         ) select * from down order by depth, id`,
        [id],
      );
      return result.rows;
    });
    return rows.map(toTenant);
  }

  async requireActive(id: string): Promise<Tenant> {
    const tenant = await this.get(id);
    if (tenant.status !== 'active') throw tenantNotServing(id, tenant.status, tenant.statusReason);
    return tenant;
  }

  async ownSettings(id: string): Promise<TenantSettings> {
    assertTenantId(id);
    return this.#db.withHost(async (trx) => (await lockTenant(trx, id, false)).settings);
  }

  async effectiveSettings(id: string): Promise<TenantSettings> {
    assertTenantId(id);
    return structuredClone(await this.#cache.settings(id, () => this.#readEffectiveSettings(id)));
  }

  async #readEffectiveSettings(id: string): Promise<TenantSettings> {
    const chain = [...(await this.ancestors(id)).map((t) => t.id), id];
    const rows = await this.#db.withHost((trx) =>
      trx<TenantRow>('tenants').whereIn('id', chain).select('id', 'settings'),
    );
    const byId = new Map(rows.map((r) => [r.id, r.settings]));
    return mergeSettingsLayers(chain.map((t) => byId.get(t) ?? {}));
  }

  async updateSettings(
    id: string,
    patch: TenantSettings,
    options: ActorOptions = {},
  ): Promise<TenantSettings> {
    assertTenantId(id);
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw tenantInputInvalid(id, [{ field: '/settings', message: 'must be a JSON object' }]);
    }
    const sizeProblem = settingsSizeProblem(patch);
    if (sizeProblem) throw tenantInputInvalid(id, [{ field: '/settings', message: sizeProblem }]);
    return this.#cache.afterWrite(
      this.#db.withHost(async (trx) => {
        const current = await lockWritableTenant(trx, id);
        const settings = applySettingsPatch(current.settings, patch);
        await trx('tenants')
          .where({ id })
          .update({ settings: JSON.stringify(settings), updated_at: trx.fn.now() });
        await appendAuditFromHost(trx, id, {
          ...actor(options),
          action: 'tenant.settings.update',
          subjectType: 'tenant',
          subjectId: id,
          details: { keys: Object.keys(patch) },
        });
        return settings;
      }),
    );
  }

  addDomain(id: string, host: string, options: ActorOptions = {}): Promise<void> {
    return this.#cache.afterWrite(this.#domains.add(id, host, options));
  }

  removeDomain(host: string, options: ActorOptions = {}): Promise<void> {
    return this.#cache.afterWrite(this.#domains.remove(host, options));
  }

  domainsOf(id: string): Promise<string[]> {
    return this.#domains.of(id);
  }

  async findByDomain(host: string): Promise<string | undefined> {
    const cached = this.#cache.domain(host);
    if (cached) return cached.value;
    const generation = this.#cache.generation;
    const tenantId = await this.#domains.find(host);
    this.#cache.setDomain(host, tenantId, generation);
    return tenantId;
  }

  async #changeStatus(
    id: string,
    status: Tenant['status'],
    reason: string | null,
    options: ActorOptions,
  ): Promise<Tenant> {
    assertTenantId(id);
    if (status !== 'active' && !(typeof reason === 'string' && reason.trim().length > 0)) {
      throw tenantInputInvalid(id, [{ field: '/reason', message: `is required to make a tenant ${status}` }]);
    }
    return this.#cache.afterWrite(
      this.#db.withHost(async (trx) => {
        const current = await lockWritableTenant(trx, id);
        if (status === 'archived') {
          const children = await trx('tenants')
            .where({ parent_id: id })
            .whereNot({ status: 'archived' })
            .pluck('id');
          if (children.length > 0) throw tenantHasChildren(id, children.map(String));
        }
        const [row] = await trx<TenantRow>('tenants')
          .where({ id })
          .update({ status, status_reason: reason?.trim() ?? null, updated_at: trx.fn.now() } as never)
          .returning('*');
        await appendAuditFromHost(trx, id, {
          ...actor(options),
          action:
            status === 'active'
              ? 'tenant.resume'
              : status === 'suspended'
                ? 'tenant.suspend'
                : 'tenant.archive',
          subjectType: 'tenant',
          subjectId: id,
          details: { from: current.status, to: status, reason },
        });
        return toTenant(row!);
      }),
    );
  }

  #checkFields(id: string, fields: { names: LocalizedText; defaultLocale: Locale; timeZone: string }): void {
    const errors: FieldError[] = [];
    if (!fields.names[fields.defaultLocale]) {
      errors.push({
        field: `/names/${fields.defaultLocale}`,
        message: 'is required: the name in the default locale',
      });
    }
    if (!isTimeZone(fields.timeZone)) {
      errors.push({
        field: '/timeZone',
        message: `"${fields.timeZone}" is not an IANA time zone (e.g. Asia/Tashkent)`,
      });
    }
    if (errors.length > 0) throw tenantInputInvalid(id, errors);
  }

  async #checkParent(
    trx: HostTransaction,
    id: string,
    kind: TenantKind,
    parentId: string | null,
  ): Promise<void> {
    const allowed = ALLOWED_PARENTS[kind];
    if (parentId === null) {
      if (kind === 'country') return;
      throw tenantParentInvalid(id, `a ${kind} needs a parent (${allowed.join(' or ')})`);
    }
    if (allowed.length === 0) throw tenantParentInvalid(id, 'a country has no parent');
    // FOR SHARE: an archive of the parent cannot slip in between this check and our commit.
    const parent = await trx<TenantRow>('tenants').where({ id: parentId }).forShare().first();
    if (!parent) throw tenantParentInvalid(id, `parent "${parentId}" does not exist`);
    if (parent.status === 'archived') throw tenantParentInvalid(id, `parent "${parentId}" is archived`);
    if (!allowed.includes(parent.kind)) {
      throw tenantParentInvalid(
        id,
        `"${parentId}" is a ${parent.kind}; a ${kind} sits under a ${allowed.join(' or ')}`,
      );
    }
  }
}

function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    kind: row.kind,
    parentId: row.parent_id,
    names: row.names,
    status: row.status,
    statusReason: row.status_reason,
    defaultLocale: row.default_locale,
    timeZone: row.time_zone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
