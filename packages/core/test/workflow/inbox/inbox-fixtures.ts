import type { Database } from '../../../src/db/database.js';
import { PostgresAgencyDirectory } from '../../../src/registry/postgres-agency-directory.js';
import { PostgresTenantRegistry } from '../../../src/tenancy/postgres-tenant-registry.js';
import type { InboxBucket, InboxSort } from '../../../src/workflow/inbox/inbox-query.js';
import type { InboxViewer } from '../../../src/workflow/inbox/types.js';

/** The instant the inbox's clock shows in every test. */
export const NOW = new Date('2026-03-02T06:00:00.000Z');
/** The `due_soon` horizon: eight hours on. */
export const DUE_BEFORE = new Date('2026-03-02T14:00:00.000Z');
export const ROWS_PER_CITY = 3000;

/** Staff ids per city: five officers each, different in each city. */
export const STAFF: Record<string, string[]> = {
  chirchik: [1, 2, 3, 4, 5].map((n) => `00000000-0000-4000-8000-00000000000${n}`),
  djizak: [1, 2, 3, 4, 5].map((n) => `00000000-0000-4000-8000-00000000010${n}`),
};
export const PREFIX: Record<string, string> = { chirchik: 'CHR', djizak: 'DJZ' };

/** Officers of Chirchik with different roles, agencies and delegations. */
export function viewers(city = 'chirchik'): Record<string, InboxViewer> {
  const s = STAFF[city]!;
  return {
    front: { id: s[0]!, roles: ['front_office'], agencyCodes: [], actingFor: [] },
    gasOfficer: {
      id: s[1]!,
      roles: ['back_office', 'agency-gas/inspector'],
      agencyCodes: ['gorgas'],
      actingFor: [s[2]!],
    },
    backOfficeEverywhere: { id: s[3]!, roles: ['back_office'], agencyCodes: [], actingFor: [] },
    supervisor: {
      id: s[4]!,
      roles: ['supervisor', 'front_office'],
      agencyCodes: ['gorgas', 'tax'],
      actingFor: [],
    },
    newcomer: { id: s[4]!, roles: [], agencyCodes: [], actingFor: [] },
  };
}

/**
 * Two cities with three agencies, five officers and 3,000 inquiries each, made by one
 * `generate_series` statement per city. As in a city that has worked a while, three in four are
 * closed. Due dates tie in groups (and differ by a microsecond inside some), filing instants tie in
 * pairs; some open inquiries are undated, paused, breached or escalated.
 */
export async function seedInbox(db: Database): Promise<void> {
  const tenants = new PostgresTenantRegistry(db);
  const agencies = new PostgresAgencyDirectory(db);
  await tenants.create({ id: 'uz', kind: 'country', names: { 'uz-Latn': "O'zbekiston" } });
  for (const city of ['chirchik', 'djizak']) {
    await tenants.create({ id: city, kind: 'city', parentId: 'uz', names: { 'uz-Latn': city } });
    for (const [code, kind] of [
      ['gorgas', 'gas'],
      ['tax', 'tax'],
      ['vodokanal', 'water'],
    ] as const) {
      await agencies.upsertAgency(city, {
        code,
        kind,
        names: { en: code },
        contacts: {},
        workingHours: {},
        active: true,
      });
    }
    await db.withTenant(city, async (trx) => {
      await trx('staff_members').insert(
        STAFF[city]!.map((id, i) => ({ tenant_id: city, id, display_name: `Officer ${i + 1}` })),
      );
      await trx.raw(SEED_SQL, [city, PREFIX[city]!, STAFF[city]!, NOW, ROWS_PER_CITY]);
    });
  }
}

const SEED_SQL = `
insert into inquiries (tenant_id, tracking_number, kind, service_code, service_version, workflow_key,
  workflow_version, applicant_type, applicant, applicant_key, locale, form_data, channel, agency_code,
  state, public_status, candidate_role, assignee_id, escalated, filed_at, filed_by, state_entered_at,
  due_at, state_due_at, state_breached_at, overall_breached_at, paused_at, closed_at, version, updated_at)
select tenant, prefix || '-' || (2025 + n % 2) || '-' || lpad(n::text, 6, '0'), 'service',
  (array['gas.connection', 'tax.certificate', 'water.connection'])[(n / 2) % 3 + 1], 1, 'agency-gas/connection', 1,
  case when n % 5 = 0 then 'legal_entity' else 'individual' end,
  case when n % 5 = 0
    then jsonb_build_object('type', 'legal_entity', 'tin', lpad((n % 89)::text, 9, '2'), 'name', 'Firm ' || n,
      'representative', jsonb_build_object('lastName', 'Rep', 'firstName', 'R'), 'locale', 'ru')
    else jsonb_build_object('type', 'individual', 'pinfl', lpad((n % 97)::text, 14, '3'), 'lastName', 'Karimov' || n,
      'firstName', 'Aziz', 'locale', 'uz-Latn')
      || case when n % 2 = 0 then jsonb_build_object('middleName', 'Olimovich') else '{}'::jsonb end
  end,
  case when n % 5 = 0 then lpad((n % 89)::text, 9, '2') else lpad((n % 97)::text, 14, '3') end,
  'uz-Latn', '{}'::jsonb, 'desk',
  case when n % 17 = 0 then null else (array['gorgas', 'tax', 'vodokanal'])[n % 3 + 1] end,
  (array['registered', 'review', 'waiting_citizen', 'ready'] || array_fill('issued'::text, array[7])
    || array_fill('refused'::text, array[5]))[(n / 7) % 16 + 1],
  (array['submitted', 'in_progress', 'action_required', 'ready'] || array_fill('completed'::text, array[7])
    || array_fill('rejected'::text, array[5]))[(n / 7) % 16 + 1],
  case when n % 19 = 0 then null
    else (array['front_office', 'back_office', 'supervisor', 'agency-gas/inspector'])[n % 4 + 1] end,
  case when n % 8 < 4 then staff[n % 8 + 1] end,
  n % 23 = 0,
  filed, 'front-office', filed,
  case when n % 11 = 0 then null
    else now_ - interval '10 hours' + (n % 40) * interval '1 hour' + (n % 3) * interval '1 microsecond' end,
  case when n % 13 = 0 then null else now_ - interval '5 hours' + (n % 29) * interval '1 hour' end,
  case when n % 31 = 0 then now_ - interval '1 hour' end,
  case when n % 37 = 0 then now_ - interval '2 hours' end,
  case when (n / 7) % 16 = 2 then now_ - interval '3 hours' end,
  case when (n / 7) % 16 >= 4 then filed + interval '1 day' end,
  1 + n % 4, now_
from (select ?::text as tenant, ?::text as prefix, ?::uuid[] as staff, ?::timestamptz as now_) p,
  generate_series(1, ?) n,
  lateral (select now_ - (n / 4) * interval '37 minutes' + (n % 4 / 2) * interval '1 microsecond' as filed) f`;

/** What a test needs of each stored inquiry to decide, in plain TypeScript, where it belongs. */
export interface OracleRow {
  id: string;
  tracking_number: string;
  service_code: string;
  state: string;
  public_status: string;
  agency_code: string | null;
  candidate_role: string | null;
  assignee_id: string | null;
  escalated: boolean;
  applicant_key: string;
  open: boolean;
  paused: boolean;
  breached: boolean;
  /** Instants as `YYYY-MM-DDTHH:MM:SS.ffffffZ`, which sort as text in time order. */
  due: string | null;
  state_due: string | null;
  filed: string;
}

const key = (column: string): string =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Every inquiry of a city, read back with microsecond keys. */
export async function oracleRows(db: Database, city: string): Promise<OracleRow[]> {
  return db.withTenant(city, (trx) =>
    trx('inquiries')
      .where('tenant_id', city)
      .select(
        'id',
        'tracking_number',
        'service_code',
        'state',
        'public_status',
        'agency_code',
        'candidate_role',
        'assignee_id',
        'escalated',
        'applicant_key',
        trx.raw('closed_at is null as open'),
        trx.raw('paused_at is not null as paused'),
        trx.raw('(state_breached_at is not null or overall_breached_at is not null) as breached'),
        trx.raw(`${key('due_at')} as due`),
        trx.raw(`${key('state_due_at')} as state_due`),
        trx.raw(`${key('filed_at')} as filed`),
      ),
  );
}

export const asKey = (date: Date): string => date.toISOString().replace('Z', '000Z');

/** The bucket rules, written again in TypeScript from the documentation. */
export function inBucket(row: OracleRow, bucket: InboxBucket, viewer: InboxViewer): boolean {
  const now = asKey(NOW);
  const horizon = asKey(DUE_BEFORE);
  const dueWithin = (at: string | null): boolean => at !== null && at > now && at <= horizon;
  const duePassed = (at: string | null): boolean => at !== null && at <= now;
  switch (bucket) {
    case 'role': {
      if (!row.open || row.assignee_id !== null || row.candidate_role === null) return false;
      if (!viewer.roles.includes(row.candidate_role)) return false;
      if (row.candidate_role !== 'back_office' || viewer.agencyCodes.length === 0) return true;
      return row.agency_code !== null && viewer.agencyCodes.includes(row.agency_code);
    }
    case 'mine':
      return (
        row.open && row.assignee_id !== null && [viewer.id, ...viewer.actingFor].includes(row.assignee_id)
      );
    case 'agency':
      return row.open && row.agency_code !== null && viewer.agencyCodes.includes(row.agency_code);
    case 'due_soon':
      return row.open && !row.paused && (dueWithin(row.due) || dueWithin(row.state_due));
    case 'overdue':
      return row.open && (row.breached || (!row.paused && (duePassed(row.due) || duePassed(row.state_due))));
    case 'escalated':
      return row.open && row.escalated;
    case 'all_open':
      return row.open;
    case 'closed':
      return !row.open;
  }
}

/** The order a sort promises: due (undated last) then id, or newest filing then id descending. */
export function sortRows(rows: OracleRow[], sort: InboxSort): OracleRow[] {
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) =>
    sort === 'due'
      ? compare(a.due ?? '~', b.due ?? '~') || compare(a.id, b.id)
      : compare(b.filed, a.filed) || compare(b.id, a.id),
  );
}
