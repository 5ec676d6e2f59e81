import { APP_ROLE, HOST_ROLE, type Migration } from '../db/types.js';

/**
 * Creates the two runtime roles: the app role every tenant request runs as, and the host role of
 * host-side modules. Neither logs in, is a superuser, bypasses RLS or owns a table. Roles are
 * cluster-wide, so an existing one is kept but forced back to NOSUPERUSER NOBYPASSRLS. The migrating
 * (owner) role becomes a member of both so that `withTenant` and `withHost` may switch to them.
 */
export const runtimeRoles: Migration = {
  name: '0001_runtime_roles',
  async up(knex) {
    for (const role of [APP_ROLE, HOST_ROLE]) await createRuntimeRole(knex, role);
  },
};

async function createRuntimeRole(knex: Parameters<Migration['up']>[0], role: string): Promise<void> {
  await knex.raw(`
      do $$
      begin
        if not exists (select 1 from pg_roles where rolname = '${role}') then
          begin
            create role ${role} nologin nosuperuser nobypassrls nocreatedb nocreaterole noinherit;
          exception when duplicate_object or unique_violation then
            null; -- created meanwhile by a migration of another database in the same cluster
          end;
        end if;
        if exists (select 1 from pg_roles where rolname = '${role}' and (rolsuper or rolbypassrls)) then
          alter role ${role} nosuperuser nobypassrls;
        end if;
        if not (select rolsuper from pg_roles where rolname = current_user) then
          execute format('grant ${role} to %I', current_user);
        end if;
        execute format('grant usage on schema %I to ${role}', current_schema());
      end
      $$;
    `);
}
