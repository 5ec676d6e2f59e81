import type { ServiceDefinition } from '../../registry/types.js';
import type { CompiledWorkflow } from './compiled-workflow.js';
import type { WorkflowDefinitionStore } from './workflow-definition-store.js';
import type { ServiceRegistry } from '../../registry/contracts.js';

/**
 * Thrown inside an inquiry's transaction when a pinned workflow or service version is not in this
 * process's memory yet. Definitions live in host tables, which a tenant transaction cannot read
 * (and a second connection could deadlock PGlite's single one), so the engine catches it, reads the
 * versions outside, and runs the command again. It happens once per version per process.
 */
export class DefinitionsNeeded extends Error {
  constructor(
    readonly workflow?: { key: string; version: number },
    readonly service?: { code: string; version: number },
  ) {
    super('definitions needed');
  }
}

/** Pinned workflow and service versions, from memory, for use inside tenant transactions. */
export class PinnedDefinitions {
  readonly #workflows: WorkflowDefinitionStore;
  readonly #services: ServiceRegistry;
  readonly #serviceVersions = new Map<string, ServiceDefinition>();

  constructor(workflows: WorkflowDefinitionStore, services: ServiceRegistry) {
    this.#workflows = workflows;
    this.#services = services;
  }

  workflow(key: string, version: number): CompiledWorkflow {
    const compiled = this.#workflows.cached(key, version);
    if (!compiled) throw new DefinitionsNeeded({ key, version });
    return compiled;
  }

  service(code: string, version: number): ServiceDefinition {
    const definition = this.#serviceVersions.get(`${code}@${version}`);
    if (!definition) throw new DefinitionsNeeded(undefined, { code, version });
    return definition;
  }

  /** A stored workflow version, read from the host table if needed (outside any transaction). */
  workflowVersion(key: string, version: number): Promise<CompiledWorkflow> {
    return this.#workflows.fetch(key, version);
  }

  /** Reads what a {@link DefinitionsNeeded} asked for (outside any transaction). */
  async fetch(needed: DefinitionsNeeded): Promise<void> {
    if (needed.workflow) await this.#workflows.fetch(needed.workflow.key, needed.workflow.version);
    if (needed.service) await this.rememberService(needed.service.code, needed.service.version);
  }

  /** Reads and keeps a service version (versions never change, so it is kept for good). */
  async rememberService(code: string, version: number): Promise<ServiceDefinition> {
    const id = `${code}@${version}`;
    const known = this.#serviceVersions.get(id);
    if (known) return known;
    const definition = await this.#services.get(code, version);
    this.#serviceVersions.set(id, definition);
    return definition;
  }
}
