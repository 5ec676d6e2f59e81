import type { LocalizedText, WorkflowDefinition } from '@darcha/core';
import { WORKFLOW_NAMES as N } from './workflow-names.js';

/**
 * A free consultation recorded as an inquiry of kind `information`: the
 * front office (or the agency's officer) answers at once, the answer being the comment the citizen
 * sees; when nothing can be said (no such account) it is declined with the reason. The state has one
 * working hour before the supervisors are alerted.
 */
export function informationWorkflow(key: string, names: LocalizedText, version = 1): WorkflowDefinition {
  const staff = ['front_office', 'back_office'];
  return {
    key,
    version,
    names,
    states: {
      submitted: {
        type: 'start',
        publicStatus: 'submitted',
        names: N.submitted,
        candidateRole: 'front_office',
        sla: { unit: 'working_hours', value: 1, onBreach: 'escalate' },
      },
      answered: { type: 'terminal', publicStatus: 'completed', names: N.answered },
      declined: { type: 'terminal', publicStatus: 'rejected', names: N.rejected },
    },
    transitions: [
      {
        action: 'answer',
        from: ['submitted'],
        to: 'answered',
        roles: staff,
        requires: { comment: true },
        public: true,
        names: N.answer,
      },
      {
        action: 'decline',
        from: ['submitted'],
        to: 'declined',
        roles: staff,
        requires: { comment: true },
        public: true,
        names: N.decline,
      },
    ],
  };
}
