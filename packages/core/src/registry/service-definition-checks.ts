import { SCHEDULE_RULE } from '../fees/fee-types.js';
import { feeScheduleProblems } from './fee-schedule-checks.js';
import { serviceDefinitionSchemaProblems } from './service-definition.schema.js';
import type { ServiceDefinition } from './types.js';

/**
 * Rules of a service definition that a schema cannot say: SLA bounds around the value, a fee that
 * is either free or a valid `core/schedule` (see `fee-schedule-checks.ts`), unique document codes, UI hints only for fields the form has. Each
 * problem starts with the field's path. Run it on a definition whose shape is already valid.
 */
export function serviceDefinitionCheckProblems(definition: ServiceDefinition): string[] {
  return [
    ...formProblems(definition),
    ...slaProblems(definition),
    ...feeProblems(definition),
    ...documentProblems(definition),
    ...compositeProblems(definition),
  ];
}

/** The workflow every composite service runs: the engine drives it from its children. */
export const COMPOSITE_WORKFLOW_KEY = 'core/composite';

function compositeProblems({ code, flags, composite, workflow }: ServiceDefinition): string[] {
  const problems: string[] = [];
  if (flags?.composite && !composite) problems.push('/composite: is required when flags.composite is true');
  if (composite && !flags?.composite) problems.push('/flags/composite: must be true when composite is given');
  if (composite && workflow !== COMPOSITE_WORKFLOW_KEY)
    problems.push(`/workflow: a composite service runs "${COMPOSITE_WORKFLOW_KEY}", not "${workflow}"`);
  if (composite?.children.includes(code))
    problems.push(`/composite/children: "${code}" cannot be its own child`);
  return problems;
}

/**
 * Everything wrong with a would-be service definition: its shape first, then (if the shape is right)
 * the semantic rules. An empty list means it may be published, as far as the registry alone can tell.
 */
export function serviceDefinitionProblems(value: unknown): string[] {
  const shape = serviceDefinitionSchemaProblems(value);
  return shape.length > 0 ? shape : serviceDefinitionCheckProblems(value as ServiceDefinition);
}

function formProblems({ form, ui }: ServiceDefinition): string[] {
  const problems: string[] = [];
  if (form['type'] !== 'object') {
    problems.push('/form/type: must be "object" (an application is an object of fields)');
  }
  const properties = form['properties'];
  const fields =
    typeof properties === 'object' && properties !== null ? Object.keys(properties) : ([] as string[]);
  for (const field of Object.keys(ui ?? {})) {
    if (!fields.includes(field)) problems.push(`/ui/${field}: the form has no field "${field}"`);
  }
  return problems;
}

function slaProblems({ sla }: ServiceDefinition): string[] {
  const problems: string[] = [];
  if ((sla.min === undefined) !== (sla.max === undefined)) {
    const missing = sla.min === undefined ? 'min' : 'max';
    problems.push(`/sla/${missing}: is required when the other bound is given (give both or neither)`);
    return problems;
  }
  if (sla.min !== undefined && sla.max !== undefined) {
    if (sla.min > sla.max) problems.push(`/sla/min: ${sla.min} is above sla.max (${sla.max})`);
    else if (sla.value < sla.min || sla.value > sla.max) {
      problems.push(`/sla/value: ${sla.value} is outside sla.min..sla.max (${sla.min}..${sla.max})`);
    }
  }
  return problems;
}

function feeProblems(definition: ServiceDefinition): string[] {
  const { fee } = definition;
  const problems: string[] = [];
  if (fee.free) {
    if (fee.rule !== undefined) problems.push('/fee/rule: a free service has no fee rule');
    if (fee.params !== undefined) problems.push('/fee/params: a free service has no fee parameters');
    if (fee.tenantOverridable) problems.push('/fee/tenantOverridable: a free service has no fee to override');
  } else if (fee.rule === undefined) {
    problems.push(`/fee/rule: is required for a paid service: "${SCHEDULE_RULE}" (or set fee.free to true)`);
  } else if (fee.rule !== SCHEDULE_RULE) {
    problems.push(
      `/fee/rule: must be "${SCHEDULE_RULE}" (a fee is data: give the schedule as fee.params), not "${fee.rule}"`,
    );
  } else if (fee.params === undefined) {
    problems.push(
      '/fee/params: is required for a paid service: the fee schedule (amount, tiers, channels, perUnit, discounts)',
    );
  } else {
    for (const problem of feeScheduleProblems(fee.params, definition)) {
      problems.push(`/fee/params${problem.field}: ${problem.message}`);
    }
  }
  return problems;
}

function documentProblems({ documents }: ServiceDefinition): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  documents.forEach((document, index) => {
    if (seen.has(document.code)) {
      problems.push(`/documents/${index}/code: "${document.code}" is listed more than once`);
    }
    seen.add(document.code);
  });
  return problems;
}
