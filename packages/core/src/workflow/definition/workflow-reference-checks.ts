import { CORE_EFFECTS, CORE_GUARDS, CORE_PREFIX, coreEffectNeedsTemplate } from './core-built-ins.js';
import type { EffectReference, WorkflowDefinition, WorkflowReferenceLookup } from './types.js';

/**
 * Every guard, effect, template and document a transition names exists: `core/` guards and effects
 * are built in, the others registered by an active plugin (asked of the lookup), templates
 * registered, documents declared in the definition's `documents`. Each problem starts with a JSON
 * pointer and names the action and the missing name.
 */
export function workflowReferenceProblems(
  definition: WorkflowDefinition,
  registry: WorkflowReferenceLookup,
): string[] {
  const problems = documentDeclarationProblems(definition);
  const documents = new Set((definition.documents ?? []).map((d) => d.code));
  definition.transitions.forEach(({ action, guards, effects, requires }, i) => {
    (guards ?? []).forEach((guard, j) => {
      const missing = missingName('guard', guard, Object.keys(CORE_GUARDS), (n) => registry.hasGuard(n));
      if (missing) problems.push(`/transitions/${i}/guards/${j}: action "${action}" uses ${missing}`);
    });
    (effects ?? []).forEach((effect, j) => {
      const at = `/transitions/${i}/effects/${j}`;
      problems.push(
        ...effectProblems(effect, registry).map((p) => `${at}${p.field}: action "${action}" ${p.text}`),
      );
    });
    (requires?.documents ?? []).forEach((code, j) => {
      if (!documents.has(code)) {
        problems.push(
          `/transitions/${i}/requires/documents/${j}: action "${action}" requires document "${code}", which is not declared in "documents"`,
        );
      }
    });
  });
  return problems;
}

/** Why `name` is unknown (`guard "x", which ...`), or undefined when it is known. */
function missingName(
  what: 'guard' | 'effect',
  name: string,
  builtIns: readonly string[],
  registered: (name: string) => boolean,
): string | undefined {
  if (name.startsWith(CORE_PREFIX)) {
    return builtIns.includes(name)
      ? undefined
      : `${what} "${name}", which is not built in (core ${what}s: ${builtIns.join(', ')})`;
  }
  return registered(name) ? undefined : `${what} "${name}", which no active plugin registers`;
}

function effectProblems(
  effect: EffectReference,
  registry: WorkflowReferenceLookup,
): { field: string; text: string }[] {
  const { name, template } = typeof effect === 'string' ? { name: effect, template: undefined } : effect;
  const field = typeof effect === 'string' ? '' : '/name';
  const problems: { field: string; text: string }[] = [];
  const missing = missingName('effect', name, Object.keys(CORE_EFFECTS), (n) => registry.hasEffect(n));
  if (missing) problems.push({ field, text: `runs ${missing}` });
  if (template === undefined && coreEffectNeedsTemplate(name)) {
    problems.push({
      field: '',
      text: `runs effect "${name}" without a template; write { "name": "${name}", "template": "<plugin-id>/<template>" }`,
    });
  }
  if (template !== undefined && !registry.hasTemplate(template)) {
    problems.push({
      field: '/template',
      text: `renders template "${template}", which no active plugin registers`,
    });
  }
  return problems;
}

function documentDeclarationProblems({ documents }: WorkflowDefinition): string[] {
  const problems: string[] = [];
  const first = new Map<string, number>();
  (documents ?? []).forEach(({ code }, i) => {
    const earlier = first.get(code);
    if (earlier === undefined) first.set(code, i);
    else
      problems.push(`/documents/${i}/code: document "${code}" is already declared at /documents/${earlier}`);
  });
  return problems;
}
