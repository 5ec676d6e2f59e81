import { fieldErrorsFromAjv, type FieldError } from '../../errors/field-error.js';
import { AGENCY_CODE_PATTERN } from '../../registry/agency-input.schema.js';
import { compileLater } from '../../validation/compile-later.js';
import { WORKFLOW_ROLE_PATTERN } from '../definition/workflow-definition.schema.js';

const staffId = { type: 'string', format: 'uuid' } as const;
const many = (item: object) => ({ type: 'array', items: item, maxItems: 100 }) as const;

const validateViewer = compileLater({
  type: 'object',
  additionalProperties: true, // the server may hand over a richer actor
  required: ['id', 'roles', 'agencyCodes', 'actingFor'],
  properties: {
    id: staffId,
    roles: many({ type: 'string', pattern: WORKFLOW_ROLE_PATTERN.source, maxLength: 100 }),
    agencyCodes: many({ type: 'string', pattern: AGENCY_CODE_PATTERN.source, maxLength: 63 }),
    actingFor: many(staffId),
  },
});

/** Every invalid field of an inbox viewer; empty when it may be used. */
export function inboxViewerProblems(viewer: unknown): FieldError[] {
  return validateViewer(viewer) ? [] : fieldErrorsFromAjv(validateViewer.errors);
}
