import type { Database } from '../db/database.js';
import type { TenantTransaction } from '../db/types.js';
import type { TenantSettings } from '../tenancy/types.js';

/** One tenant's own row for one plugin. `enabled: null` means the tenant has no decision of its own. */
export interface TenantPluginRow {
  pluginId: string;
  enabled: boolean | null;
  settings: TenantSettings;
  enabledVersion: string | null;
  firstEnabledAt: Date | null;
}

interface Row {
  plugin_id: string;
  enabled: boolean | null;
  settings: TenantSettings;
  enabled_version: string | null;
  first_enabled_at: Date | null;
}

/** Reads and writes `tenant_plugins`, always inside the tenant's own transaction. */
export class TenantPluginStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Every row of one tenant. */
  async rows(tenantId: string): Promise<Map<string, TenantPluginRow>> {
    const rows = await this.#db.withTenant(tenantId, (trx) =>
      trx<Row>('tenant_plugins').where('tenant_id', tenantId),
    );
    return new Map(rows.map((r) => [r.plugin_id, toRow(r)]));
  }

  /** The tenant's row for a plugin, locked for update. */
  async lock(
    trx: TenantTransaction,
    tenantId: string,
    pluginId: string,
  ): Promise<TenantPluginRow | undefined> {
    const row: Row | undefined = await trx('tenant_plugins')
      .where({ tenant_id: tenantId, plugin_id: pluginId })
      .forUpdate()
      .first();
    return row ? toRow(row) : undefined;
  }

  async write(trx: TenantTransaction, tenantId: string, row: TenantPluginRow): Promise<void> {
    await trx('tenant_plugins')
      .insert({
        tenant_id: tenantId,
        plugin_id: row.pluginId,
        enabled: row.enabled,
        settings: JSON.stringify(row.settings),
        enabled_version: row.enabledVersion,
        first_enabled_at: row.firstEnabledAt,
        updated_at: trx.fn.now(),
      })
      .onConflict(['tenant_id', 'plugin_id'])
      .merge();
  }
}

function toRow(r: Row): TenantPluginRow {
  return {
    pluginId: r.plugin_id,
    enabled: r.enabled,
    settings: r.settings,
    enabledVersion: r.enabled_version,
    firstEnabledAt: r.first_enabled_at,
  };
}
