import { fieldErrorsFromAjv, type FieldError } from '../../errors/field-error.js';
import { LOCALES } from '../../i18n/locales.js';
import {
  PINFL_PATTERN,
  TIN_PATTERN,
  UZ_PHONE_PATTERN,
} from '../../registry/validation/identifier-formats.js';
import { compileLater } from '../../validation/compile-later.js';
import {
  APPLICANT_CATEGORIES,
  NOTIFY_CHANNELS,
  type FileInquiryInput,
  type TransitionInput,
} from './types.js';

const name = { type: 'string', minLength: 1, maxLength: 100 } as const;
const locale = { enum: [...LOCALES] } as const;
const phone = { type: 'string', pattern: UZ_PHONE_PATTERN.source } as const;
const email = { type: 'string', format: 'email', maxLength: 254 } as const;
const formObject = { type: 'object', maxProperties: 200 } as const;
const categories = {
  type: 'array',
  uniqueItems: true,
  maxItems: APPLICANT_CATEGORIES.length,
  items: { enum: [...APPLICANT_CATEGORIES] },
} as const;
const notifyBy = { enum: [...NOTIFY_CHANNELS] } as const;

const individual = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'pinfl', 'lastName', 'firstName', 'locale'],
  properties: {
    type: { const: 'individual' },
    pinfl: { type: 'string', pattern: PINFL_PATTERN.source },
    lastName: name,
    firstName: name,
    middleName: name,
    phone,
    email,
    locale,
    notifyBy,
    categories,
  },
} as const;

const legalEntity = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'tin', 'name', 'representative', 'locale'],
  properties: {
    type: { const: 'legal_entity' },
    tin: { type: 'string', pattern: TIN_PATTERN.source },
    name: { type: 'string', minLength: 1, maxLength: 300 },
    representative: {
      type: 'object',
      additionalProperties: false,
      required: ['lastName', 'firstName'],
      properties: {
        pinfl: { type: 'string', pattern: PINFL_PATTERN.source },
        lastName: name,
        firstName: name,
        middleName: name,
        position: { type: 'string', minLength: 1, maxLength: 200 },
      },
    },
    phone,
    email,
    locale,
    notifyBy,
  },
} as const;

/** An applicant, individual or legal entity, as JSON Schema (the HTTP API reuses it). */
export const APPLICANT_SCHEMA = {
  type: 'object',
  required: ['type'],
  properties: { type: { enum: ['individual', 'legal_entity'] } },
  if: { properties: { type: { const: 'individual' } } },
  then: individual,
  else: legalEntity,
} as const;

const validateFiling = compileLater<FileInquiryInput>({
  type: 'object',
  additionalProperties: false,
  required: ['serviceCode', 'applicant', 'formData', 'channel'],
  properties: {
    serviceCode: { type: 'string', minLength: 1, maxLength: 200 },
    // Chosen by `type` so that errors name the fields of the applicant's kind only.
    applicant: APPLICANT_SCHEMA,
    formData: formObject,
    channel: { enum: ['desk', 'online', 'api'] },
    locale,
    childForms: { type: 'object', maxProperties: 20, additionalProperties: formObject },
  },
});

const validateTransition = compileLater<TransitionInput>({
  type: 'object',
  additionalProperties: false,
  required: ['action', 'expectedVersion'],
  properties: {
    action: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 63 },
    expectedVersion: { type: 'integer', minimum: 1 },
    comment: { type: 'string', maxLength: 4000 },
    documents: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', format: 'uuid' } },
    data: { type: 'object', maxProperties: 100 },
  },
});

/** Every problem of a filing request's envelope (the form itself is checked by the service's schema). */
export function filingProblems(value: unknown): FieldError[] {
  return validateFiling(value) ? [] : fieldErrorsFromAjv(validateFiling.errors);
}

/** Every problem of a transition request. */
export function transitionProblems(value: unknown): FieldError[] {
  return validateTransition(value) ? [] : fieldErrorsFromAjv(validateTransition.errors);
}
