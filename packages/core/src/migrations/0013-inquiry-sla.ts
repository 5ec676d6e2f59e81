import type { Migration } from '../db/types.js';

/**
 * The overall SLA an inquiry was filed with (the city's catalog value at filing), kept on the inquiry
 * so that a reopen or an appeal restarts the clock with the same promise even if the catalog changed.
 */
export const inquirySla: Migration = {
  name: '0013_inquiry_sla',
  async up(knex) {
    await knex.raw(`alter table inquiries add column overall_sla jsonb`);
    await knex.raw(`
      alter table inquiries add constraint inquiries_overall_sla_check check (
        overall_sla is null or (jsonb_typeof(overall_sla) = 'object' and overall_sla -> 'unit' is not null and overall_sla -> 'value' is not null)
      )
    `);
  },
};
