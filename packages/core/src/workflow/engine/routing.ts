import type { TenantTransaction } from '../../db/types.js';
import type { RoutingCandidate } from '../../staff/staff-types.js';
import type { StaffQueries } from './engine-types.js';
import type { RoutingPolicy } from './tenant-workflow-context.js';

/**
 * Whom an inquiry entering a state with `candidateRole` is assigned to, by the tenant's policy:
 * nobody (`candidate_role`: it waits in the role's inbox to be claimed), the candidate assigned
 * longest ago (`round_robin`), or the one with the fewest open inquiries (`least_loaded`, ties by
 * round-robin). Absent and inactive officers are never chosen; with no candidate the inquiry waits
 * in the role's inbox.
 */
export async function routeAssignee(
  trx: TenantTransaction,
  staff: StaffQueries,
  input: {
    tenantId: string;
    policy: RoutingPolicy;
    role: string | null;
    agencyCode: string | null;
    at: Date;
  },
): Promise<string | null> {
  if (input.policy === 'candidate_role' || input.role === null) return null;
  const candidates = await staff.routingCandidates(trx, input.tenantId, {
    role: input.role,
    agencyCode: input.agencyCode,
    at: input.at,
  });
  const chosen = input.policy === 'least_loaded' ? leastLoaded(candidates) : candidates[0];
  if (!chosen) return null;
  await staff.markAssigned(trx, input.tenantId, chosen.staffId, input.at);
  return chosen.staffId;
}

function leastLoaded(candidates: readonly RoutingCandidate[]): RoutingCandidate | undefined {
  // Candidates come in round-robin order; the first with the lowest load wins ties.
  let best: RoutingCandidate | undefined;
  for (const candidate of candidates)
    if (!best || candidate.openAssigned < best.openAssigned) best = candidate;
  return best;
}
