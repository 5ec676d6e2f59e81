import { appendAudit } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import type { TenantTransaction } from '../db/types.js';
import { violatedForeignKey } from '../registry/foreign-key-violation.js';
import { tenantNotFound } from '../tenancy/tenancy.errors.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import { actor } from '../tenancy/tenant-rows.js';
import type { ActorOptions } from '../tenancy/types.js';
import { finishAbsence, insertAbsence, listAbsences } from './staff-absences.js';
import { staffInputInvalid, staffNotFound } from './staff.errors.js';
import {
  createStaffProblems,
  instant,
  readAbsenceInput,
  staffQueryProblems,
  updateStaffProblems,
} from './staff-input.schema.js';
import {
  assertAgenciesExist,
  assertDesksExist,
  findStaff,
  lockStaff,
  toStaffMember,
  type StaffRow,
} from './staff-rows.js';
import type {
  AbsenceInput,
  CreateStaffInput,
  EndAbsenceOptions,
  StaffAbsence,
  StaffDirectory,
  StaffMember,
  StaffQuery,
  UpdateStaffInput,
} from './staff-types.js';

export interface StaffDirectoryOptions {
  db: Database;
  /** The current instant, for `endAbsence` without `at`; `() => new Date()` by default. */
  clock?: () => Date;
  /** Called after every change of a member (whether it committed or not), e.g. to drop cached sessions. */
  afterChange?: () => void;
}

/**
 * A tenant's staff and their absences, in the tenant tables `staff_members` and `staff_absences`.
 * Every call runs in `withTenant`, so a city reaches only its own staff: another city's officer is
 * not found, and cannot be chosen as a delegate. Every change is audited (`staff.create`,
 * `staff.update`, `staff.deactivate`, `staff.absence.add`, `.end`, `.cancel`) with the actor given in
 * the options, else the request's user.
 */
export class PostgresStaffDirectory implements StaffDirectory {
  readonly #db: Database;
  readonly #clock: () => Date;
  readonly #afterChange: () => void;

  constructor(options: StaffDirectoryOptions) {
    this.#db = options.db;
    this.#clock = options.clock ?? (() => new Date());
    this.#afterChange = options.afterChange ?? (() => undefined);
  }

  async create(tenantId: string, input: CreateStaffInput, options: ActorOptions = {}): Promise<StaffMember> {
    assertTenantId(tenantId);
    const problems = createStaffProblems(input);
    if (problems.length > 0) throw staffInputInvalid(tenantId, 'New staff member', problems);
    const agencyCodes = input.agencyCodes ?? [];
    const deskCodes = input.deskCodes ?? [];
    return this.#write(tenantId, async (trx) => {
      await assertAgenciesExist(trx, tenantId, agencyCodes);
      await assertDesksExist(trx, tenantId, deskCodes);
      const [row]: StaffRow[] = await trx('staff_members')
        .insert({
          tenant_id: tenantId,
          display_name: input.displayName.trim(),
          roles: input.roles,
          agency_codes: agencyCodes,
          desk_codes: deskCodes,
          active: input.active ?? true,
        })
        .returning('*');
      await appendAudit(trx, tenantId, {
        ...actor(options),
        action: 'staff.create',
        subjectType: 'staff',
        subjectId: row!.id,
        details: {
          roles: row!.roles,
          agencyCodes: row!.agency_codes,
          deskCodes: row!.desk_codes,
          active: row!.active,
        },
      });
      return toStaffMember(row!);
    });
  }

  async update(
    tenantId: string,
    staffId: string,
    patch: UpdateStaffInput,
    options: ActorOptions = {},
  ): Promise<StaffMember> {
    assertTenantId(tenantId);
    const problems = updateStaffProblems(patch);
    if (problems.length > 0) throw staffInputInvalid(tenantId, `Staff member "${staffId}"`, problems);
    return this.#write(tenantId, async (trx) => {
      await lockStaff(trx, tenantId, staffId);
      if (patch.agencyCodes) await assertAgenciesExist(trx, tenantId, patch.agencyCodes);
      if (patch.deskCodes) await assertDesksExist(trx, tenantId, patch.deskCodes);
      const changes: Record<string, unknown> = { updated_at: trx.fn.now() };
      if (patch.displayName !== undefined) changes['display_name'] = patch.displayName.trim();
      if (patch.roles !== undefined) changes['roles'] = patch.roles;
      if (patch.agencyCodes !== undefined) changes['agency_codes'] = patch.agencyCodes;
      if (patch.deskCodes !== undefined) changes['desk_codes'] = patch.deskCodes;
      if (patch.active !== undefined) changes['active'] = patch.active;
      const row = await changeStaff(trx, tenantId, staffId, changes);
      await appendAudit(trx, tenantId, {
        ...actor(options),
        action: 'staff.update',
        subjectType: 'staff',
        subjectId: row.id,
        details: {
          fields: Object.keys(patch),
          roles: row.roles,
          agencyCodes: row.agency_codes,
          deskCodes: row.desk_codes,
          active: row.active,
        },
      });
      return toStaffMember(row);
    });
  }

  async deactivate(tenantId: string, staffId: string, options: ActorOptions = {}): Promise<StaffMember> {
    assertTenantId(tenantId);
    return this.#write(tenantId, async (trx) => {
      const current = await lockStaff(trx, tenantId, staffId);
      if (!current.active) return toStaffMember(current);
      const row = await changeStaff(trx, tenantId, staffId, { active: false, updated_at: trx.fn.now() });
      await appendAudit(trx, tenantId, {
        ...actor(options),
        action: 'staff.deactivate',
        subjectType: 'staff',
        subjectId: row.id,
      });
      return toStaffMember(row);
    });
  }

  async get(tenantId: string, staffId: string): Promise<StaffMember> {
    assertTenantId(tenantId);
    const row = await this.#db.withTenant(tenantId, (trx) => findStaff(trx, tenantId, staffId));
    if (!row) throw staffNotFound(tenantId, String(staffId));
    return toStaffMember(row);
  }

  async list(tenantId: string, query: StaffQuery = {}): Promise<StaffMember[]> {
    assertTenantId(tenantId);
    const problems = staffQueryProblems(query);
    if (problems.length > 0) throw staffInputInvalid(tenantId, 'Staff query', problems);
    const rows: StaffRow[] = await this.#db.withTenant(tenantId, (trx) => {
      const q = trx<StaffRow>('staff_members')
        .where('tenant_id', tenantId)
        .orderBy([{ column: 'display_name' }, { column: 'id' }]);
      if (query.active !== undefined) q.where('active', query.active);
      if (query.role !== undefined) q.whereRaw('? = any(roles)', [query.role]);
      if (query.agencyCode !== undefined) {
        q.whereRaw('(cardinality(agency_codes) = 0 or ? = any(agency_codes))', [query.agencyCode]);
      }
      return q;
    });
    return rows.map(toStaffMember);
  }

  async addAbsence(tenantId: string, input: AbsenceInput, options: ActorOptions = {}): Promise<StaffAbsence> {
    assertTenantId(tenantId);
    const read = readAbsenceInput(input);
    if (!read.ok) throw staffInputInvalid(tenantId, 'Absence', read.problems);
    const absence = {
      staffId: read.input.staffId,
      delegateId: read.input.delegateId ?? null,
      startsAt: read.startsAt,
      endsAt: read.endsAt,
      reason: read.input.reason?.trim() || null,
    };
    return this.#write(tenantId, (trx) => insertAbsence(trx, tenantId, absence, actor(options)));
  }

  async endAbsence(
    tenantId: string,
    absenceId: string,
    options: EndAbsenceOptions = {},
  ): Promise<StaffAbsence | null> {
    assertTenantId(tenantId);
    const problems: Parameters<typeof instant>[2] = [];
    const at = options.at === undefined ? this.#clock() : instant(options.at, '/at', problems);
    if (!at) throw staffInputInvalid(tenantId, `End of absence "${absenceId}"`, problems);
    return this.#write(tenantId, (trx) =>
      finishAbsence(trx, tenantId, absenceId, at, actor(options), options.staffId),
    );
  }

  async absences(tenantId: string, staffId: string): Promise<StaffAbsence[]> {
    assertTenantId(tenantId);
    return this.#db.withTenant(tenantId, (trx) => listAbsences(trx, tenantId, staffId));
  }

  /** Runs a write; a tenant that does not exist fails its foreign key and is reported as such. */
  async #write<T>(tenantId: string, work: (trx: TenantTransaction) => Promise<T>): Promise<T> {
    try {
      return await this.#db.withTenant(tenantId, work);
    } catch (error) {
      if (violatedForeignKey(error)?.endsWith('_tenant_id_foreign')) throw tenantNotFound(tenantId);
      throw error;
    } finally {
      this.#afterChange();
    }
  }
}

/** Applies column changes to a staff row the caller has locked; returns the new row. */
async function changeStaff(
  trx: TenantTransaction,
  tenantId: string,
  staffId: string,
  changes: Record<string, unknown>,
): Promise<StaffRow> {
  const [row]: StaffRow[] = await trx('staff_members')
    .where({ tenant_id: tenantId, id: staffId })
    .update(changes)
    .returning('*');
  return row!;
}
