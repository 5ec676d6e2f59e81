import { randomUUID } from 'node:crypto';
import type { Applicant } from '@darcha/core';
import { ApplicantPool, applicantKey } from './applicants.js';
import type { Row } from './csv.js';
import { SeededRandom } from './seeded-random.js';
import type { ServiceShape, StateShape } from './service-shapes.js';

/** One city's generated inquiries. */
export interface CitySpec {
  tenantId: string;
  /** The city's name in applicants' business names. */
  name: string;
  trackingPrefix: string;
  agencyCode: string;
  count: number;
  /** Filing dates run evenly (with jitter) from `from` to `to`. */
  from: Date;
  to: Date;
  services: readonly ServiceShape[];
  /** Share of inquiries still open (the rest are closed: completed, or one in ten rejected). */
  openShare: number;
  seed: number;
  /** Only new inquiries in their workflow's start state, version 1 (what a transition acts on). */
  startStateOnly?: boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STAFF_POOL = 12;

/** Inquiries generated for a city, and the people who filed them (to search by). */
export interface GeneratedCity {
  tenantId: string;
  rows: Iterable<Row>;
  applicants: ApplicantPool;
  /** The last tracking number used per `prefix-year`, for the city's counters. */
  counters: Map<string, number>;
}

/**
 * Inquiries shaped like the demo's history: the pack's services and their workflows' states,
 * applicants who come back, forms filled with the service's fields, tracking numbers without gaps
 * per year, due dates from the service's SLA, most inquiries closed. Rows are made lazily.
 */
export function generateCity(spec: CitySpec): GeneratedCity {
  const random = new SeededRandom(spec.seed);
  const applicants = new ApplicantPool(random, Math.max(10, Math.ceil(spec.count * 0.8)), spec.name);
  const staff = Array.from({ length: STAFF_POOL }, () => randomUUID());
  const counters = new Map<string, number>();
  const step = (spec.to.getTime() - spec.from.getTime()) / Math.max(1, spec.count);
  function* rows(): Generator<Row> {
    for (let i = 0; i < spec.count; i++) {
      const filedAt = new Date(spec.from.getTime() + (i + random.next()) * step);
      const counterKey = `${spec.trackingPrefix}-${filedAt.getUTCFullYear()}`;
      const seq = (counters.get(counterKey) ?? 0) + 1;
      counters.set(counterKey, seq);
      const service = random.pick(spec.services);
      yield inquiryRow(random, spec, {
        service,
        applicant: applicants.next(),
        filedAt,
        filedBy: random.pick(staff),
        trackingNumber: `${counterKey}-${String(seq).padStart(6, '0')}`,
      });
    }
  }
  return { tenantId: spec.tenantId, rows: { [Symbol.iterator]: rows }, applicants, counters };
}

interface RowInput {
  service: ServiceShape;
  applicant: Applicant;
  filedAt: Date;
  filedBy: string;
  trackingNumber: string;
}

function inquiryRow(random: SeededRandom, spec: CitySpec, input: RowInput): Row {
  const { service, applicant, filedAt } = input;
  const states = service.workflow.states;
  const open = spec.startStateOnly || random.chance(spec.openShare);
  const state = spec.startStateOnly
    ? states.find((s) => s.type === 'start')!
    : open
      ? random.pick(states.filter((s) => s.type !== 'terminal'))
      : closedState(random, states);
  const dueAt = new Date(filedAt.getTime() + slaMs(service.sla));
  const stateEnteredAt = state.type === 'start' ? filedAt : new Date(filedAt.getTime() + random.next() * DAY);
  const closedAt =
    state.type === 'terminal' ? new Date(stateEnteredAt.getTime() + random.next() * HOUR) : null;
  const version = state.type === 'start' ? 1 : random.int(2, 5);
  return {
    tenant_id: spec.tenantId,
    id: randomUUID(),
    tracking_number: input.trackingNumber,
    kind: service.kind,
    service_code: service.code,
    service_version: service.version,
    workflow_key: service.workflow.key,
    workflow_version: service.workflow.version,
    applicant_type: applicant.type,
    applicant,
    applicant_key: applicantKey(applicant),
    locale: applicant.locale,
    form_data: formData(random, service, applicant),
    channel: random.chance(0.8) ? 'desk' : 'online',
    agency_code: spec.agencyCode,
    state: state.name,
    public_status: state.publicStatus,
    candidate_role: closedAt ? null : state.candidateRole,
    assignee_id: null,
    escalated: !closedAt && random.chance(0.02),
    filed_at: filedAt,
    filed_by: input.filedBy,
    state_entered_at: stateEnteredAt,
    due_at: closedAt ? null : dueAt,
    state_due_at: null,
    state_breached_at: null,
    overall_breached_at: (closedAt ?? new Date()) > dueAt && random.chance(0.3) ? dueAt : null,
    paused_at: null,
    closed_at: closedAt,
    version,
    updated_at: closedAt ?? stateEnteredAt,
    overall_sla: service.sla,
  };
}

function closedState(random: SeededRandom, states: readonly StateShape[]): StateShape {
  const terminal = states.filter((s) => s.type === 'terminal');
  const rejected = terminal.filter((s) => s.publicStatus === 'rejected');
  const completed = terminal.filter((s) => s.publicStatus !== 'rejected');
  return random.chance(0.1) && rejected.length > 0 ? random.pick(rejected) : random.pick(completed);
}

/** The service's SLA as calendar time, roughly (a working day is 1.4 calendar days). */
function slaMs(sla: { unit: string; value: number }): number {
  if (sla.unit === 'minutes') return sla.value * 60_000;
  if (sla.unit === 'working_hours') return sla.value * HOUR * 1.4;
  return sla.value * DAY * 1.4;
}

type FieldMaker = (random: SeededRandom, applicant: Applicant) => unknown;

/** Plausible values of the fields the gas pack's forms have. */
const FIELD_VALUES: Record<string, FieldMaker> = {
  applicantType: (_r, a) => a.type,
  pinfl: (_r, a) => (a.type === 'individual' ? a.pinfl : a.representative.pinfl),
  tin: (_r, a) => (a.type === 'legal_entity' ? a.tin : undefined),
  account: (r) => r.digits(r.int(7, 10)),
  phone: (_r, a) => a.phone,
  purpose: (r) => r.pick(['uy-joy sotish', 'ijara', 'bank uchun', 'notarius uchun']),
  cadastreNumber: (r) => [2, 2, 2, 2, 2, 4, 4, 3].map((n) => r.digits(n)).join(':'),
  address: (r) => `${r.pick(['Navoiy', 'Amir Temur', 'Mustaqillik', 'Bobur'])} ko‘chasi, ${r.int(1, 120)}`,
  appliances: (r) => r.pick([['stove'], ['stove', 'water-heater'], ['boiler']]),
};

/** The service's form, filled with plausible values for the fields it has. */
function formData(
  random: SeededRandom,
  service: ServiceShape,
  applicant: Applicant,
): Record<string, unknown> {
  const form: Record<string, unknown> = {};
  for (const field of service.formProperties) {
    const value = FIELD_VALUES[field]?.(random, applicant);
    if (value !== undefined) form[field] = value;
  }
  return form;
}
