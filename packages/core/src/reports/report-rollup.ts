import type { CityReport, ReportRow } from './types.js';

/** Report figures: a flat record of integer counts and sums. */
export type Figures<F> = Record<keyof F, number>;

/** The field-by-field sum of figures; `zero` gives the fields. */
export function sumFigures<F extends Figures<F>>(zero: F, items: readonly F[]): F {
  const total = { ...zero };
  for (const item of items) {
    for (const field of Object.keys(zero) as (keyof F)[]) {
      (total[field] as number) += item[field] as number;
    }
  }
  return total;
}

/** One city's rows and their total. */
export function cityReport<F extends Figures<F>>(
  tenantId: string,
  timeZone: string,
  zero: F,
  rows: ReportRow<F>[],
): CityReport<F> {
  return { tenantId, timeZone, rows, total: sumFigures(zero, rows.map(figuresOf)) };
}

/** The cities' rows added up by key, ordered by key (no key last). */
export function mergeRows<F extends Figures<F>>(zero: F, cities: readonly CityReport<F>[]): ReportRow<F>[] {
  const byKey = new Map<string | null, F[]>();
  for (const city of cities) {
    for (const row of city.rows) {
      const list = byKey.get(row.key) ?? [];
      list.push(figuresOf(row));
      byKey.set(row.key, list);
    }
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([key, items]) => ({ key, ...sumFigures(zero, items) }));
}

function figuresOf<F extends Figures<F>>(row: ReportRow<F>): F {
  const { key: _key, ...figures } = row;
  return figures as unknown as F;
}
