import {
  ApplicationValidator,
  createLogger,
  isDarchaError,
  openDatabase,
  openPlatform,
  serviceDefinitionProblems,
  type DarchaConfig,
  type DarchaPlugin,
  type ServiceDefinition,
} from '@darcha/core';
import { problemsOf, type VerifyProblem } from './plugin-problems.js';

/**
 * A plugin's categories and services, checked as the service registry checks them when the plugin
 * starts. `before` are the plugins that start before it (dependency order), whose categories and
 * services exist by then.
 *
 * Each definition is checked on its own first, with the functions the registry runs (shape and
 * semantic rules, then the form compiled with Darcha's formats), so every broken service is
 * reported at once. The definitions that pass then go, with the categories, through a real registry
 * on a throwaway in-memory database (whatever `DATABASE_URL` says): category ids and parents,
 * services in leaf categories, service codes owned by one plugin. No plugin hook runs. That second
 * step opens an embedded database (about 2.5 s) and is skipped when there is nothing to check.
 */
export async function serviceProblems(
  plugin: DarchaPlugin,
  before: readonly DarchaPlugin[],
  config: DarchaConfig,
): Promise<VerifyProblem[]> {
  const { problems, passed } = definitionProblems(plugin.services);
  const categories = plugin.categories ?? [];
  if (passed.length === 0 && categories.length === 0) return problems;
  const logger = createLogger({ level: 'silent' });
  const db = await openDatabase({ dataDir: 'memory://', logger });
  const platform = await openPlatform({ config, logger, db, plugins: [] });
  try {
    const registry = platform.services;
    for (const other of before) {
      try {
        registry.addCategories(other.id, other.categories ?? []);
        await registry.publish(other.id, other.services ?? []);
      } catch {
        registry.withdrawPlugin(other.id); // it would fail at startup too; its own verify says why
      }
    }
    const id = String(plugin.id);
    for (const step of [() => registry.addCategories(id, categories), () => registry.publish(id, passed)]) {
      try {
        await step();
      } catch (error) {
        if (!isDarchaError(error)) throw error;
        problems.push(...problemsOf(error));
      }
    }
    return problems;
  } finally {
    await platform.close();
  }
}

/** Every service on its own: what is wrong with each, and those with nothing wrong (each code@version once). */
function definitionProblems(services: unknown): { problems: VerifyProblem[]; passed: ServiceDefinition[] } {
  const problems: VerifyProblem[] = [];
  const passed: ServiceDefinition[] = [];
  if (services === undefined) return { problems, passed };
  if (!Array.isArray(services)) {
    return { problems: [invalid('services: must be an array of service definitions')], passed };
  }
  const validator = new ApplicationValidator();
  const seen = new Set<string>();
  services.forEach((service: unknown, index) => {
    const candidate = service as Partial<ServiceDefinition> | null;
    const code = typeof candidate?.code === 'string' ? candidate.code : `(service #${index + 1})`;
    const version = typeof candidate?.version === 'number' ? candidate.version : '?';
    const found = serviceDefinitionProblems(service);
    if (found.length === 0) {
      try {
        validator.compileForm(service as ServiceDefinition);
      } catch (error) {
        found.push(`/form: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    problems.push(...found.map((problem) => invalid(`${code}@${version} ${problem}`)));
    // Listed twice is reported by the load-time checks (DARCHA_PLUGIN_INVALID); check it once here.
    if (found.length === 0 && !seen.has(`${code}@${version}`)) passed.push(service as ServiceDefinition);
    seen.add(`${code}@${version}`);
  });
  return { problems, passed };
}

/** A problem the registry reports as DARCHA_REGISTRY_SERVICE_INVALID when the plugin publishes. */
function invalid(text: string): VerifyProblem {
  return { code: 'DARCHA_REGISTRY_SERVICE_INVALID', kind: 'invalid', text };
}
