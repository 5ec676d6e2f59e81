import equal from 'fast-deep-equal';
import type { HostTransaction } from '../db/types.js';
import { serviceConflict, versionImmutable } from './registry.errors.js';
import type { PublishedService, ServiceDefinition } from './types.js';
import { deepFreeze } from '../util/deep-freeze.js';

/** A row of the host table `service_definitions`: one published version, never updated. */
interface ServiceDefinitionRow {
  code: string;
  version: number;
  plugin_id: string;
  definition: ServiceDefinition;
  published_at: Date;
}

const TABLE = 'service_definitions';

/**
 * Stores a plugin's service versions in the caller's host transaction. New (code, version) pairs are
 * inserted; a pair already stored must hold the same definition, compared in its JSON form (key order
 * and `undefined` properties do not count), else `DARCHA_REGISTRY_VERSION_IMMUTABLE` and the caller's
 * transaction rolls back. Concurrent publishers of the same version meet on the primary key.
 */
export async function storeServiceVersions(
  trx: HostTransaction,
  pluginId: string,
  definitions: readonly ServiceDefinition[],
): Promise<void> {
  if (definitions.length === 0) return;
  // A code belongs to the plugin that first stored it, across restarts: nobody else may add versions.
  const owners: { code: string; plugin_id: string }[] = await trx(TABLE)
    .whereIn('code', [...new Set(definitions.map((d) => d.code))])
    .whereNot('plugin_id', pluginId)
    .distinct('code', 'plugin_id');
  if (owners[0]) throw serviceConflict(owners[0].code, pluginId, owners[0].plugin_id);
  const inserted: { code: string; version: number }[] = await trx(TABLE)
    .insert(
      definitions.map((d) => ({
        code: d.code,
        version: d.version,
        plugin_id: pluginId,
        definition: JSON.stringify(d),
      })),
    )
    .onConflict(['code', 'version'])
    .ignore()
    .returning(['code', 'version']);
  const isNew = new Set(inserted.map((r) => key(r.code, r.version)));
  const existing = definitions.filter((d) => !isNew.has(key(d.code, d.version)));
  if (existing.length === 0) return;
  const rows: ServiceDefinitionRow[] = await trx(TABLE).whereIn(
    ['code', 'version'],
    existing.map((d) => [d.code, d.version]),
  );
  const stored = new Map(rows.map((r) => [key(r.code, r.version), r]));
  for (const definition of existing) {
    const row = stored.get(key(definition.code, definition.version))!;
    if (!equal(row.definition, jsonForm(definition))) {
      throw versionImmutable(definition.code, definition.version, pluginId, row.plugin_id);
    }
  }
}

/** One stored version, or undefined. */
export async function readServiceVersion(
  trx: HostTransaction,
  code: string,
  version: number,
): Promise<PublishedService | undefined> {
  const row: ServiceDefinitionRow | undefined = await trx(TABLE).where({ code, version }).first();
  return row ? toPublished(row) : undefined;
}

/** Every stored version of a service, oldest first. */
export async function readServiceVersions(trx: HostTransaction, code: string): Promise<PublishedService[]> {
  const rows: ServiceDefinitionRow[] = await trx(TABLE).where({ code }).orderBy('version');
  return rows.map(toPublished);
}

/** A deep, frozen copy of a value in its JSON form: what the database stores and gives back. */
export function frozenJson<T>(value: T): T {
  return deepFreeze(jsonForm(value));
}

function jsonForm<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function toPublished(row: ServiceDefinitionRow): PublishedService {
  return { pluginId: row.plugin_id, definition: deepFreeze(row.definition), publishedAt: row.published_at };
}

function key(code: string, version: number): string {
  return `${code}@${version}`;
}
