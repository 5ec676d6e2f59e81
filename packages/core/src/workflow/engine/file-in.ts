import { DateTime } from 'luxon';
import type { TenantTransaction } from '../../db/types.js';
import type { CatalogService } from '../../registry/types.js';
import { inquiryFromRow, type InquiryRow } from '../inquiry/inquiry-rows.js';
import type { Actor, Applicant, FileInquiryInput, Inquiry } from '../inquiry/types.js';
import type { CompiledWorkflow } from './compiled-workflow.js';
import { insertInquiry } from './insert-inquiry.js';
import { routeAssignee } from './routing.js';
import { clockAfterMove, plannedTimers } from './schedule.js';
import type { EngineRuntime } from './transition-in.js';

/** A service as filing needs it: the tenant's catalog entry and the workflow new inquiries run. */
export interface FilingTarget {
  offered: CatalogService;
  workflow: CompiledWorkflow;
  formData: Record<string, unknown>;
}

/** The applicant's PINFL or TIN. */
export function applicantKey(applicant: Applicant): string {
  return applicant.type === 'individual' ? applicant.pinfl : applicant.tin;
}

/**
 * Inserts one inquiry (with its first history entry, timers and `inquiry.filed` event) in the
 * caller's transaction, routed per the tenant's policy when its start state names a candidate role.
 */
export async function fileIn(
  trx: TenantTransaction,
  rt: EngineRuntime,
  input: FileInquiryInput,
  target: FilingTarget,
  actor: Actor,
  actorRole: string,
  parentId: string | null,
  options: { final?: boolean } = {},
): Promise<Inquiry> {
  const tenant = rt.tenant;
  const { workflow, offered } = target;
  const start = workflow.state(workflow.startState);
  const clock = clockAfterMove({
    workflow,
    calendar: tenant.calendar,
    before: undefined,
    to: workflow.startState,
    now: rt.now,
    overallSla: offered.sla,
  });
  const candidateRole = start.candidateRole ?? null;
  const assigneeId = await routeAssignee(trx, rt.staff, {
    tenantId: tenant.tenantId,
    policy: tenant.routing,
    role: candidateRole,
    agencyCode: offered.agencyCode,
    at: rt.now,
  });
  const locale = input.locale ?? input.applicant.locale;
  const row: InquiryRow = await insertInquiry(
    trx,
    {
      tenantId: tenant.tenantId,
      trackingPrefix: tenant.trackingPrefix,
      year: DateTime.fromJSDate(rt.now, { zone: tenant.timeZone }).year,
      kind: offered.definition.kind,
      serviceCode: offered.serviceCode,
      serviceVersion: offered.version,
      workflowKey: workflow.key,
      workflowVersion: workflow.version,
      parentId,
      applicant: input.applicant,
      applicantKey: applicantKey(input.applicant),
      locale,
      formData: target.formData,
      channel: input.channel,
      agencyCode: offered.agencyCode,
      publicStatus: start.publicStatus,
      candidateRole,
      assigneeId,
      filedAt: rt.now,
      filedBy: actor.id,
      overallSla: { unit: offered.sla.unit, value: offered.sla.value },
      clock,
      history: {
        kind: 'filed',
        action: null,
        fromState: null,
        toState: workflow.startState,
        actorId: actor.id,
        actorRole,
        onBehalfOf: null,
        comment: null,
        documents: [],
        public: true,
        details: {
          channel: input.channel,
          serviceVersion: offered.version,
          ...(parentId ? { parentId } : {}),
        },
      },
      timers: plannedTimers(workflow, clock, rt.now),
      events: [
        {
          type: 'inquiry.filed',
          payload: {
            serviceCode: offered.serviceCode,
            state: workflow.startState,
            publicStatus: start.publicStatus,
            channel: input.channel,
            agencyCode: offered.agencyCode,
            assigneeId,
            locale,
            version: 1,
          },
        },
      ],
    },
    options,
  );
  return inquiryFromRow(row);
}
