import type { LocalizedText, WorkflowDefinition, WorkflowState, WorkflowTransition } from '@darcha/core';
import { WORKFLOW_NAMES as N } from './workflow-names.js';

/** One step of work by the agency's back office, with its own deadline in working days. */
export interface WorkStage {
  /** The state's name: lowercase, digits, underscores (`check`, `inspection`). */
  state: string;
  names: LocalizedText;
  /** Working days the back office has for this step; the supervisors are alerted when it is missed. */
  workingDays: number;
  /** The action that finishes the step (`complete_<state>`) and its name. */
  done: LocalizedText;
}

/** What {@link stagedWorkflow} builds. */
export interface StagedWorkflowSpec {
  /** `<plugin-id>/<name>`. */
  key: string;
  version?: number;
  names: LocalizedText;
  stages: [WorkStage, ...WorkStage[]];
  /**
   * The applicant pays first: the inquiry waits in `awaiting_payment` (the clock stopped) until the
   * front office or the payments module confirms the invoice is paid, and is cancelled after
   * `payableWorkingDays` (default 10) without payment.
   */
  payment?: { payableWorkingDays?: number };
  /**
   * The last step issues this document template (`core/issue-document`); the inquiry then waits in
   * `ready` for the front office to hand it over. Without it the last step completes the inquiry.
   */
  issues?: { template: string };
  /** The name of the rejection (a dispute is "dismissed", not "rejected"). */
  rejectNames?: LocalizedText;
  /** Calendar days after a rejection within which the applicant may appeal (default 15). */
  appealDays?: number;
}

const BACK_OFFICE = ['back_office'];

/**
 * A workflow of one or more steps worked in order by the agency's back office, each with its own
 * SLA, optionally behind a payment and ending with an issued document. Every step may reject with a
 * reason; a rejected applicant may appeal within 15 days, which reopens the first step.
 *
 * @example
 * stagedWorkflow({ key: 'agency-gas/cylinder-supply', names, stages: [
 *   { state: 'check', workingDays: 1, ... }, { state: 'inspection', workingDays: 3, ... },
 *   { state: 'delivery', workingDays: 12, ... } ] });
 */
export function stagedWorkflow(spec: StagedWorkflowSpec): WorkflowDefinition {
  const start = spec.payment ? 'awaiting_payment' : 'submitted';
  const first = spec.stages[0].state;
  const states: Record<string, WorkflowState> = {};
  const transitions: WorkflowTransition[] = [];
  if (spec.payment) {
    states[start] = {
      type: 'start',
      publicStatus: 'action_required',
      names: N.awaitingPayment,
      clock: 'paused',
      candidateRole: 'front_office',
      sla: {
        unit: 'working_days',
        value: spec.payment.payableWorkingDays ?? 10,
        onBreach: { action: 'expire' },
      },
    };
    transitions.push(
      {
        action: 'confirm_payment',
        from: [start],
        to: first,
        roles: ['system', 'front_office'],
        requires: { payment: true },
        public: true,
        names: N.confirmPayment,
      },
      { action: 'expire', from: [start], to: 'cancelled', roles: ['system'], public: true, names: N.expire },
    );
  } else {
    states[start] = {
      type: 'start',
      publicStatus: 'submitted',
      names: N.submitted,
      candidateRole: 'back_office',
    };
    transitions.push({
      action: 'take_in_work',
      from: [start],
      to: first,
      roles: BACK_OFFICE,
      public: true,
      names: N.takeInWork,
    });
  }
  spec.stages.forEach((stage, index) => {
    states[stage.state] = {
      type: 'normal',
      publicStatus: 'in_progress',
      names: stage.names,
      candidateRole: 'back_office',
      sla: { unit: 'working_days', value: stage.workingDays, onBreach: 'escalate' },
    };
    const next = spec.stages[index + 1]?.state ?? (spec.issues ? 'ready' : 'completed');
    transitions.push({
      action: `complete_${stage.state}`,
      from: [stage.state],
      to: next,
      roles: BACK_OFFICE,
      guards: ['core/is-assignee'],
      ...(next === 'ready' && spec.issues
        ? { effects: [{ name: 'core/issue-document', template: spec.issues.template }] }
        : {}),
      public: true,
      names: stage.done,
    });
  });
  if (spec.issues) {
    states['ready'] = {
      type: 'normal',
      publicStatus: 'ready',
      names: N.ready,
      candidateRole: 'front_office',
    };
    transitions.push({
      action: 'hand_over',
      from: ['ready'],
      to: 'completed',
      roles: ['front_office', 'back_office'],
      public: true,
      names: N.handOver,
    });
  }
  states['completed'] = { type: 'terminal', publicStatus: 'completed', names: N.completed };
  states['rejected'] = { type: 'terminal', publicStatus: 'rejected', names: N.rejected };
  if (spec.payment) states['cancelled'] = { type: 'terminal', publicStatus: 'rejected', names: N.cancelled };
  const rejectable = [...(spec.payment ? [] : [start]), ...spec.stages.map((stage) => stage.state)];
  transitions.push(
    {
      action: 'reject',
      from: rejectable,
      to: 'rejected',
      roles: ['back_office', 'supervisor'],
      requires: { comment: true },
      public: true,
      names: spec.rejectNames ?? N.reject,
    },
    {
      action: 'appeal',
      from: ['rejected'],
      to: first,
      roles: ['citizen', 'front_office'],
      within: { days: spec.appealDays ?? 15, unit: 'calendar_days', of: 'rejection' },
      requires: { comment: true },
      public: true,
      names: N.appeal,
    },
  );
  return { key: spec.key, version: spec.version ?? 1, names: spec.names, states, transitions };
}
