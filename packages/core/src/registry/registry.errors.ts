import { DarchaError } from '../errors/darcha-error.js';

/** One service of a publish call and everything wrong with it. */
export interface InvalidService {
  code: string;
  version: number | null;
  /** Each problem names its field: `/sla/value: 12 is above sla.max (10)`. */
  problems: string[];
}

function label(code: string, version: number | null): string {
  return version === null ? `"${code}"` : `"${code}" version ${version}`;
}

export function serviceInvalid(pluginId: string, services: readonly InvalidService[]): DarchaError {
  const lines = services.map(
    (s) => `  service ${label(s.code, s.version)}:\n${s.problems.map((p) => `    - ${p}`).join('\n')}`,
  );
  return new DarchaError({
    code: 'DARCHA_REGISTRY_SERVICE_INVALID',
    kind: 'invalid',
    message: `Plugin "${pluginId}" publishes ${services.length === 1 ? 'an invalid service' : `${services.length} invalid services`}:\n${lines.join('\n')}`,
    hint: "Correct the fields listed in the plugin's service definitions; `darcha plugin verify` runs the same checks.",
    details: { pluginId, services },
  });
}

export function categoryInvalid(pluginId: string, categoryId: string, reason: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_REGISTRY_CATEGORY_INVALID',
    kind: 'invalid',
    message: `Category "${categoryId}" of plugin "${pluginId}" is refused: ${reason}.`,
    hint: 'Category ids are dotted paths under an existing category (`utilities.gas`); add each id once, and add children only to a category that holds no services.',
    details: { pluginId, categoryId },
  });
}

export function serviceCategoryInvalid(
  pluginId: string,
  code: string,
  categoryId: string,
  reason: string,
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_REGISTRY_CATEGORY_INVALID',
    kind: 'invalid',
    message: `Service "${code}" of plugin "${pluginId}" cannot sit in category "${categoryId}": ${reason}.`,
    hint: "Put the service in a leaf of the classification tree; add the leaf with the plugin's `categories` first.",
    details: { pluginId, serviceCode: code, categoryId },
  });
}

export function versionImmutable(
  code: string,
  version: number,
  pluginId: string,
  storedPluginId: string,
): DarchaError {
  const who =
    storedPluginId === pluginId
      ? `plugin "${pluginId}"`
      : `plugin "${pluginId}" (it was first published by plugin "${storedPluginId}")`;
  return new DarchaError({
    code: 'DARCHA_REGISTRY_VERSION_IMMUTABLE',
    kind: 'conflict',
    message: `Service "${code}" version ${version} is already published with a different definition; ${who} may not change it.`,
    hint: `Published versions never change, so that filed inquiries can always read theirs: publish the changed definition as version ${version + 1}.`,
    details: { serviceCode: code, version, pluginId, storedPluginId },
  });
}

export function serviceConflict(code: string, pluginId: string, ownerPluginId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_REGISTRY_SERVICE_CONFLICT',
    kind: 'conflict',
    message: `Plugin "${pluginId}" publishes service "${code}", which plugin "${ownerPluginId}" already publishes.`,
    hint: 'A service code belongs to one plugin: rename one of them, or disable one of the two plugins.',
    details: { serviceCode: code, pluginId, ownerPluginId },
  });
}

export function serviceNotFound(code: string, version?: number): DarchaError {
  return new DarchaError({
    code: 'DARCHA_REGISTRY_SERVICE_NOT_FOUND',
    kind: 'not_found',
    message:
      version === undefined
        ? `No active plugin publishes service "${code}".`
        : `Service "${code}" version ${version} was never published.`,
    hint: 'Check the code (and version); the plugin that publishes the service must be installed and loaded.',
    details: { serviceCode: code, version: version ?? null },
  });
}

export function validatorMissing(code: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_REGISTRY_VALIDATOR_MISSING',
    kind: 'internal',
    message: `Cannot validate an application for service "${code}": the service registry was made without an application validator.`,
    hint: 'Construct PostgresServiceRegistry with the `validate` option (the platform does this); this is a setup bug, not bad input.',
    details: { serviceCode: code },
  });
}

/** Services name workflows that no active plugin (nor core) publishes. */
export function serviceWorkflowUnknown(
  pluginId: string,
  services: readonly { code: string; workflow: string }[],
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_REGISTRY_WORKFLOW_UNKNOWN',
    kind: 'invalid',
    message: `Plugin "${pluginId}" publishes services whose workflow is not published:\n${services.map((s) => `  - service "${s.code}" names workflow "${s.workflow}"`).join('\n')}`,
    hint: "Add the workflow to the plugin's `workflows`, or depend on the plugin that publishes it (composite services use `core/composite`).",
    details: { pluginId, services: services.map((s) => ({ ...s })) },
  });
}
