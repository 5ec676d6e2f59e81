import { DarchaError } from '../errors/darcha-error.js';
import type { Migration } from './types.js';

/** A migration name: four digits, an underscore, then snake_case words (`0003_audit_log`). */
export const MIGRATION_NAME_PATTERN = /^\d{4}_[a-z0-9]+(_[a-z0-9]+)*$/;
/** A migration namespace: `core`, or a plugin id with hyphens as underscores. */
export const MIGRATION_NAMESPACE_PATTERN = /^[a-z][a-z0-9_]{0,40}$/;

/**
 * Problems with a list of migrations, one line each: bad names, duplicates, or names out of order.
 * Empty when the list is fine. Plugin loading reports these with the plugin's id.
 */
export function findMigrationNameProblems(migrations: readonly Migration[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  let previous = '';
  for (const migration of migrations) {
    const name = migration.name;
    if (!MIGRATION_NAME_PATTERN.test(name)) {
      problems.push(`"${name}" is not of the form NNNN_snake_case (e.g. 0001_create_agencies)`);
    } else if (seen.has(name)) {
      problems.push(`"${name}" appears twice`);
    } else if (name < previous) {
      problems.push(`"${name}" comes after "${previous}"; list migrations in name order`);
    }
    if (typeof migration.up !== 'function') problems.push(`"${name}" has no up() function`);
    seen.add(name);
    previous = name > previous ? name : previous;
  }
  return problems;
}

/** Throws `DARCHA_DB_MIGRATION_INVALID` when the namespace or any migration name is wrong. */
export function assertMigrations(namespace: string, migrations: readonly Migration[]): void {
  const problems = MIGRATION_NAMESPACE_PATTERN.test(namespace)
    ? findMigrationNameProblems(migrations)
    : [`namespace "${namespace}" must be lowercase letters, digits and underscores`];
  if (problems.length === 0) return;
  throw new DarchaError({
    code: 'DARCHA_DB_MIGRATION_INVALID',
    kind: 'invalid',
    message: `Migrations of "${namespace}" are invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    hint: 'Name migrations NNNN_snake_case, unique, in ascending order; never rename one that has shipped.',
    details: { namespace, problems },
  });
}

/** The knex migrations table of a namespace: `darcha_migrations_<namespace>`. */
export function migrationTableName(namespace: string): string {
  return `darcha_migrations_${namespace}`;
}
