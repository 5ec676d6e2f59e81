import type { WorkflowDefinition } from '@darcha/core';
import { WORKFLOW_NAMES as N } from '@darcha/service-kit';
import { OSS_WORKFLOW_NAMES as O } from './oss-workflow-names.js';

/** Working hours the operator has to do the job once it is paid: done at once. */
export const JOB_WORKING_HOURS = 1;

/**
 * Computer services at the desk: the applicant pays the invoice made at filing (pages or hours by
 * the kind of work), the operator does the job at once (one working hour before the supervisors are
 * alerted) and hands it over; the payment's receipt is the only paper (no certificate). An unpaid
 * request is cancelled after one working day (*assumed*); a job that cannot be done (an unreadable
 * file) is rejected with the reason and the fee refunded through the payments module.
 */
export const computerServicesWorkflow: WorkflowDefinition = {
  key: 'oss-centre/computer-services',
  version: 1,
  names: O.computerServices,
  states: {
    awaiting_payment: {
      type: 'start',
      publicStatus: 'action_required',
      names: N.awaitingPayment,
      clock: 'paused',
      candidateRole: 'front_office',
      sla: { unit: 'working_days', value: 1, onBreach: { action: 'expire' } }, // *assumed*
    },
    in_work: {
      type: 'normal',
      publicStatus: 'in_progress',
      names: O.inWork,
      candidateRole: 'front_office',
      sla: { unit: 'working_hours', value: JOB_WORKING_HOURS, onBreach: 'escalate' },
    },
    completed: { type: 'terminal', publicStatus: 'completed', names: N.completed },
    rejected: { type: 'terminal', publicStatus: 'rejected', names: N.rejected },
    cancelled: { type: 'terminal', publicStatus: 'rejected', names: N.cancelled },
  },
  transitions: [
    {
      action: 'confirm_payment',
      from: ['awaiting_payment'],
      to: 'in_work',
      roles: ['system', 'front_office'],
      requires: { payment: true },
      public: true,
      names: N.confirmPayment,
    },
    {
      action: 'expire',
      from: ['awaiting_payment'],
      to: 'cancelled',
      roles: ['system'],
      public: true,
      names: N.expire,
    },
    {
      action: 'complete',
      from: ['in_work'],
      to: 'completed',
      roles: ['front_office', 'back_office'],
      public: true,
      names: O.doneHandedOver,
    },
    {
      action: 'reject',
      from: ['in_work'],
      to: 'rejected',
      roles: ['front_office', 'supervisor'],
      requires: { comment: true },
      public: true,
      names: N.reject,
    },
  ],
};
