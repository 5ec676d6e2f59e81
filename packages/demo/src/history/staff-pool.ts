import type { RoutingPolicy, StaffMember } from '@darcha/core';
import type { SeededRandom } from './seeded-random.js';

/** The roles in which staff file at the desk, in the order the engine tries them. */
export const DESK_ROLES = ['front_office', 'back_office', 'supervisor'] as const;

/** A staff member acting in the history, and the role the engine records. */
export interface HistoryActor {
  id: string;
  kind: 'staff' | 'system';
  role: string;
}

/** The system actor (timers, automatic actions). */
export const SYSTEM: HistoryActor = { id: 'system', kind: 'system', role: 'system' };

/**
 * The city's active staff as the history's actors, with the engine's rules: a `back_office` role
 * counts only on inquiries of the officer's agencies (or any, for an officer of no agency), routing
 * candidates hold the role for the inquiry's agency, and round-robin routing hands each new step to
 * the candidate assigned longest ago. Choices are seeded, so the history is the same every time.
 */
export class StaffPool {
  readonly #staff: StaffMember[];
  readonly #random: SeededRandom;
  readonly #policy: RoutingPolicy;
  /** When each member was last given an inquiry (epoch ms), as `staff_members.last_assigned_at`. */
  readonly #lastAssigned = new Map<string, number>();

  constructor(staff: readonly StaffMember[], policy: RoutingPolicy, random: SeededRandom) {
    this.#staff = staff.filter((s) => s.active).sort((a, b) => compareIds(a.id, b.id));
    this.#policy = policy;
    this.#random = random;
    for (const s of this.#staff)
      if (s.lastAssignedAt) this.#lastAssigned.set(s.id, s.lastAssignedAt.getTime());
  }

  /** The members routing gave inquiries to, with the latest instant each was given one. */
  get assignments(): ReadonlyMap<string, number> {
    return this.#lastAssigned;
  }

  /** The first of `needed` that the member holds on an inquiry of `agencyCode` (the engine's `rolesOn`). */
  roleOn(member: StaffMember, agencyCode: string | null, needed: readonly string[]): string | undefined {
    return needed.find((role) => {
      if (role === 'system' || role === 'citizen' || !member.roles.includes(role)) return false;
      if (role !== 'back_office' || member.agencyCodes.length === 0) return true;
      return agencyCode !== null && member.agencyCodes.includes(agencyCode);
    });
  }

  /** Staff who may take an inquiry waiting for `role` at `agencyCode` (the engine's routing candidates). */
  candidates(role: string, agencyCode: string | null): StaffMember[] {
    return this.#staff.filter(
      (s) =>
        s.roles.includes(role) &&
        (agencyCode === null || s.agencyCodes.length === 0 || s.agencyCodes.includes(agencyCode)),
    );
  }

  /**
   * Whom routing assigns a step waiting for `role` to at `at`: nobody under `candidate_role`, else
   * the candidate given an inquiry longest ago (never given one first, then by id), who then moves
   * to the end (the time only ever moves forward, as `markAssigned` keeps it). `least_loaded` is
   * played as round robin: in a history of closed inquiries every officer's open load is nil.
   */
  route(role: string | null, agencyCode: string | null, at: Date): string | null {
    if (this.#policy === 'candidate_role' || role === null) return null;
    const last = (id: string) => this.#lastAssigned.get(id) ?? -Infinity;
    const chosen = this.candidates(role, agencyCode).sort(
      (a, b) => last(a.id) - last(b.id) || compareIds(a.id, b.id),
    )[0];
    if (!chosen) return null;
    this.#lastAssigned.set(chosen.id, Math.max(last(chosen.id), at.getTime()));
    return chosen.id;
  }

  /**
   * A member who can act in one of `roles` on an inquiry of `agencyCode`, preferring those who
   * serve that agency, then those of no agency (the OSS's own front office); undefined when none.
   */
  actor(roles: readonly string[], agencyCode: string | null): HistoryActor | undefined {
    const able = this.#staff.filter((s) => this.roleOn(s, agencyCode, roles) !== undefined);
    const own = able.filter((s) => agencyCode !== null && s.agencyCodes.includes(agencyCode));
    const general = able.filter((s) => s.agencyCodes.length === 0);
    const pool = own.length > 0 ? own : general.length > 0 ? general : able;
    if (pool.length === 0) return undefined;
    const member = this.#random.pick(pool);
    return { id: member.id, kind: 'staff', role: this.roleOn(member, agencyCode, roles)! };
  }

  /** The member with this id as an actor in one of `roles`, when they hold one on the inquiry. */
  as(id: string, roles: readonly string[], agencyCode: string | null): HistoryActor | undefined {
    const member = this.#staff.find((s) => s.id === id);
    const role = member && this.roleOn(member, agencyCode, roles);
    return role ? { id: member.id, kind: 'staff', role } : undefined;
  }

  /** Who files at the desk: the agency's own desk officer, else the OSS front office (role as the engine picks it). */
  filer(agencyCode: string | null): HistoryActor | undefined {
    const desk = this.#staff.filter((s) => DESK_ROLES.some((r) => s.roles.includes(r)));
    const front = desk.filter((s) => s.roles.includes('front_office'));
    const own = front.filter((s) => agencyCode !== null && s.agencyCodes.includes(agencyCode));
    const general = front.filter((s) => s.agencyCodes.length === 0);
    const pool = own.length > 0 ? own : general.length > 0 ? general : front.length > 0 ? front : desk;
    if (pool.length === 0) return undefined;
    const member = this.#random.pick(pool);
    return { id: member.id, kind: 'staff', role: DESK_ROLES.find((r) => member.roles.includes(r))! };
  }

  /** Someone holding `role` (a cashier, a supervisor), preferring those of the agency; undefined when none. */
  holder(role: string, agencyCode: string | null): HistoryActor | undefined {
    const holders = this.candidates(role, agencyCode);
    if (holders.length === 0) return undefined;
    return { id: this.#random.pick(holders).id, kind: 'staff', role };
  }
}

/** Ids in the order PostgreSQL sorts uuids (byte order, which is the order of their lowercase hex). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
