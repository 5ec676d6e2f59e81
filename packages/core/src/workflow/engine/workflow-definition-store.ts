import equal from 'fast-deep-equal';
import type { Database } from '../../db/database.js';
import type { WorkflowDefinition } from '../definition/types.js';
import { CompiledWorkflow } from './compiled-workflow.js';
import { workflowNotFound, workflowOwnedElsewhere, workflowVersionImmutable } from './workflow.errors.js';

interface WorkflowRow {
  key: string;
  version: number;
  plugin_id: string;
  definition: WorkflowDefinition;
}

const TABLE = 'workflow_definitions';

/**
 * Published workflow versions. Publishing stores each (key, version) once in the host table
 * `workflow_definitions` and refuses a changed definition under a stored version; inquiries pinned
 * to any stored version can always be worked. New inquiries use the highest version an active
 * plugin publishes. Every stored version is kept compiled in memory: `load()` reads them all at
 * startup, and a version another process published later is read on first use with {@link fetch}.
 */
export class WorkflowDefinitionStore {
  readonly #db: Database;
  readonly #versions = new Map<string, CompiledWorkflow>();
  /** The version new inquiries use, per key, among active plugins' workflows. */
  readonly #current = new Map<string, CompiledWorkflow>();

  constructor(db: Database) {
    this.#db = db;
  }

  /** Reads every stored version into memory. */
  async load(): Promise<void> {
    const rows = await this.#db.withHost((trx) => trx<WorkflowRow>(TABLE).select());
    for (const row of rows) this.#remember(new CompiledWorkflow(row.plugin_id, row.definition));
  }

  /**
   * Stores a plugin's validated workflows and makes them current. One host transaction: a refused
   * version leaves nothing stored.
   */
  async publish(pluginId: string, definitions: readonly WorkflowDefinition[]): Promise<void> {
    if (definitions.length === 0) return;
    await this.#db.withHost(async (trx) => {
      const keys = [...new Set(definitions.map((d) => d.key))];
      const owners: { key: string; plugin_id: string }[] = await trx(TABLE)
        .whereIn('key', keys)
        .whereNot('plugin_id', pluginId)
        .distinct('key', 'plugin_id');
      if (owners[0]) throw workflowOwnedElsewhere(owners[0].key, pluginId, owners[0].plugin_id);
      await trx(TABLE)
        .insert(
          definitions.map((d) => ({
            key: d.key,
            version: d.version,
            plugin_id: pluginId,
            definition: JSON.stringify(d),
          })),
        )
        .onConflict(['key', 'version'])
        .ignore();
      const stored: WorkflowRow[] = await trx(TABLE).whereIn(
        ['key', 'version'],
        definitions.map((d) => [d.key, d.version]),
      );
      const byVersion = new Map(stored.map((r) => [`${r.key}@${r.version}`, r]));
      for (const definition of definitions) {
        const row = byVersion.get(`${definition.key}@${definition.version}`)!;
        if (!equal(row.definition, JSON.parse(JSON.stringify(definition)))) {
          throw workflowVersionImmutable(definition.key, definition.version, pluginId);
        }
      }
    });
    for (const definition of definitions) {
      const compiled = new CompiledWorkflow(pluginId, definition);
      this.#remember(compiled);
      const current = this.#current.get(compiled.key);
      if (!current || current.version < compiled.version) this.#current.set(compiled.key, compiled);
    }
  }

  /** The plugin stopped: its workflows take no new inquiries (pinned versions stay readable). */
  withdrawPlugin(pluginId: string): void {
    for (const [key, compiled] of this.#current)
      if (compiled.pluginId === pluginId) this.#current.delete(key);
  }

  /** The version new inquiries of `key` are filed on. */
  current(key: string): CompiledWorkflow {
    const compiled = this.#current.get(key);
    if (!compiled) throw workflowNotFound(key);
    return compiled;
  }

  /** Whether an active plugin publishes `key`. */
  isPublished(key: string): boolean {
    return this.#current.has(key);
  }

  /** A stored version from memory, or undefined when this process has not read it yet. */
  cached(key: string, version: number): CompiledWorkflow | undefined {
    return this.#versions.get(`${key}@${version}`);
  }

  /** A stored version, read from the host table when this process has not seen it. */
  async fetch(key: string, version: number): Promise<CompiledWorkflow> {
    const cached = this.cached(key, version);
    if (cached) return cached;
    const row = await this.#db.withHost((trx) => trx<WorkflowRow>(TABLE).where({ key, version }).first());
    if (!row) throw workflowNotFound(key, version);
    return this.#remember(new CompiledWorkflow(row.plugin_id, row.definition));
  }

  /** Every version of `key` known to this process, oldest first. */
  versions(key: string): CompiledWorkflow[] {
    return [...this.#versions.values()].filter((c) => c.key === key).sort((a, b) => a.version - b.version);
  }

  #remember(compiled: CompiledWorkflow): CompiledWorkflow {
    const id = `${compiled.key}@${compiled.version}`;
    const known = this.#versions.get(id);
    if (known) return known;
    this.#versions.set(id, compiled);
    return compiled;
  }
}
