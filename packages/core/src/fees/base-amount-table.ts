import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { currentContext } from '../context/request-context.js';
import type { Database } from '../db/database.js';
import { fieldErrorsFromAjv } from '../errors/field-error.js';
import type { ActorOptions, TenantRegistry } from '../tenancy/types.js';
import { compileLater } from '../validation/compile-later.js';
import type { BaseAmount, NewBaseAmount } from './base-amount-types.js';
import { baseAmountExists, baseAmountInvalid, baseAmountMissing } from './fees.errors.js';

interface BaseAmountRow {
  country: string;
  effective_from: string;
  amount: string;
  note: string | null;
  created_by: string;
  created_at: Date;
}

/** The columns, with the date as text (so that no time zone can shift it) and the bigint as text. */
function columns(trx: Knex): Array<string | Knex.Raw> {
  return [
    'country',
    trx.raw(`to_char(effective_from, 'YYYY-MM-DD') as effective_from`),
    'amount',
    'note',
    'created_by',
    'created_at',
  ];
}

const validateNew = compileLater<NewBaseAmount>({
  type: 'object',
  additionalProperties: false,
  required: ['country', 'effectiveFrom', 'amount'],
  properties: {
    country: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 63 },
    effectiveFrom: { type: 'string', format: 'date' },
    amount: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    note: { type: 'string', maxLength: 500 },
  },
});

/**
 * The base calculation amount (BHM) per country, effective-dated, in the host table `base_amounts`.
 * A value is in force from its `effectiveFrom` day until the day the next one starts. Values are only
 * ever added (a correction is a new value), so fees computed in the past can be computed again.
 * The host side has no audit log: each value keeps who added it, and adding one is logged.
 *
 * @example
 * const table = new BaseAmountTable({ db, tenants, logger });
 * await table.inForce('uz', '2025-08-01'); // { amount: 412000, effectiveFrom: '2025-08-01', ... }
 * await table.add({ country: 'uz', effectiveFrom: '2026-08-01', amount: 450000, note: 'Decree ...' });
 */
export class BaseAmountTable {
  readonly #db: Database;
  readonly #tenants: TenantRegistry;
  readonly #logger: Logger | undefined;

  constructor(options: { db: Database; tenants: TenantRegistry; logger?: Logger }) {
    this.#db = options.db;
    this.#tenants = options.tenants;
    this.#logger = options.logger;
  }

  /** Every value of the country, oldest first; empty for a country with none. */
  async list(country: string): Promise<BaseAmount[]> {
    const rows = await this.#db.withHost((trx) =>
      trx('base_amounts').where({ country }).orderBy('effective_from').select<BaseAmountRow[]>(columns(trx)),
    );
    return rows.map(toBaseAmount);
  }

  /** The value in force in the country on `date` (`YYYY-MM-DD`), or `undefined` before the first one. */
  async inForce(country: string, date: string): Promise<BaseAmount | undefined> {
    const row = await this.#db.withHost((trx) =>
      trx('base_amounts')
        .where({ country })
        .andWhere('effective_from', '<=', date)
        .orderBy('effective_from', 'desc')
        .first<BaseAmountRow | undefined>(columns(trx)),
    );
    return row && toBaseAmount(row);
  }

  /** The value in force on `date`; `DARCHA_FEE_BASE_AMOUNT_MISSING` when there is none. */
  async require(country: string, date: string): Promise<BaseAmount> {
    const value = await this.inForce(country, date);
    if (!value) throw baseAmountMissing(country, date);
    return value;
  }

  /**
   * Adds a value. Refuses (`DARCHA_FEE_BASE_AMOUNT_INVALID`) an amount that is not a whole number of
   * soums above 0, a date that is not a real `YYYY-MM-DD`, a country that is not a tenant of kind
   * `country`; refuses (`DARCHA_FEE_BASE_AMOUNT_EXISTS`) a second value for the same day.
   */
  async add(input: NewBaseAmount, options: ActorOptions = {}): Promise<BaseAmount> {
    const country = typeof input?.country === 'string' ? input.country : '?';
    if (!validateNew(input)) throw baseAmountInvalid(country, fieldErrorsFromAjv(validateNew.errors));
    const tenant = await this.#tenants.find(input.country);
    if (tenant?.kind !== 'country') {
      throw baseAmountInvalid(country, [
        { field: '/country', message: `"${input.country}" is not a tenant of kind country` },
      ]);
    }
    const createdBy = options.actor ?? currentContext()?.userId ?? 'system';
    const [row] = await this.#db.withHost((trx) =>
      trx('base_amounts')
        .insert({
          country: input.country,
          effective_from: input.effectiveFrom,
          amount: input.amount,
          note: input.note ?? null,
          created_by: createdBy,
        })
        .onConflict(['country', 'effective_from'])
        .ignore()
        .returning<Array<{ created_at: Date }>>(['created_at']),
    );
    if (!row) {
      const existing = await this.inForce(input.country, input.effectiveFrom);
      throw baseAmountExists(input.country, input.effectiveFrom, existing?.amount ?? 0);
    }
    const added: BaseAmount = {
      country: input.country,
      effectiveFrom: input.effectiveFrom,
      amount: input.amount,
      note: input.note ?? null,
      createdBy,
      createdAt: row.created_at,
    };
    this.#logger?.info(
      { country: added.country, effectiveFrom: added.effectiveFrom, amount: added.amount, createdBy },
      'base calculation amount added',
    );
    return added;
  }
}

function toBaseAmount(row: BaseAmountRow): BaseAmount {
  return {
    country: row.country,
    effectiveFrom: row.effective_from,
    amount: Number(row.amount),
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
