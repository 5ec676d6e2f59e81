import type { Platform } from '@darcha/core';
import { addHistoricBaseAmounts } from './historic-base-amounts.js';
import type { CityHistoryResult, CityHistorySpec, SeedHistoryOptions } from './history-types.js';
import { NoHistoryServicesError, seedCityHistory } from './seed-city-history.js';
import { SECONDED_STAFF_KINDS, UNITARY_ENTERPRISE_KINDS } from './service-mix.js';

/**
 * The histories of the demo's cities, from the 2014 workshop (`oss-workshop-2014.txt`): Chirchik's
 * 2013, "over 35,000 inquiries and appeals" worth "around 3.5 billion soums"; Djizak's and
 * Namangan's first quarter of 2014, "over 1,600 inquiries and appeals" together (the split between
 * them is *assumed*: Djizak 850, Namangan 750). The two unitary enterprises' revenue is not given:
 * it is whatever their paid services bring in.
 */
export const DEMO_HISTORIES: readonly CityHistorySpec[] = [
  {
    tenantId: 'chirchik',
    from: '2013-01-01',
    to: '2013-12-31',
    inquiries: 35_000,
    revenueTarget: 3_500_000_000,
    kinds: SECONDED_STAFF_KINDS,
  },
  {
    tenantId: 'djizak',
    from: '2014-01-01',
    to: '2014-03-31',
    inquiries: 850,
    kinds: UNITARY_ENTERPRISE_KINDS,
  },
  {
    tenantId: 'namangan',
    from: '2014-01-01',
    to: '2014-03-31',
    inquiries: 750,
    kinds: UNITARY_ENTERPRISE_KINDS,
  },
];

/**
 * Seeds the demo history of every city that exists and lacks it (`darcha seed demo`, and `npm start`
 * the first time): first the BHM values of 2012-2014 the fees need (*assumed*), then each city in
 * turn. A city whose history is there is skipped, so a rerun adds nothing. A city none of whose
 * services can be filed (its packs did not start) is reported through `onProgress` and left out.
 *
 * @example
 * const results = await seedDemoHistory(platform, { onProgress: (p) => console.error(p) });
 */
export async function seedDemoHistory(
  platform: Platform,
  options: SeedHistoryOptions = {},
  histories: readonly CityHistorySpec[] = DEMO_HISTORIES,
): Promise<CityHistoryResult[]> {
  await addHistoricBaseAmounts(platform);
  const results: CityHistoryResult[] = [];
  for (const spec of histories) {
    if (!(await platform.tenants.find(spec.tenantId))) continue;
    try {
      results.push(await seedCityHistory(platform, spec, options));
    } catch (error) {
      if (!(error instanceof NoHistoryServicesError)) throw error;
      options.onProgress?.({
        tenantId: spec.tenantId,
        phase: 'skipped',
        done: 0,
        total: 0,
        message: `${spec.tenantId}: no history (${(error as Error).message})`,
      });
    }
  }
  return results;
}
