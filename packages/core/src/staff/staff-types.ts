import type { ActorOptions } from '../tenancy/types.js';

/**
 * Roles every installation knows. Plugins add their own, written `<plugin-id>/<role>`
 * (`gas/meter-inspector`). Workflow transitions name the roles that may take them.
 */
export const STAFF_CORE_ROLES = [
  'front_office',
  'back_office',
  'supervisor',
  'cashier',
  'auditor',
  'city_admin',
] as const;

export type StaffCoreRole = (typeof STAFF_CORE_ROLES)[number];

/** A person who works a tenant's inquiries: one row of the tenant table `staff_members`. */
export interface StaffMember {
  /** A UUID, given by the database. */
  id: string;
  tenantId: string;
  /** The name colleagues and citizens see, e.g. `Dilnoza Karimova`. */
  displayName: string;
  /** Core roles ({@link STAFF_CORE_ROLES}) and plugin roles (`<plugin-id>/<role>`), each once. */
  roles: string[];
  /**
   * Codes of the tenant's agencies the officer works for. Empty: the officer serves every agency
   * (a front-office generalist, a supervisor of the whole centre).
   */
  agencyCodes: string[];
  /** Codes of the OSS hall's desks (windows) the member sits at; empty when none. */
  deskCodes: string[];
  /** Inactive staff keep their history but are never routed work. */
  active: boolean;
  /** When the officer was last given an inquiry; round-robin routing picks the longest-waiting first. */
  lastAssignedAt: Date | null;
}

/** An officer away between two instants, and the colleague who acts for them meanwhile. */
export interface StaffAbsence {
  id: string;
  staffId: string;
  /** Who acts for the officer while away; `null` when nobody does (routing just skips the officer). */
  delegateId: string | null;
  /** The first instant of the absence (included). */
  startsAt: Date;
  /** The instant the officer is back (excluded). */
  endsAt: Date;
  reason: string | null;
}

/** A new staff member. */
export interface CreateStaffInput {
  displayName: string;
  /** At least one role. */
  roles: string[];
  /** Codes of agencies of the same tenant; default none (every agency). */
  agencyCodes?: string[];
  /** Codes of desks of the same tenant's hall; default none. */
  deskCodes?: string[];
  /** Default true. */
  active?: boolean;
}

/** Changes to a staff member; a field left out stays as it is. */
export type UpdateStaffInput = Partial<CreateStaffInput>;

/** Filters of {@link StaffDirectory.list}; all given filters must hold. */
export interface StaffQuery {
  /** Staff holding this role. */
  role?: string;
  /** Staff of this agency (staff without agency codes, who serve every agency, included). */
  agencyCode?: string;
  active?: boolean;
}

/** An absence to record. Instants are `Date`s or ISO 8601 strings with an offset. */
export interface AbsenceInput {
  staffId: string;
  delegateId?: string | null;
  startsAt: Date | string;
  endsAt: Date | string;
  reason?: string | null;
}

/** Options of {@link StaffDirectory.endAbsence}. */
export interface EndAbsenceOptions extends ActorOptions {
  /** When the officer is back; default now. */
  at?: Date;
  /** Only an absence of this officer: another officer's is `DARCHA_STAFF_ABSENCE_NOT_FOUND`. */
  staffId?: string;
}

/** What {@link routingCandidates} looks for. */
export interface RoutingQuery {
  role: string;
  /** Only officers of this agency (and those serving every agency). */
  agencyCode?: string | null;
  /** The instant of routing: officers absent then are left out. */
  at: Date;
}

/** An officer who may be given an inquiry now. */
export interface RoutingCandidate {
  staffId: string;
  displayName: string;
  lastAssignedAt: Date | null;
  /** Inquiries assigned to the officer and not closed. */
  openAssigned: number;
}

/**
 * A tenant's staff directory: staff members with their roles and agencies, and their absences with
 * delegation. Every change is recorded in the tenant's audit log. The routing queries the workflow
 * engine uses inside its own transaction are functions of `staff-routing.ts`.
 *
 * @example
 * const officer = await staff.create('chirchik', {
 *   displayName: 'Dilnoza Karimova', roles: ['back_office'], agencyCodes: ['gorgas'],
 * });
 * await staff.addAbsence('chirchik', {
 *   staffId: officer.id, delegateId: colleague.id, reason: 'annual leave',
 *   startsAt: '2026-07-06T09:00:00+05:00', endsAt: '2026-07-20T09:00:00+05:00',
 * });
 */
export interface StaffDirectory {
  create(tenantId: string, input: CreateStaffInput, options?: ActorOptions): Promise<StaffMember>;
  update(
    tenantId: string,
    staffId: string,
    patch: UpdateStaffInput,
    options?: ActorOptions,
  ): Promise<StaffMember>;
  /** Marks the officer inactive: never routed again; history, roles and absences are kept. */
  deactivate(tenantId: string, staffId: string, options?: ActorOptions): Promise<StaffMember>;
  get(tenantId: string, staffId: string): Promise<StaffMember>;
  /** Staff in name order. */
  list(tenantId: string, query?: StaffQuery): Promise<StaffMember[]>;
  addAbsence(tenantId: string, input: AbsenceInput, options?: ActorOptions): Promise<StaffAbsence>;
  /**
   * Ends an absence early: it now ends at `at`. An absence that has not begun by then is cancelled
   * (removed), and `null` is returned; one that is already over is returned unchanged.
   */
  endAbsence(tenantId: string, absenceId: string, options?: EndAbsenceOptions): Promise<StaffAbsence | null>;
  /** An officer's absences, earliest first. */
  absences(tenantId: string, staffId: string): Promise<StaffAbsence[]>;
}
