import type { ApplicantType, CatalogService, CompiledWorkflow } from '@darcha/core';
import type { WorkflowPaths } from './workflow-paths.js';
import { OUTCOME_SHARES } from './inquiry-outcome.js';

/** A service of the city's catalog that the history files, with what the mix needs of it. */
export interface ServiceProfile {
  service: CatalogService;
  workflow: CompiledWorkflow;
  paths: WorkflowPaths;
  information: boolean;
  /** Its fee is not free. */
  charges: boolean;
  /** The mean fee of a filed inquiry in soums (estimated from sample applications), 0 when free. */
  meanFee: number;
}

/** A profile with its share of the city's inquiries. */
export interface WeightedProfile {
  profile: ServiceProfile;
  weight: number;
}

/**
 * Shares of the inquiries by agency kind in a city whose OSS hosts every agency (Chirchik):
 * *assumed*. The article gives only the total; utilities lead (every subscriber came at least
 * once), then the cadastre and the information desks. Kinds a city does not offer drop out; a kind
 * not listed gets {@link OTHER_KIND_WEIGHT}.
 */
export const SECONDED_STAFF_KINDS: Readonly<Record<string, number>> = {
  gas: 14,
  electricity: 13,
  water: 12,
  cadastre: 12,
  info: 12,
  tax: 9,
  employment: 9,
  bank: 6,
  business: 5,
  chamber: 4,
  oss: 4,
};

/**
 * Djizak's and Namangan's OSS (state unitary enterprises): mostly free information and
 * consultation, then the OSS's own paid services and e-report help: *assumed* from the article.
 */
export const UNITARY_ENTERPRISE_KINDS: Readonly<Record<string, number>> = {
  info: 30,
  employment: 15,
  oss: 14,
  tax: 12,
  chamber: 7,
  gas: 8,
  electricity: 7,
  water: 7,
};

export const OTHER_KIND_WEIGHT = 3;

/** How far the revenue tilt may raise (or lower) the share of paid services: beyond it the mix stops being believable. */
export const TILT_BOUNDS = { min: 0.5, max: 3 } as const;

/**
 * A service's weight within its agency kind: consultations are asked most, certificates of a day
 * or less often, long works (connections, surveys) least: *assumed*.
 */
function serviceShare(profile: ServiceProfile): number {
  if (profile.information) return 2;
  const sla = profile.service.sla;
  const days = sla.unit === 'working_days' ? sla.value : 0;
  if (days <= 1) return 1.5;
  return days >= 10 ? 0.6 : 1;
}

/** The base weights: the kind's share, split over its services by {@link serviceShare}. */
export function baseWeights(
  profiles: readonly ServiceProfile[],
  kinds: Readonly<Record<string, number>>,
): WeightedProfile[] {
  const byKind = new Map<string, ServiceProfile[]>();
  for (const profile of profiles) {
    const kind = profile.service.definition.agencyKind;
    byKind.set(kind, [...(byKind.get(kind) ?? []), profile]);
  }
  const weighted: WeightedProfile[] = [];
  for (const [kind, members] of byKind) {
    const kindWeight = kinds[kind] ?? OTHER_KIND_WEIGHT;
    const total = members.reduce((sum, p) => sum + serviceShare(p), 0);
    for (const profile of members)
      weighted.push({ profile, weight: (kindWeight * serviceShare(profile)) / total });
  }
  return weighted;
}

/** The expected revenue of `inquiries` filed with these weights (unpaid, expired inquiries left out). */
export function expectedRevenue(weights: readonly WeightedProfile[], inquiries: number): number {
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  if (total === 0) return 0;
  const perInquiry = weights.reduce(
    (sum, w) =>
      sum + w.weight * w.profile.meanFee * (w.profile.paths.expiry ? 1 - OUTCOME_SHARES.expired : 1),
    0,
  );
  return (inquiries * perInquiry) / total;
}

/**
 * The mix tuned toward a revenue target: paid services' weights are multiplied by one factor,
 * found by bisection within {@link TILT_BOUNDS}, so that the expected revenue meets the target;
 * when even the bound cannot reach it, the mix stays at the bound (as close as is believable).
 * This is how Chirchik's 2013 approaches its 3.5 billion soums: the paid services (cadastre
 * extracts and passports, water meter work, business registration and whatever else the packs
 * charge for) carry the revenue, and only their share moves.
 */
export function tiltTowardRevenue(
  weights: readonly WeightedProfile[],
  inquiries: number,
  target: number | undefined,
): { weights: WeightedProfile[]; tilt: number; expected: number } {
  const at = (tilt: number) =>
    weights.map((w) => ({ profile: w.profile, weight: w.weight * (w.profile.charges ? tilt : 1) }));
  if (target === undefined || !weights.some((w) => w.profile.meanFee > 0)) {
    return { weights: at(1), tilt: 1, expected: expectedRevenue(weights, inquiries) };
  }
  let low: number = TILT_BOUNDS.min;
  let high: number = TILT_BOUNDS.max;
  if (expectedRevenue(at(high), inquiries) <= target) low = high;
  else if (expectedRevenue(at(low), inquiries) >= target) high = low;
  for (let i = 0; i < 40 && high - low > 1e-4; i++) {
    const mid = (low + high) / 2;
    if (expectedRevenue(at(mid), inquiries) < target) low = mid;
    else high = mid;
  }
  const tilt = (low + high) / 2;
  return { weights: at(tilt), tilt, expected: expectedRevenue(at(tilt), inquiries) };
}

/** Businesses' share of a service's applicants, by agency kind: *assumed*. */
const LEGAL_ENTITY_SHARE: Readonly<Record<string, number>> = {
  tax: 0.6,
  chamber: 0.6,
  business: 0.5,
  bank: 0.3,
};

/** Whether the next applicant of the service is a person or a business. */
export function applicantTypeFor(profile: ServiceProfile, draw: number): ApplicantType {
  const types = profile.service.definition.applicantTypes;
  if (types.length === 1) return types[0]!;
  const share = LEGAL_ENTITY_SHARE[profile.service.definition.agencyKind] ?? 0.12;
  return draw < share ? 'legal_entity' : 'individual';
}
