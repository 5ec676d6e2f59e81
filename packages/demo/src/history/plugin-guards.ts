import type {
  Applicant,
  CatalogService,
  CompiledWorkflow,
  Inquiry,
  Locale,
  Platform,
  TenantTransaction,
  WorkflowTransition,
} from '@darcha/core';
import { isPluginGuard } from './workflow-paths.js';

/** A guard that reads the database cannot be asked about an application that is not filed yet. */
export class GuardNeedsDatabaseError extends Error {}

/**
 * Stands in for the transaction a guard is given: the history asks guards before anything is
 * written, so a guard that reads the database (a room booking held for the inquiry) cannot be
 * answered, and its service is left out of the history.
 */
const NO_DATABASE = new Proxy(function noDatabase() {}, {
  get() {
    throw new GuardNeedsDatabaseError('the guard reads the database');
  },
  apply() {
    throw new GuardNeedsDatabaseError('the guard reads the database');
  },
}) as unknown as TenantTransaction;

/** The plugins' guards on the steps, with the index of the first step each guards. */
export function pluginGuards(steps: readonly WorkflowTransition[]): { step: number; guard: string }[] {
  return steps.flatMap((t, step) => (t.guards ?? []).filter(isPluginGuard).map((guard) => ({ step, guard })));
}

/** What the guard is shown of the application: the inquiry as it would be when the step is taken. */
export interface GuardedApplication {
  tenantId: string;
  service: CatalogService;
  workflow: CompiledWorkflow;
  applicant: Applicant;
  locale: Locale;
  formData: Record<string, unknown>;
  filedAt: Date;
}

/**
 * The first step whose plugin guard refuses the application (the engine would refuse that step,
 * and the officer rejects the application instead), or -1 when every guard lets it through.
 * Throws {@link GuardNeedsDatabaseError} for a guard that reads the database, and `Error` for a
 * guard no active plugin provides.
 */
export async function refusedStep(
  platform: Platform,
  application: GuardedApplication,
  steps: readonly WorkflowTransition[],
): Promise<number> {
  for (const { step, guard } of pluginGuards(steps)) {
    const check = platform.plugins.contributions.guard(guard);
    if (!check) throw new Error(`guard ${guard} is not provided by an active plugin`);
    const passed = await check({
      tenantId: application.tenantId,
      inquiry: inquiryOf(application, steps[step]!.from[0]!),
      trx: NO_DATABASE,
    });
    if (!passed) return step;
  }
  return -1;
}

function inquiryOf(a: GuardedApplication, state: string): Inquiry {
  const start = a.workflow.state(state);
  return {
    id: '00000000-0000-4000-8000-000000000000',
    tenantId: a.tenantId,
    trackingNumber: '',
    kind: a.service.definition.kind,
    serviceCode: a.service.serviceCode,
    serviceVersion: a.service.version,
    workflowKey: a.workflow.key,
    workflowVersion: a.workflow.version,
    parentId: null,
    applicant: a.applicant,
    applicantKey: a.applicant.type === 'individual' ? a.applicant.pinfl : a.applicant.tin,
    locale: a.locale,
    formData: a.formData,
    channel: 'desk',
    agencyCode: a.service.agencyCode,
    state,
    publicStatus: start.publicStatus,
    candidateRole: start.candidateRole ?? null,
    assigneeId: null,
    escalated: false,
    filedAt: a.filedAt,
    filedBy: 'demo-seed',
    stateEnteredAt: a.filedAt,
    dueAt: null,
    stateDueAt: null,
    stateBreachedAt: null,
    overallBreachedAt: null,
    pausedAt: null,
    closedAt: null,
    version: 1,
    updatedAt: a.filedAt,
    overallSla: { unit: a.service.sla.unit, value: a.service.sla.value },
  };
}
