import type { WorkflowDefinition, WorkflowReferenceLookup } from './types.js';
import { CORE_ROLES, isCoreRole } from './workflow-vocabulary.js';

const CORE_ROLE_LIST = CORE_ROLES.join(', ');

/**
 * Every role used is a core role or declared in `roles`; declared roles are plugin-defined
 * (`<plugin-id>/<role>`) and, when the lookup knows roles, registered; a state's candidate role can
 * act in that state. Each problem starts with a JSON pointer and names the role and where it is used.
 */
export function workflowRoleProblems(
  definition: WorkflowDefinition,
  registry: WorkflowReferenceLookup,
): string[] {
  const declared = new Set(definition.roles ?? []);
  const known = (role: string) => isCoreRole(role) || declared.has(role);
  const unknown = (role: string) =>
    `role "${role}", which is neither a core role (${CORE_ROLE_LIST}) nor declared in "roles"`;
  const problems = declarationProblems(definition, registry);

  definition.transitions.forEach(({ action, roles }, i) => {
    roles.forEach((role, j) => {
      if (!known(role))
        problems.push(`/transitions/${i}/roles/${j}: action "${action}" names ${unknown(role)}`);
    });
  });
  for (const [name, { candidateRole }] of Object.entries(definition.states)) {
    if (candidateRole === undefined) continue;
    if (!known(candidateRole)) {
      problems.push(`/states/${name}/candidateRole: state "${name}" names ${unknown(candidateRole)}`);
      continue;
    }
    const canAct = definition.transitions.some(
      (t) => t.from.includes(name) && t.roles.includes(candidateRole),
    );
    if (!canAct) {
      problems.push(
        `/states/${name}/candidateRole: role "${candidateRole}" can take no action in state "${name}", so inquiries would wait in its inbox for good; add the role to a transition leaving "${name}" or choose another`,
      );
    }
  }
  return problems;
}

function declarationProblems(definition: WorkflowDefinition, registry: WorkflowReferenceLookup): string[] {
  const problems: string[] = [];
  (definition.roles ?? []).forEach((role, i) => {
    if (isCoreRole(role)) return;
    if (!role.includes('/')) {
      problems.push(
        `/roles/${i}: role "${role}" is not a core role (${CORE_ROLE_LIST}); name a plugin-defined role "<plugin-id>/${role}"`,
      );
    } else if (registry.hasRole !== undefined && !registry.hasRole(role)) {
      problems.push(`/roles/${i}: role "${role}" is not registered by any active plugin`);
    }
  });
  return problems;
}
