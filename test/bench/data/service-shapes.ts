import type { DarchaPlugin, JsonSchema, ServiceDefinition, WorkflowDefinitionData } from '@darcha/core';

/** A workflow state as generated inquiries need it. */
export interface StateShape {
  name: string;
  type: 'start' | 'normal' | 'terminal';
  publicStatus: string;
  candidateRole: string | null;
}

/** A service of a pack with the workflow it runs: what generated inquiries are pinned to. */
export interface ServiceShape {
  code: string;
  version: number;
  kind: string;
  sla: { unit: string; value: number };
  formProperties: readonly string[];
  workflow: { key: string; version: number; states: readonly StateShape[] };
}

/** The services of a pack (e.g. agency-gas) with their workflows, read from its plugin definition. */
export function serviceShapes(plugin: DarchaPlugin): ServiceShape[] {
  const workflows = new Map((plugin.workflows ?? []).map((w) => [w.key, w]));
  return (plugin.services ?? []).map((service) => {
    const workflow = workflows.get(service.workflow);
    if (!workflow) throw new Error(`${plugin.id}: no workflow ${service.workflow} for ${service.code}`);
    return {
      code: service.code,
      version: service.version,
      kind: service.kind,
      sla: { unit: service.sla.unit, value: service.sla.value },
      formProperties: Object.keys(formProperties(service)),
      workflow: { key: workflow.key, version: workflow.version, states: statesOf(workflow) },
    };
  });
}

function formProperties(service: ServiceDefinition): Record<string, JsonSchema> {
  const properties = (service.form as { properties?: Record<string, JsonSchema> }).properties;
  return properties ?? {};
}

function statesOf(workflow: WorkflowDefinitionData): StateShape[] {
  const states = workflow['states'] as Record<
    string,
    { type: StateShape['type']; publicStatus: string; candidateRole?: string }
  >;
  return Object.entries(states).map(([name, s]) => ({
    name,
    type: s.type,
    publicStatus: s.publicStatus,
    candidateRole: s.candidateRole ?? null,
  }));
}
