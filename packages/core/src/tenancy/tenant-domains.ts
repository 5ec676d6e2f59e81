import { appendAuditFromHost } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { domainInvalid, domainTaken } from './tenancy.errors.js';
import { assertTenantId } from './tenant-id.js';
import { isHostName, normalizeHostName } from './tenant-input.schema.js';
import { actor, lockTenant, lockWritableTenant } from './tenant-rows.js';
import type { ActorOptions } from './types.js';

/** Host names registered to tenants (`tenant_domains`), for the registry's domain methods. */
export class TenantDomains {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async add(id: string, host: string, options: ActorOptions = {}): Promise<void> {
    assertTenantId(id);
    const normalized = normalizeHost(host);
    await this.#db.withHost(async (trx) => {
      await lockWritableTenant(trx, id);
      const inserted = await trx('tenant_domains')
        .insert({ host: normalized, tenant_id: id })
        .onConflict('host')
        .ignore()
        .returning('host');
      if (inserted.length === 0) {
        const owner = await trx('tenant_domains')
          .where({ host: normalized })
          .first<{ tenant_id: string }>('tenant_id');
        if (owner?.tenant_id === id) return;
        throw domainTaken(normalized, owner?.tenant_id ?? '?');
      }
      await appendAuditFromHost(trx, id, {
        ...actor(options),
        action: 'tenant.domain.add',
        subjectType: 'domain',
        subjectId: normalized,
      });
    });
  }

  async remove(host: string, options: ActorOptions = {}): Promise<void> {
    const normalized = normalizeHost(host);
    await this.#db.withHost(async (trx) => {
      const [row] = await trx('tenant_domains')
        .where({ host: normalized })
        .delete()
        .returning<{ tenant_id: string }[]>('tenant_id');
      if (!row) return;
      await appendAuditFromHost(trx, row.tenant_id, {
        ...actor(options),
        action: 'tenant.domain.remove',
        subjectType: 'domain',
        subjectId: normalized,
      });
    });
  }

  async of(id: string): Promise<string[]> {
    assertTenantId(id);
    return this.#db.withHost(async (trx) => {
      await lockTenant(trx, id, false);
      return (await trx('tenant_domains').where({ tenant_id: id }).orderBy('host').pluck('host')).map(String);
    });
  }

  async find(host: string): Promise<string | undefined> {
    const normalized = normalizeHostName(host);
    if (!isHostName(normalized)) return undefined;
    const row = await this.#db.withHost((trx) =>
      trx('tenant_domains').where({ host: normalized }).first<{ tenant_id: string } | undefined>('tenant_id'),
    );
    return row?.tenant_id;
  }
}

function normalizeHost(host: string): string {
  const normalized = typeof host === 'string' ? normalizeHostName(host) : '';
  if (!isHostName(normalized)) throw domainInvalid(String(host));
  return normalized;
}
