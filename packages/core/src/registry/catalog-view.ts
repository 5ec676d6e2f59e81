import { mergeFeeParams, overrideProblems } from './catalog-entry.schema.js';
import type { CatalogOverrides, CatalogService, ServiceDefinition } from './types.js';

/** A catalog entry as stored, with the tenant it belongs to. */
export interface StoredCatalogEntry {
  serviceCode: string;
  offered: boolean;
  agencyCode: string | null;
  overrides: CatalogOverrides;
  /** The tenant whose entry it is. */
  source: string;
}

/**
 * A service as a tenant offers it: the current definition with the entry's overrides applied. Names
 * merge per locale; `slaValue` replaces `sla.value` and `feeParams` replaces top-level keys of `fee.params`, each only
 * while the current definition still allows it (a newer version may have narrowed the bounds; then
 * the definition's own value applies).
 */
export function toCatalogService(definition: ServiceDefinition, entry: StoredCatalogEntry): CatalogService {
  const { slaValue, feeParams, names } = entry.overrides;
  const refused = new Set(overrideProblems(definition, entry.overrides).map((p) => p.field));
  const sla =
    slaValue !== undefined && !refused.has('/overrides/slaValue')
      ? { ...definition.sla, value: slaValue }
      : definition.sla;
  const fee =
    feeParams !== undefined && ![...refused].some((field) => field.startsWith('/overrides/feeParams'))
      ? { ...definition.fee, params: mergeFeeParams(definition.fee.params, feeParams) }
      : definition.fee;
  return {
    serviceCode: definition.code,
    version: definition.version,
    definition,
    names: { ...definition.names, ...names },
    sla,
    fee,
    agencyCode: entry.agencyCode,
    source: entry.source,
  };
}

/**
 * Picks, per service, the entry nearest the tenant: `layers` run from the root ancestor to the
 * tenant itself, and a nearer entry replaces a farther one as a whole (record-level override).
 */
export function nearestEntries(layers: readonly (readonly StoredCatalogEntry[])[]): StoredCatalogEntry[] {
  const nearest = new Map<string, StoredCatalogEntry>();
  for (const layer of layers) for (const entry of layer) nearest.set(entry.serviceCode, entry);
  return [...nearest.values()];
}
