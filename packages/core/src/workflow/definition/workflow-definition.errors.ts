import { DarchaError } from '../../errors/darcha-error.js';

/** How a definition is named in messages, even when its key or version is malformed. */
export function workflowLabel(data: unknown): { key: string | null; version: number | null; text: string } {
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const key = typeof record['key'] === 'string' ? record['key'] : null;
  const version = Number.isInteger(record['version']) ? (record['version'] as number) : null;
  const text = `${key === null ? 'without a key' : `"${key}"`}${version === null ? '' : ` version ${version}`}`;
  return { key, version, text };
}

/** A plugin's workflow definition fails the schema or the semantic checks; every problem is listed. */
export function workflowDefinitionInvalid(
  pluginId: string,
  data: unknown,
  problems: readonly string[],
): DarchaError {
  const { key, version, text } = workflowLabel(data);
  return new DarchaError({
    code: 'DARCHA_WORKFLOW_DEFINITION_INVALID',
    kind: 'invalid',
    message: `Workflow ${text} of plugin "${pluginId}" is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    hint: "Correct the states and transitions listed in the plugin's workflow definition; `darcha plugin verify` runs the same checks.",
    details: { pluginId, workflowKey: key, version, problems: [...problems] },
  });
}
