import type { TenantTransaction } from '../../db/types.js';
import { DarchaError, isDarchaError } from '../../errors/darcha-error.js';
import type { WorkflowTransition } from '../definition/types.js';
import type { Actor, Inquiry, TransitionInput } from '../inquiry/types.js';
import { actsAsAssignee } from './allowed-actions.js';
import type { EngineRuntime } from './transition-in.js';
import { guardRefused, paymentsUnavailable, requirementsMissing } from './workflow.errors.js';

/**
 * What the transition `requires` and the input lacks (a comment, attached documents, the invoice
 * paid), all at once: DARCHA_WORKFLOW_REQUIREMENTS_MISSING names every missing thing.
 */
export async function checkRequirements(
  trx: TenantTransaction,
  rt: EngineRuntime,
  inquiry: Inquiry,
  transition: WorkflowTransition,
  input: TransitionInput,
): Promise<void> {
  const tenantId = rt.tenant.tenantId;
  const missing: string[] = [];
  const requires = transition.requires ?? {};
  if (requires.comment && !input.comment?.trim())
    missing.push('a comment (the reason, shown in the history)');
  const given = input.documents ?? [];
  if ((requires.documents?.length ?? 0) > 0 || given.length > 0) {
    const attached = await attachmentsOf(trx, tenantId, inquiry.id);
    for (const id of given) {
      if (!attached.has(id))
        missing.push(`document ${id} attached to this inquiry (it is not one of its attachments)`);
    }
    const codes = new Set(attached.values());
    for (const code of requires.documents ?? []) {
      if (!codes.has(code)) missing.push(`an attached "${code}" document`);
    }
  }
  if (requires.payment) {
    if (!rt.payments) throw paymentsUnavailable(tenantId, inquiry.id, transition.action);
    if (!(await rt.payments.isPaid(trx, tenantId, inquiry.id))) missing.push("the inquiry's invoice paid");
  }
  if (missing.length > 0) throw requirementsMissing(tenantId, inquiry.id, transition.action, missing);
}

/**
 * The transition's guards in order: the core ones (`core/is-assignee`, `core/documents-complete`),
 * then those plugins provide; the first that refuses stops the move.
 */
export async function checkGuards(
  trx: TenantTransaction,
  rt: EngineRuntime,
  inquiry: Inquiry,
  transition: WorkflowTransition,
  input: TransitionInput,
  actor: Actor,
  onBehalfOf: string | null,
): Promise<void> {
  const tenantId = rt.tenant.tenantId;
  for (const guard of transition.guards ?? []) {
    if (guard === 'core/is-assignee') {
      const principals = onBehalfOf ? [onBehalfOf] : [];
      if (!actsAsAssignee(inquiry, actor, principals)) {
        const reason = inquiry.assigneeId
          ? 'the inquiry is assigned to another officer'
          : 'nobody is assigned to the inquiry; claim it first';
        throw guardRefused(tenantId, inquiry.id, transition.action, guard, reason);
      }
    } else if (guard === 'core/documents-complete') {
      const service = rt.definitions.service(inquiry.serviceCode, inquiry.serviceVersion);
      const codes = new Set((await attachmentsOf(trx, tenantId, inquiry.id)).values());
      const absent = service.documents.filter((d) => !d.optional && !codes.has(d.code)).map((d) => d.code);
      if (absent.length > 0) {
        throw guardRefused(
          tenantId,
          inquiry.id,
          transition.action,
          guard,
          `documents not attached: ${absent.join(', ')}`,
        );
      }
    } else {
      await runPluginGuard(trx, rt, inquiry, transition, input, guard);
    }
  }
}

async function runPluginGuard(
  trx: TenantTransaction,
  rt: EngineRuntime,
  inquiry: Inquiry,
  transition: WorkflowTransition,
  input: TransitionInput,
  name: string,
): Promise<void> {
  const tenantId = rt.tenant.tenantId;
  const guard = rt.contributions?.guard(name);
  if (!guard) {
    throw guardRefused(
      tenantId,
      inquiry.id,
      transition.action,
      name,
      'the plugin that provides this guard is not active',
    );
  }
  let passed: boolean;
  try {
    passed = await guard({ tenantId, inquiry, data: input.data, trx });
  } catch (error) {
    if (isDarchaError(error)) throw error;
    throw new DarchaError({
      code: 'DARCHA_WORKFLOW_GUARD_FAILED',
      kind: 'internal',
      message: `Guard "${name}" failed on inquiry ${inquiry.id} (tenant "${tenantId}"): ${(error as Error).message}`,
      hint: 'This is a defect of the plugin that provides the guard; its logs have the details.',
      details: { tenantId, inquiryId: inquiry.id, guard: name },
      cause: error,
    });
  }
  if (!passed) throw guardRefused(tenantId, inquiry.id, transition.action, name, 'its condition is not met');
}

/** The inquiry's attachments: id to document code. */
async function attachmentsOf(
  trx: TenantTransaction,
  tenantId: string,
  inquiryId: string,
): Promise<Map<string, string>> {
  const rows: { id: string; document_code: string }[] = await trx('inquiry_attachments')
    .where({ tenant_id: tenantId, inquiry_id: inquiryId })
    .select('id', 'document_code');
  return new Map(rows.map((r) => [r.id, r.document_code]));
}
