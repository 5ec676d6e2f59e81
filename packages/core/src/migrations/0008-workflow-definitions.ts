import { HOST_ROLE, type Migration } from '../db/types.js';

/**
 * The host table of published workflow versions: one row per (key, version), written once when a
 * plugin first publishes that version and never changed, so that an inquiry pinned to a version
 * can always be worked, even after the plugin has moved on. Read and inserted by the host role only.
 */
export const workflowDefinitions: Migration = {
  name: '0008_workflow_definitions',
  async up(knex) {
    await knex.schema.createTable('workflow_definitions', (t) => {
      t.text('key').notNullable();
      t.integer('version').notNullable();
      t.text('plugin_id').notNullable();
      t.jsonb('definition').notNullable();
      t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['key', 'version']);
    });
    await knex.raw(`
      alter table workflow_definitions
        add constraint workflow_definitions_version_check check (version >= 1),
        add constraint workflow_definitions_definition_check check (
          jsonb_typeof(definition) = 'object'
          and definition ->> 'key' = key
          and definition -> 'version' = to_jsonb(version)
        )
    `);
    await knex.raw(`grant select, insert on workflow_definitions to ${HOST_ROLE}`);
  },
};
