import type { CompiledWorkflow, WorkflowTransition } from '@darcha/core';
import type { SeededRandom } from './seeded-random.js';
import {
  appealFrom,
  pathToCompletion,
  rejectionFrom,
  statesBefore,
  type WorkflowPaths,
} from './workflow-paths.js';

/** How one inquiry of the history ends. */
export interface InquiryOutcome {
  /** `expired`: an unpaid inquiry the workflow cancelled on its deadline. */
  end: 'completed' | 'rejected' | 'expired';
  /** One step of the work is taken after its deadline (the SLA is breached). */
  late: boolean;
  /** The steps taken by staff (and the citizen at the desk), in order. */
  steps: WorkflowTransition[];
  /** The inquiry was rejected, appealed and worked again. */
  appealed: boolean;
}

/** The shares of outcomes: *assumed*, "most on time, some overdue, some rejected, some appealed". */
export const OUTCOME_SHARES = {
  /** Of paid inquiries whose workflow cancels unpaid ones. */
  expired: 0.03,
  /** Of services (information inquiries are declined at half this rate). */
  rejected: 0.05,
  /** Of rejections. */
  appealed: 0.3,
  /** Of appeals: upheld on review, the rest rejected again. */
  appealUpheld: 0.6,
  late: 0.09,
} as const;

/** Chooses how an inquiry ends and the steps that lead there. */
export function chooseOutcome(
  workflow: CompiledWorkflow,
  paths: WorkflowPaths,
  random: SeededRandom,
  options: { paid: boolean; information: boolean },
): InquiryOutcome {
  const late = random.chance(OUTCOME_SHARES.late);
  if (options.paid && paths.expiry && random.chance(OUTCOME_SHARES.expired)) {
    return { end: 'expired', late: false, steps: [], appealed: false };
  }
  const rejectShare = OUTCOME_SHARES.rejected * (options.information ? 0.5 : 1);
  if (paths.rejections.length === 0 || !random.chance(rejectShare)) {
    return { end: 'completed', late, steps: [...paths.happy], appealed: false };
  }
  const rejection = random.pick(paths.rejections);
  const steps = [...paths.happy.slice(0, rejection.at), rejection.transition];
  const appeal = appealFrom(workflow, rejection.transition.to);
  if (!appeal || !random.chance(OUTCOME_SHARES.appealed))
    return { end: 'rejected', late, steps, appealed: false };
  steps.push(appeal);
  const again = pathToCompletion(workflow, appeal.to)!;
  if (random.chance(OUTCOME_SHARES.appealUpheld)) {
    return { end: 'completed', late, steps: [...steps, ...again], appealed: true };
  }
  const states = [appeal.to, ...again.map((t) => t.to)];
  for (let i = 0; i < states.length; i++) {
    const second = rejectionFrom(workflow, states[i]!);
    if (second) {
      return { end: 'rejected', late, steps: [...steps, ...again.slice(0, i), second], appealed: true };
    }
  }
  return { end: 'completed', late, steps: [...steps, ...again], appealed: true };
}

/**
 * The outcome when the step at `refused` cannot be taken (a plugin's guard refuses the
 * application): the officer rejects it in that state instead; undefined when no rejection leaves it.
 */
export function rejectedAt(
  workflow: CompiledWorkflow,
  outcome: InquiryOutcome,
  refused: number,
): InquiryOutcome | undefined {
  const state = statesBefore(workflow, outcome.steps)[refused]!;
  const rejection = rejectionFrom(workflow, state);
  if (!rejection) return undefined;
  const before = outcome.steps.slice(0, refused);
  return {
    end: 'rejected',
    late: outcome.late,
    steps: [...before, rejection],
    appealed: before.some((t) => workflow.state(t.from[0]!).type === 'terminal'),
  };
}
