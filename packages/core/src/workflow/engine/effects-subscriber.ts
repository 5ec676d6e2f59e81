import { DarchaError } from '../../errors/darcha-error.js';
import type { ContributionRegistry } from '../../plugins/contribution-registry.js';
import type { EffectFunction } from '../../plugins/contributions.js';
import type { OutboxSubscriber } from '../outbox/outbox-types.js';
import type { WorkflowEngine } from './workflow-engine.js';

/** The payload of a `workflow.effect` event, as a transition writes it. */
interface EffectPayload {
  effect: string;
  template?: string | null;
  params?: Record<string, unknown>;
  inquiryId: string;
  action: string;
  version: number;
  data?: Record<string, unknown>;
}

/**
 * Runs transition effects after the transition committed, from the outbox (at least once: effects
 * must be idempotent; `event.id` is a stable key). Plugin effects are looked up among active
 * plugins; core effects (`core/issue-document`, `core/create-invoice`, `core/notify-applicant`)
 * come from the modules that implement them, registered in `coreEffects`. An effect nobody
 * provides fails, is retried, and ends as a dead letter that admins see.
 */
export function effectsSubscriber(input: {
  engine: WorkflowEngine;
  contributions: ContributionRegistry;
  coreEffects?: ReadonlyMap<string, EffectFunction>;
}): OutboxSubscriber {
  return {
    name: 'core:effects',
    handles: (type) => type === 'workflow.effect',
    async deliver(event) {
      const payload = event.payload as unknown as EffectPayload;
      const run = payload.effect.startsWith('core/')
        ? input.coreEffects?.get(payload.effect)
        : input.contributions.effect(payload.effect);
      if (!run) {
        throw new DarchaError({
          code: 'DARCHA_WORKFLOW_EFFECT_UNAVAILABLE',
          kind: 'unavailable',
          message: `Effect "${payload.effect}" of action "${payload.action}" on inquiry ${payload.inquiryId} (tenant "${event.tenantId}") has no implementation in this installation.`,
          hint: 'Start the plugin (or the core module) that provides the effect; the event is retried and, once dead, can be retried from the outbox admin.',
          details: { tenantId: event.tenantId, inquiryId: payload.inquiryId, effect: payload.effect },
        });
      }
      const inquiry = await input.engine.get(event.tenantId, payload.inquiryId);
      await run({
        tenantId: event.tenantId,
        inquiry,
        data: {
          ...(payload.data ?? {}),
          effectId: event.id,
          template: payload.template ?? null,
          params: payload.params ?? {},
          action: payload.action,
          version: payload.version,
        },
      });
    },
  };
}
