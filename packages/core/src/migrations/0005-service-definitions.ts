import { HOST_ROLE, type Migration } from '../db/types.js';

/**
 * The host table of published service versions: one row per (code, version), written once by the
 * service registry when a plugin first publishes that version and never changed, so that inquiries
 * filed on a version can always read it. The host role may read and insert, not update or delete;
 * the app role has no access.
 */
export const serviceDefinitions: Migration = {
  name: '0005_service_definitions',
  async up(knex) {
    await knex.schema.createTable('service_definitions', (t) => {
      t.text('code').notNullable();
      t.integer('version').notNullable();
      t.text('plugin_id').notNullable();
      t.jsonb('definition').notNullable();
      t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['code', 'version']);
    });
    await knex.raw(`
      alter table service_definitions
        add constraint service_definitions_version_check check (version >= 1),
        add constraint service_definitions_definition_check check (
          jsonb_typeof(definition) = 'object'
          and definition ->> 'code' = code
          and definition -> 'version' = to_jsonb(version)
        )
    `);
    await knex.raw(`grant select, insert on service_definitions to ${HOST_ROLE}`);
  },
};
