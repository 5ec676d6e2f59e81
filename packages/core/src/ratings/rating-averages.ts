import type { TenantTransaction } from '../db/types.js';
import type { ResolvedPeriod } from '../reports/report-period.js';
import type { RatingFigures, RatingGroup, RatingGroupBy, ScoreDistribution } from './types.js';

interface GroupRow {
  key: string | null;
  count: number;
  sum: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
}

const KEY: Record<RatingGroupBy, string> = {
  agency: 'agency_code',
  service: 'service_code',
  month: `to_char(rated_at at time zone ?, 'YYYY-MM')`,
};

/**
 * The ratings given in the period, grouped: count, sum and count of each score per group, ordered
 * by key (ratings without an agency last). Months are the tenant's local months.
 */
export async function ratingGroups(
  trx: TenantTransaction,
  tenantId: string,
  period: ResolvedPeriod,
  groupBy: RatingGroupBy,
): Promise<RatingGroup[]> {
  const keyBindings = groupBy === 'month' ? [period.timeZone] : [];
  const result = await trx.raw<{ rows: GroupRow[] }>(
    `select ${KEY[groupBy]} as key, count(*)::int as count, sum(score)::int as sum,
            count(*) filter (where score = 1)::int as s1, count(*) filter (where score = 2)::int as s2,
            count(*) filter (where score = 3)::int as s3, count(*) filter (where score = 4)::int as s4,
            count(*) filter (where score = 5)::int as s5
       from ratings
      where tenant_id = ? and rated_at >= ? and rated_at < ?
      group by 1
      order by 1 nulls last`,
    [...keyBindings, tenantId, period.start, period.end],
  );
  return result.rows.map((row) => ({
    key: row.key,
    ...figures(row.count, row.sum, {
      '1': row.s1,
      '2': row.s2,
      '3': row.s3,
      '4': row.s4,
      '5': row.s5,
    }),
  }));
}

/** The figures of all groups together, computed from their counts and sums (not from averages). */
export function totalOf(groups: readonly RatingGroup[]): RatingFigures {
  const distribution: ScoreDistribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let count = 0;
  let sum = 0;
  for (const group of groups) {
    count += group.count;
    for (const score of ['1', '2', '3', '4', '5'] as const) {
      distribution[score] += group.distribution[score];
      sum += Number(score) * group.distribution[score];
    }
  }
  return figures(count, sum, distribution);
}

function figures(count: number, sum: number, distribution: ScoreDistribution): RatingFigures {
  return { count, average: average(sum, count), distribution };
}

/**
 * `sum / count` rounded half up to 2 decimals, in integers so that no float error creeps in:
 * 13 / 3 = 4.33, 9 / 2 = 4.5, 14 / 3 = 4.67.
 */
export function average(sum: number, count: number): number | null {
  if (count === 0) return null;
  return Math.floor((sum * 200 + count) / (2 * count)) / 100;
}
