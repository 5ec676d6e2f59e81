import type { Knex } from 'knex';
import { APP_ROLE, HOST_ROLE, TENANT_SETTING } from './types.js';

/** Host tables of core: no `tenant_id` isolation, reachable only from host-side modules. */
export const CORE_HOST_TABLES: readonly string[] = [
  'tenants',
  'tenant_domains',
  'service_definitions',
  'workflow_definitions',
  'platform_users',
  'platform_sessions',
  'platform_secrets',
  'base_amounts',
];

/** One broken tenancy rule on one table. */
export interface CatalogViolation {
  table: string;
  rule: CatalogRule;
  message: string;
}

export type CatalogRule =
  | 'tenant-id-column'
  | 'rls-enabled'
  | 'rls-forced'
  | 'tenant-policy'
  | 'primary-key'
  | 'unique-key'
  | 'foreign-key'
  | 'index-order'
  | 'owner'
  | 'host-table-privileges';

export interface CatalogCheckOptions {
  /** Tables that are host tables on purpose. Migration tables (`darcha_migrations_*`) always are. */
  hostTables: readonly string[];
}

interface TableRow {
  table: string;
  rls: boolean;
  forced: boolean;
  owner: string;
  app_privileged: boolean;
}
interface ColumnRow {
  table: string;
  type: string;
  not_null: boolean;
}
interface PolicyRow {
  table: string;
  name: string;
  permissive: string;
  cmd: string;
  qual: string | null;
  with_check: string | null;
}
interface ConstraintRow {
  table: string;
  name: string;
  type: 'p' | 'u' | 'f';
  cols: string[];
  ref_table: string | null;
  ref_cols: string[] | null;
}
interface IndexRow {
  table: string;
  name: string;
  method: string;
  unique: boolean;
  cols: (string | null)[];
}

/**
 * Walks the PostgreSQL catalog of the current schema and lists every table that breaks Darcha's
 * tenancy rules (DESIGN.md, Database and tenancy). Each tenant table must have `tenant_id text not
 * null`, RLS enabled and forced, a policy on the tenant setting for both reading and writing, a
 * primary key that starts with `tenant_id`, `tenant_id` in every unique and foreign key, btree
 * indexes that lead with `tenant_id`, and an owner other than the app role. Every other table must be
 * on the host list and closed to the app role. An empty result means the schema is sound.
 */
export async function checkTenantCatalog(
  knex: Knex,
  options: CatalogCheckOptions,
): Promise<CatalogViolation[]> {
  // One query at a time: `knex` may be a transaction, whose single connection must not be shared.
  const tables = await rows<TableRow>(
    knex,
    `select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
              pg_get_userbyid(c.relowner) as owner,
              exists (select 1 from pg_roles r where r.rolname = ?) and
                has_table_privilege(?, c.oid, 'select,insert,update,delete,truncate,references') as app_privileged
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p')
        order by c.relname`,
    [APP_ROLE, APP_ROLE],
  );
  const columns = await rows<ColumnRow>(
    knex,
    `select c.relname as table, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null
         from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and a.attname = 'tenant_id' and not a.attisdropped`,
  );
  const policies = await rows<PolicyRow>(
    knex,
    `select tablename as table, policyname as name, permissive, cmd, qual, with_check
         from pg_policies where schemaname = current_schema()`,
  );
  const constraints = await rows<ConstraintRow>(
    knex,
    `select c.relname as table, k.conname as name, k.contype as type,
              array(select a.attname from unnest(k.conkey) with ordinality u(n, o)
                      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.o)::text[] as cols,
              r.relname as ref_table,
              case when k.contype = 'f' then
                array(select a.attname from unnest(k.confkey) with ordinality u(n, o)
                        join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.o)::text[]
              end as ref_cols
         from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
         left join pg_class r on r.oid = k.confrelid
        where n.nspname = current_schema() and k.contype in ('p', 'u', 'f')`,
  );
  const indexes = await rows<IndexRow>(
    knex,
    `select t.relname as table, i.relname as name, am.amname as method, x.indisunique as unique,
              array(select a.attname from unnest(x.indkey::int2[]) with ordinality u(n, o)
                      left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.n order by u.o)::text[] as cols
         from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
         join pg_am am on am.oid = i.relam join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = current_schema()`,
  );

  const host = new Set(options.hostTables);
  const isHost = (table: string): boolean => host.has(table) || table.startsWith('darcha_migrations_');
  const violations: CatalogViolation[] = [];
  const add = (table: string, rule: CatalogRule, message: string): void => {
    violations.push({ table, rule, message });
  };

  for (const t of tables) {
    if (isHost(t.table)) {
      if (t.app_privileged) add(t.table, 'host-table-privileges', `host table is reachable by ${APP_ROLE}`);
      continue;
    }
    const column = columns.find((c) => c.table === t.table);
    if (!column) {
      add(t.table, 'tenant-id-column', 'has no tenant_id column and is not on the host-table list');
      continue;
    }
    if (column.type !== 'text' || !column.not_null) {
      add(
        t.table,
        'tenant-id-column',
        `tenant_id is ${column.type}${column.not_null ? '' : ' null'}; use text not null`,
      );
    }
    if (!t.rls) add(t.table, 'rls-enabled', 'row level security is not enabled');
    if (!t.forced) add(t.table, 'rls-forced', 'row level security is not forced (the owner bypasses it)');
    if (t.owner === APP_ROLE || t.owner === HOST_ROLE) {
      add(t.table, 'owner', `is owned by ${t.owner}, which could then disable RLS`);
    }
    checkPolicies(
      t.table,
      policies.filter((p) => p.table === t.table),
      add,
    );
    checkKeys(
      t.table,
      constraints.filter((c) => c.table === t.table),
      add,
    );
    // Indexes that back a primary or unique key were judged with their constraint above.
    const constraintNames = new Set(constraints.filter((c) => c.table === t.table).map((c) => c.name));
    for (const index of indexes.filter((i) => i.table === t.table && !constraintNames.has(i.name))) {
      if (index.unique && !index.cols.includes('tenant_id')) {
        add(t.table, 'unique-key', `unique index ${index.name} does not include tenant_id`);
      } else if (index.method === 'btree' && index.cols[0] !== 'tenant_id') {
        add(t.table, 'index-order', `index ${index.name} does not lead with tenant_id`);
      }
    }
  }
  return violations;
}

function checkPolicies(
  table: string,
  policies: readonly PolicyRow[],
  add: (table: string, rule: CatalogRule, message: string) => void,
): void {
  const guards = (expr: string | null): boolean =>
    expr !== null && expr.includes('tenant_id') && expr.includes(TENANT_SETTING);
  if (!policies.some((p) => p.cmd === 'ALL' && guards(p.qual) && guards(p.with_check))) {
    add(
      table,
      'tenant-policy',
      `no policy checks tenant_id against ${TENANT_SETTING} in both USING and WITH CHECK`,
    );
  }
  // Permissive policies are OR-ed together: one without the tenant check opens the table.
  for (const p of policies.filter((p) => p.permissive === 'PERMISSIVE')) {
    const reads = p.cmd !== 'INSERT';
    const writes = p.cmd === 'INSERT' || p.cmd === 'UPDATE' || p.cmd === 'ALL';
    if ((reads && !guards(p.qual)) || (writes && !guards(p.with_check ?? p.qual))) {
      add(table, 'tenant-policy', `permissive policy ${p.name} admits rows without checking the tenant`);
    }
  }
}

function checkKeys(
  table: string,
  constraints: readonly ConstraintRow[],
  add: (table: string, rule: CatalogRule, message: string) => void,
): void {
  const primary = constraints.find((c) => c.type === 'p');
  if (!primary) add(table, 'primary-key', 'has no primary key; use (tenant_id, id)');
  else if (primary.cols[0] !== 'tenant_id') {
    add(table, 'primary-key', `primary key (${primary.cols.join(', ')}) does not start with tenant_id`);
  }
  for (const c of constraints) {
    if (c.type === 'u' && !c.cols.includes('tenant_id')) {
      add(table, 'unique-key', `unique key ${c.name} (${c.cols.join(', ')}) does not include tenant_id`);
    }
    if (c.type === 'f') {
      const toTenants = c.ref_table === 'tenants' && c.cols.length === 1 && c.cols[0] === 'tenant_id';
      if (!toTenants && !(c.cols.includes('tenant_id') && (c.ref_cols ?? []).includes('tenant_id'))) {
        add(
          table,
          'foreign-key',
          `foreign key ${c.name} (${c.cols.join(', ')}) -> ${c.ref_table} does not match on tenant_id`,
        );
      }
    }
  }
}

async function rows<T>(knex: Knex, sql: string, bindings: readonly Knex.Value[] = []): Promise<T[]> {
  const result = await knex.raw<{ rows: T[] }>(sql, bindings);
  return result.rows;
}
