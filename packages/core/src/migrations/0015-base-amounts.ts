import { HOST_ROLE, type Migration } from '../db/types.js';

/**
 * The base calculation amount (BHM, *bazaviy hisoblash miqdori*): the host table `base_amounts`,
 * one value per country and effective date, in integer soums. A fee that is a multiple of the BHM
 * uses the value in force on the filing date: the row with the latest `effective_from` on or before
 * it. Rows are never updated or deleted (a wrong value is corrected by a new row), so the host role
 * may only read and insert.
 *
 * Seeded for Uzbekistan from `domain/services.md`, which gives exact dates for some values and only
 * the year for others; the dates marked *assumed* are the first day of the month the value is
 * believed to have started.
 */
export const baseAmounts: Migration = {
  name: '0015_base_amounts',
  async up(knex) {
    await knex.schema.createTable('base_amounts', (t) => {
      t.text('country').notNullable();
      t.date('effective_from').notNullable();
      t.bigInteger('amount').notNullable();
      t.text('note');
      t.text('created_by').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['country', 'effective_from']);
    });
    await knex.raw(`
      alter table base_amounts
        add constraint base_amounts_amount_check check (amount > 0),
        add constraint base_amounts_country_check check (country ~ '^[a-z][a-z0-9-]*$')
    `);
    await knex.raw(`grant select, insert on base_amounts to ${HOST_ROLE}`);
    const seed = (effectiveFrom: string, amount: number, note: string) => ({
      country: 'uz',
      effective_from: effectiveFrom,
      amount,
      note,
      created_by: 'migration:0015_base_amounts',
    });
    await knex('base_amounts').insert([
      seed('2019-09-01', 202_730, 'domain/services.md'),
      seed('2020-02-01', 223_000, 'domain/services.md gives 2020; the date is assumed'), // *assumed*
      seed('2021-09-01', 270_000, 'domain/services.md'),
      seed('2022-06-01', 300_000, 'domain/services.md'),
      seed('2024-10-01', 375_000, 'domain/services.md gives about 2024; the date is assumed'), // *assumed*
      seed('2025-08-01', 412_000, 'domain/services.md gives 2025; the date is assumed'), // *assumed*
    ]);
  },
};
