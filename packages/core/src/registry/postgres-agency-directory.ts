import { appendAudit } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import type { TenantTransaction } from '../db/types.js';
import type { LocalizedText } from '../i18n/locales.js';
import { tenantNotFound } from '../tenancy/tenancy.errors.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import { actor } from '../tenancy/tenant-rows.js';
import {
  agencyExists,
  agencyInUse,
  agencyInvalid,
  agencyNotFound,
  deskExists,
  deskInvalid,
  deskNotFound,
} from './agency.errors.js';
import { agencyProblems, deskProblems } from './agency-input.schema.js';
import type { Agency, AgencyDirectory, AgencyWriteOptions, Desk } from './contracts.js';
import { violatedForeignKey } from './foreign-key-violation.js';

interface AgencyRow {
  tenant_id: string;
  code: string;
  kind: string;
  names: LocalizedText;
  contacts: Agency['contacts'];
  working_hours: Agency['workingHours'];
  active: boolean;
}

interface DeskRow {
  tenant_id: string;
  code: string;
  names: LocalizedText;
  agency_code: string | null;
  active: boolean;
}

/**
 * A tenant's agencies and desks, in the tenant tables `agencies` and `desks`: every call runs in
 * `withTenant`, so a city reaches only its own. Saving is an upsert by code (or, with `mode`, a
 * strict create or update), recorded in the audit log.
 */
export class PostgresAgencyDirectory implements AgencyDirectory {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async upsertAgency(tenantId: string, agency: Agency, options: AgencyWriteOptions = {}): Promise<Agency> {
    assertTenantId(tenantId);
    const problems = agencyProblems(agency);
    if (problems.length > 0) throw agencyInvalid(tenantId, codeOf(agency), problems);
    const row = {
      tenant_id: tenantId,
      code: agency.code,
      kind: agency.kind,
      names: JSON.stringify(agency.names),
      contacts: JSON.stringify(agency.contacts ?? {}),
      working_hours: JSON.stringify(agency.workingHours ?? {}),
      active: agency.active ?? true,
    };
    return this.#write(tenantId, async (trx) => {
      const existing: Pick<AgencyRow, 'kind'> | undefined = await trx('agencies')
        .where({ tenant_id: tenantId, code: agency.code })
        .forUpdate()
        .first('kind');
      if (existing && options.mode === 'create') throw agencyExists(tenantId, agency.code);
      if (!existing && options.mode === 'update') throw agencyNotFound(tenantId, agency.code);
      if (existing && existing.kind !== agency.kind) {
        const routed = await trx('catalog_entries')
          .where({ tenant_id: tenantId, agency_code: agency.code })
          .orderBy('service_code')
          .pluck('service_code');
        if (routed.length > 0) throw agencyInUse(tenantId, agency.code, routed.map(String));
      }
      const conflict = trx('agencies').insert(row).onConflict(['tenant_id', 'code']);
      const [saved]: AgencyRow[] = await (
        options.mode === 'create'
          ? conflict.ignore()
          : conflict.merge({ ...row, updated_at: trx.fn.now() } as never)
      ).returning('*');
      if (!saved) throw agencyExists(tenantId, agency.code); // created concurrently
      await appendAudit(trx, tenantId, {
        ...actor(options),
        action: 'agency.upsert',
        subjectType: 'agency',
        subjectId: agency.code,
        details: { kind: agency.kind, active: row.active, created: existing === undefined },
      });
      return toAgency(saved!);
    });
  }

  async getAgency(tenantId: string, code: string): Promise<Agency> {
    assertTenantId(tenantId);
    const row: AgencyRow | undefined = await this.#db.withTenant(tenantId, (trx) =>
      trx('agencies')
        .where({ tenant_id: tenantId, code: String(code) })
        .first(),
    );
    if (!row) throw agencyNotFound(tenantId, String(code));
    return toAgency(row);
  }

  async listAgencies(tenantId: string): Promise<Agency[]> {
    assertTenantId(tenantId);
    const rows: AgencyRow[] = await this.#db.withTenant(tenantId, (trx) =>
      trx('agencies').where({ tenant_id: tenantId }).orderBy('code'),
    );
    return rows.map(toAgency);
  }

  async upsertDesk(tenantId: string, desk: Desk, options: AgencyWriteOptions = {}): Promise<Desk> {
    assertTenantId(tenantId);
    const problems = deskProblems(desk);
    if (problems.length > 0) throw deskInvalid(tenantId, codeOf(desk), problems);
    const row = {
      tenant_id: tenantId,
      code: desk.code,
      names: JSON.stringify(desk.names),
      agency_code: desk.agencyCode ?? null,
      active: desk.active ?? true,
    };
    return this.#write(tenantId, async (trx) => {
      if (row.agency_code !== null) {
        const agency = await trx('agencies')
          .where({ tenant_id: tenantId, code: row.agency_code })
          .first('code');
        if (!agency) throw agencyNotFound(tenantId, row.agency_code);
      }
      if (options.mode === 'create' || options.mode === 'update') {
        const existing = await trx('desks')
          .where({ tenant_id: tenantId, code: desk.code })
          .forUpdate()
          .first('code');
        if (existing && options.mode === 'create') throw deskExists(tenantId, desk.code);
        if (!existing && options.mode === 'update') throw deskNotFound(tenantId, desk.code);
      }
      const conflict = trx('desks').insert(row).onConflict(['tenant_id', 'code']);
      const [saved]: DeskRow[] = await (
        options.mode === 'create'
          ? conflict.ignore()
          : conflict.merge({ ...row, updated_at: trx.fn.now() } as never)
      ).returning('*');
      if (!saved) throw deskExists(tenantId, desk.code); // created concurrently
      await appendAudit(trx, tenantId, {
        ...actor(options),
        action: 'desk.upsert',
        subjectType: 'desk',
        subjectId: desk.code,
        details: { agencyCode: row.agency_code, active: row.active },
      });
      return toDesk(saved!);
    });
  }

  async getDesk(tenantId: string, code: string): Promise<Desk> {
    assertTenantId(tenantId);
    const row: DeskRow | undefined = await this.#db.withTenant(tenantId, (trx) =>
      trx('desks')
        .where({ tenant_id: tenantId, code: String(code) })
        .first(),
    );
    if (!row) throw deskNotFound(tenantId, String(code));
    return toDesk(row);
  }

  async listDesks(tenantId: string): Promise<Desk[]> {
    assertTenantId(tenantId);
    const rows: DeskRow[] = await this.#db.withTenant(tenantId, (trx) =>
      trx('desks').where({ tenant_id: tenantId }).orderBy('code'),
    );
    return rows.map(toDesk);
  }

  /** Runs a write; a tenant that does not exist fails its foreign key and is reported as such. */
  async #write<T>(tenantId: string, work: (trx: TenantTransaction) => Promise<T>): Promise<T> {
    try {
      return await this.#db.withTenant(tenantId, work);
    } catch (error) {
      if (violatedForeignKey(error)?.endsWith('_tenant_id_foreign')) throw tenantNotFound(tenantId);
      throw error;
    }
  }
}

function codeOf(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function toAgency(row: AgencyRow): Agency {
  return {
    code: row.code,
    kind: row.kind,
    names: row.names,
    contacts: row.contacts,
    workingHours: row.working_hours,
    active: row.active,
  };
}

function toDesk(row: DeskRow): Desk {
  return { code: row.code, names: row.names, agencyCode: row.agency_code, active: row.active };
}
