import type { NewBaseAmount, Platform } from '@darcha/core';

/**
 * The BHM of the history's years. The base calculation amount exists since 2019; before it, the
 * minimum monthly wage served as the base of fees and duties. Core seeds values from 2019 on, so
 * the demo adds the wages in force in 2013-2014. ALL *assumed*: the amounts are the minimum wages
 * as remembered from the decrees of the time (about +10% a year), the dates are the usual dates of
 * those raises; no source in the repository confirms them (docs/guides/demo.md says so too). The
 * amount from 2013-08-01 may have been 88,135 rather than 87,550.
 */
export const HISTORIC_BASE_AMOUNTS: readonly NewBaseAmount[] = [
  { country: 'uz', effectiveFrom: '2012-12-01', amount: 79_590, note: 'minimum wage as the base; assumed' },
  { country: 'uz', effectiveFrom: '2013-08-01', amount: 87_550, note: 'minimum wage as the base; assumed' },
  { country: 'uz', effectiveFrom: '2013-12-15', amount: 96_105, note: 'minimum wage as the base; assumed' },
];

/**
 * Adds the {@link HISTORIC_BASE_AMOUNTS} the country does not have yet (values are only ever added,
 * so a value someone entered for the same day stays). Does nothing when the country's tenant is
 * missing. Resolves to the effective dates added.
 */
export async function addHistoricBaseAmounts(platform: Platform): Promise<string[]> {
  const added: string[] = [];
  const byCountry = new Map<string, Set<string>>();
  for (const value of HISTORIC_BASE_AMOUNTS) {
    if ((await platform.tenants.find(value.country))?.kind !== 'country') continue;
    let known = byCountry.get(value.country);
    if (!known) {
      known = new Set((await platform.baseAmounts.list(value.country)).map((v) => v.effectiveFrom));
      byCountry.set(value.country, known);
    }
    if (known.has(value.effectiveFrom)) continue;
    await platform.baseAmounts.add(value, { actor: 'demo-seed' });
    added.push(value.effectiveFrom);
  }
  return added;
}
