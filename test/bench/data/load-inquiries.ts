import pg from 'pg';
import { copyRows } from '../postgres/copy-rows.js';
import type { Row } from './csv.js';
import type { GeneratedCity } from './inquiry-generator.js';

/** The columns of `inquiries` that generated rows fill (the rest keep their defaults). */
export const INQUIRY_COLUMNS = [
  'tenant_id',
  'id',
  'tracking_number',
  'kind',
  'service_code',
  'service_version',
  'workflow_key',
  'workflow_version',
  'applicant_type',
  'applicant',
  'applicant_key',
  'locale',
  'form_data',
  'channel',
  'agency_code',
  'state',
  'public_status',
  'candidate_role',
  'assignee_id',
  'escalated',
  'filed_at',
  'filed_by',
  'state_entered_at',
  'due_at',
  'state_due_at',
  'state_breached_at',
  'overall_breached_at',
  'paused_at',
  'closed_at',
  'version',
  'updated_at',
  'overall_sla',
] as const;

const HISTORY_COLUMNS = [
  'tenant_id',
  'inquiry_id',
  'seq',
  'at',
  'kind',
  'to_state',
  'workflow_version',
  'actor_id',
  'actor_role',
  'public',
  'details',
];
const TIMER_COLUMNS = ['tenant_id', 'inquiry_id', 'kind', 'fire_at', 'inquiry_version', 'reaction'];

/**
 * Copies cities' generated inquiries into `inquiries` in one COPY, and moves each city's tracking
 * counters past them (so that filing through Darcha continues the numbering). Returns the row count.
 */
export async function loadInquiries(url: string, cities: readonly GeneratedCity[]): Promise<number> {
  function* rows(): Generator<Row> {
    for (const city of cities) yield* city.rows;
  }
  const count = await copyRows(url, 'inquiries', INQUIRY_COLUMNS, { [Symbol.iterator]: rows });
  for (const city of cities) await advanceCounters(url, city.tenantId, city.counters);
  return count;
}

/**
 * New inquiries as filing leaves them, for transitions to act on: each with its `filed` history
 * entry and its pending SLA timer. Returns the inquiries' ids in load order.
 */
export async function loadNewInquiries(url: string, city: GeneratedCity): Promise<string[]> {
  const rows = [...city.rows];
  await copyRows(url, 'inquiries', INQUIRY_COLUMNS, rows);
  await copyRows(url, 'inquiry_history', HISTORY_COLUMNS, rows.map(filedEntry));
  await copyRows(url, 'inquiry_timers', TIMER_COLUMNS, rows.map(slaTimer));
  await advanceCounters(url, city.tenantId, city.counters);
  await analyze(url, ['inquiries', 'inquiry_history', 'inquiry_timers']);
  return rows.map((row) => String(row['id']));
}

/**
 * Gathers planner statistics after a bulk load, as an operator would (autovacuum would do it within a
 * minute or so). Without them the planner takes a freshly loaded table for empty and may scan every
 * pending timer of the city to delete one inquiry's.
 */
async function analyze(url: string, tables: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const table of tables) await client.query(`analyze ${table}`);
  } finally {
    await client.end();
  }
}

function filedEntry(inquiry: Row): Row {
  return {
    tenant_id: inquiry['tenant_id'],
    inquiry_id: inquiry['id'],
    seq: 1,
    at: inquiry['filed_at'],
    kind: 'filed',
    to_state: inquiry['state'],
    workflow_version: inquiry['workflow_version'],
    actor_id: inquiry['filed_by'],
    actor_role: 'front_office',
    public: true,
    details: { channel: inquiry['channel'], serviceVersion: inquiry['service_version'] },
  };
}

function slaTimer(inquiry: Row): Row {
  return {
    tenant_id: inquiry['tenant_id'],
    inquiry_id: inquiry['id'],
    kind: 'overall_sla',
    fire_at: inquiry['due_at'],
    inquiry_version: 1,
    reaction: JSON.stringify('escalate'),
  };
}

async function advanceCounters(url: string, tenantId: string, counters: Map<string, number>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const [key, last] of counters) {
      const at = key.lastIndexOf('-');
      await client.query(
        `insert into tracking_counters (tenant_id, prefix, year, last_value) values ($1, $2, $3, $4)
         on conflict (tenant_id, prefix, year)
         do update set last_value = greatest(tracking_counters.last_value, excluded.last_value)`,
        [tenantId, key.slice(0, at), Number(key.slice(at + 1)), last],
      );
    }
  } finally {
    await client.end();
  }
}
