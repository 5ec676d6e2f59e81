import type { Database } from '../db/database.js';
import type { Locale } from '../i18n/locales.js';
import { CategoryTree } from './category-tree.js';
import type { ServiceRegistry } from './contracts.js';
import {
  serviceCategoryInvalid,
  serviceConflict,
  serviceInvalid,
  serviceNotFound,
  validatorMissing,
  type InvalidService,
} from './registry.errors.js';
import { serviceDefinitionProblems } from './service-definition-checks.js';
import {
  frozenJson,
  readServiceVersion,
  readServiceVersions,
  storeServiceVersions,
} from './service-definition-store.js';
import type {
  ApplicationValidationResult,
  PublishedService,
  ServiceCategory,
  ServiceDefinition,
} from './types.js';
import { compareStrings as compare } from '../util/compare-strings.js';

/** How the registry reaches the application-form validator, which lives in its own module. */
export interface ServiceRegistryOptions {
  /** Compiles a definition's form (formats, UI hints); throws when it cannot. Called on publish. */
  compileForm?: (definition: ServiceDefinition) => void;
  /** Validates application data against a definition's form, with messages in `locale`. */
  validate?: (
    definition: ServiceDefinition,
    data: unknown,
    locale: Locale,
  ) => ApplicationValidationResult | Promise<ApplicationValidationResult>;
}

/** The versions an active plugin publishes for one service code, frozen. */
interface ActiveService {
  pluginId: string;
  versions: Map<number, ServiceDefinition>;
}

/**
 * The service registry: the classification tree and the services of active plugins in memory (per
 * process), every version ever published in the host table `service_definitions` (per
 * installation). Definitions handed out are frozen: a published version never changes.
 *
 * @example
 * const registry = new PostgresServiceRegistry(db, { compileForm, validate });
 * registry.addCategories('agency-gas', [{ id: 'utilities.gas', names: { en: 'Gas' } }]);
 * await registry.publish('agency-gas', [noDebtCertificate]);
 * await registry.get('gas.no-debt-certificate'); // the highest version
 * await registry.get('gas.no-debt-certificate', 1); // an old one, from the table
 */
export class PostgresServiceRegistry implements ServiceRegistry {
  readonly #db: Database;
  readonly #options: ServiceRegistryOptions;
  readonly #tree = new CategoryTree();
  readonly #services = new Map<string, ActiveService>();

  constructor(db: Database, options: ServiceRegistryOptions = {}) {
    this.#db = db;
    this.#options = options;
  }

  addCategories(pluginId: string, categories: readonly ServiceCategory[]): void {
    this.#tree.add(pluginId, categories, (id) => this.#holdsServices(id));
  }

  async publish(pluginId: string, services: readonly ServiceDefinition[]): Promise<void> {
    const definitions = this.#validated(pluginId, services);
    this.#checkOwnership(pluginId, definitions);
    await this.#db.withHost(async (trx) => {
      await storeServiceVersions(trx, pluginId, definitions);
      // Forms compile only once their versions are known to be new or unchanged: a compiler that
      // caches per (code, version) never keeps a form the registry refused. A failure rolls back.
      this.#compileForms(pluginId, definitions);
    });
    this.#checkOwnership(pluginId, definitions); // another publish may have won while we stored
    for (const definition of definitions) {
      const active = this.#services.get(definition.code) ?? { pluginId, versions: new Map() };
      active.versions.set(definition.version, definition);
      this.#services.set(definition.code, active);
    }
  }

  withdrawPlugin(pluginId: string): void {
    for (const [code, active] of this.#services) {
      if (active.pluginId === pluginId) this.#services.delete(code);
    }
    this.#tree.withdraw(pluginId, (id) => this.#holdsServices(id));
  }

  async get(code: string, version?: number): Promise<ServiceDefinition> {
    const active = this.#services.get(code);
    if (version === undefined) {
      if (!active) throw serviceNotFound(code);
      return current(active);
    }
    if (!Number.isInteger(version) || version < 1) throw serviceNotFound(code, version);
    const known = active?.versions.get(version);
    if (known) return known;
    const stored = await this.#db.withHost((trx) => readServiceVersion(trx, code, version));
    if (!stored) throw serviceNotFound(code, version);
    return stored.definition;
  }

  list(): ServiceDefinition[] {
    return [...this.#services.values()].map(current).sort((a, b) => compare(a.code, b.code));
  }

  async versions(code: string): Promise<PublishedService[]> {
    const stored = await this.#db.withHost((trx) => readServiceVersions(trx, code));
    if (stored.length === 0) throw serviceNotFound(code);
    return stored;
  }

  categories(): ServiceCategory[] {
    return this.#tree.list();
  }

  async validateApplication(
    code: string,
    data: unknown,
    locale: Locale,
    version?: number,
  ): Promise<ApplicationValidationResult> {
    const definition = await this.get(code, version);
    const validate = this.#options.validate;
    if (!validate) throw validatorMissing(code);
    return validate(definition, data, locale);
  }

  /** Schema and semantic checks on every definition, then their categories. */
  #validated(pluginId: string, services: readonly ServiceDefinition[]): ServiceDefinition[] {
    if (!Array.isArray(services)) {
      throw serviceInvalid(pluginId, [
        { code: '(services)', version: null, problems: ['/: must be an array of service definitions'] },
      ]);
    }
    const invalid: InvalidService[] = [];
    const seen = new Set<string>();
    const definitions: ServiceDefinition[] = [];
    services.forEach((service, index) => {
      const candidate = service as Partial<ServiceDefinition> | null;
      const code = typeof candidate?.code === 'string' ? candidate.code : `(service #${index + 1})`;
      const version = typeof candidate?.version === 'number' ? candidate.version : null;
      const problems = serviceDefinitionProblems(service);
      if (seen.has(`${code}@${version}`)) problems.push(`/version: ${version} of "${code}" is listed twice`);
      seen.add(`${code}@${version}`);
      if (problems.length > 0) invalid.push({ code, version, problems });
      else definitions.push(frozenJson(service));
    });
    if (invalid.length > 0) throw serviceInvalid(pluginId, invalid);
    for (const definition of definitions) {
      if (!this.#tree.has(definition.category)) {
        throw serviceCategoryInvalid(pluginId, definition.code, definition.category, 'no such category');
      }
      if (this.#tree.hasChildren(definition.category)) {
        const reason = 'it has subcategories, and services sit in leaf categories only';
        throw serviceCategoryInvalid(pluginId, definition.code, definition.category, reason);
      }
    }
    return definitions;
  }

  /** Runs the form compiler, if any, on every definition; reports every form it refuses. */
  #compileForms(pluginId: string, definitions: readonly ServiceDefinition[]): void {
    const compileForm = this.#options.compileForm;
    if (!compileForm) return;
    const invalid: InvalidService[] = [];
    for (const definition of definitions) {
      try {
        compileForm(definition);
      } catch (error) {
        const problem = `/form: ${error instanceof Error ? error.message : String(error)}`;
        invalid.push({ code: definition.code, version: definition.version, problems: [problem] });
      }
    }
    if (invalid.length > 0) throw serviceInvalid(pluginId, invalid);
  }

  #checkOwnership(pluginId: string, definitions: readonly ServiceDefinition[]): void {
    for (const definition of definitions) {
      const owner = this.#services.get(definition.code)?.pluginId;
      if (owner !== undefined && owner !== pluginId) throw serviceConflict(definition.code, pluginId, owner);
    }
  }

  #holdsServices(categoryId: string): boolean {
    for (const active of this.#services.values()) {
      for (const definition of active.versions.values()) if (definition.category === categoryId) return true;
    }
    return false;
  }
}

/** The highest version an active plugin publishes. */
function current(active: ActiveService): ServiceDefinition {
  return active.versions.get(Math.max(...active.versions.keys()))!;
}
