import type { ErrorObject } from 'ajv';
import { fieldErrorsFromAjv } from '../../errors/field-error.js';
import { LOCALES } from '../../i18n/locales.js';
import { SLUG_PATTERN, WORKFLOW_KEY_PATTERN } from '../../registry/service-definition.schema.js';
import { compileLater, type Validator } from '../../validation/compile-later.js';
import type { WorkflowDefinition } from './types.js';
import {
  BREACH_REACTIONS,
  PUBLIC_STATUSES,
  SLA_UNITS,
  STATE_TYPES,
  WINDOW_EVENTS,
  WINDOW_UNITS,
} from './workflow-vocabulary.js';

/** A state or action name: lowercase letters, digits and underscores, `waiting_for_documents`. */
export const WORKFLOW_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;
/** A core role (`back_office`) or a plugin-defined one (`agency-cadastre/registrar`). */
export const WORKFLOW_ROLE_PATTERN = /^(?:[a-z][a-z0-9_]*|[a-z][a-z0-9-]*\/[a-z][a-z0-9_-]*)$/;
/** A guard, effect or template name, `<plugin-id>/<name>` or `core/<name>`. */
export const WORKFLOW_REFERENCE_PATTERN = /^[a-z][a-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9_./-]*$/;

const text = { type: 'string', minLength: 1, maxLength: 500 } as const;
/** A text in at least one locale. */
const localized = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: Object.fromEntries(LOCALES.map((l) => [l, text])),
} as const;
const name = { type: 'string', pattern: WORKFLOW_NAME_PATTERN.source, maxLength: 63 } as const;
const role = { type: 'string', pattern: WORKFLOW_ROLE_PATTERN.source, maxLength: 127 } as const;
const reference = { type: 'string', pattern: WORKFLOW_REFERENCE_PATTERN.source, maxLength: 200 } as const;
const positiveInteger = { type: 'integer', minimum: 1 } as const;
const uniqueList = (items: object, minItems = 0) =>
  ({ type: 'array', minItems, uniqueItems: true, items }) as const;

const sla = {
  type: 'object',
  additionalProperties: false,
  required: ['unit', 'value', 'onBreach'],
  properties: {
    unit: { enum: SLA_UNITS },
    value: positiveInteger,
    // A reaction by name, or an automatic action: `{ "action": "expire" }`.
    onBreach: {
      if: { type: 'string' },
      then: { enum: BREACH_REACTIONS },
      else: {
        type: 'object',
        additionalProperties: false,
        required: ['action'],
        properties: { action: name },
      },
    },
  },
} as const;

const state = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'publicStatus', 'names'],
  properties: {
    type: { enum: STATE_TYPES },
    publicStatus: { enum: PUBLIC_STATUSES },
    names: localized,
    sla,
    clock: { enum: ['paused'] },
    candidateRole: role,
  },
} as const;

const effect = {
  if: { type: 'string' },
  then: reference,
  else: {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: { name: reference, template: reference, params: { type: 'object' } },
  },
} as const;

const transition = {
  type: 'object',
  additionalProperties: false,
  required: ['action', 'from', 'to', 'roles', 'names'],
  properties: {
    action: name,
    from: uniqueList(name, 1),
    to: name,
    roles: uniqueList(role, 1),
    guards: uniqueList(reference),
    requires: {
      type: 'object',
      additionalProperties: false,
      properties: {
        comment: { type: 'boolean' },
        documents: uniqueList({ type: 'string', pattern: SLUG_PATTERN.source, maxLength: 63 }),
        payment: { type: 'boolean' },
      },
    },
    effects: { type: 'array', items: effect },
    within: {
      type: 'object',
      additionalProperties: false,
      required: ['days', 'unit', 'of'],
      properties: { days: positiveInteger, unit: { enum: WINDOW_UNITS }, of: { enum: WINDOW_EVENTS } },
    },
    public: { type: 'boolean' },
    names: localized,
  },
} as const;

/** The JSON Schema (2020-12) of a {@link WorkflowDefinition}; semantic rules are in the checks. */
export const workflowDefinitionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'version', 'names', 'states', 'transitions'],
  properties: {
    key: { type: 'string', pattern: WORKFLOW_KEY_PATTERN.source, maxLength: 127 },
    version: positiveInteger,
    names: localized,
    roles: uniqueList(role),
    documents: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'names'],
        properties: {
          code: { type: 'string', pattern: SLUG_PATTERN.source, maxLength: 63 },
          names: localized,
        },
      },
    },
    states: {
      type: 'object',
      minProperties: 1,
      propertyNames: name,
      additionalProperties: state,
    },
    transitions: { type: 'array', items: transition },
    sla,
  },
} as const;

const validate: Validator<WorkflowDefinition> = compileLater<WorkflowDefinition>(workflowDefinitionSchema);

/**
 * Checks the shape of a workflow definition. Returns one problem per invalid field, each starting
 * with its JSON pointer (`/states/in_review/publicStatus: must be one of: ...`); an empty list means
 * the shape is right.
 */
export function workflowDefinitionSchemaProblems(value: unknown): string[] {
  if (validate(value)) return [];
  return fieldErrorsFromAjv(readable(validate.errors ?? [])).map((e) => `${e.field}: ${e.message}`);
}

/**
 * Drops ajv's summary errors (`if`, `propertyNames`), whose causes are reported anyway, and points a
 * bad state name at the state itself (`/states/In-Review`) instead of at `/states`.
 */
function readable(errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.flatMap((error) => {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') return [];
    if (error.propertyName === undefined) return [error];
    return [
      {
        ...error,
        instancePath: `${error.instancePath}/${error.propertyName.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        message:
          'is not a valid state name: use at most 63 lowercase letters, digits and underscores, starting with a letter',
      },
    ];
  });
}
