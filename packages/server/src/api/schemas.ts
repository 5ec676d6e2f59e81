import { LOCALES, PUBLIC_STATUSES, type JsonSchema } from '@darcha/core';

/** Building blocks of the API's JSON Schemas. */
export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const text = (maxLength: number, minLength = 1): JsonSchema => ({
  type: 'string',
  minLength,
  maxLength,
});
export const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const locale: JsonSchema = { type: 'string', enum: [...LOCALES] };
export const publicStatus: JsonSchema = { type: 'string', enum: [...PUBLIC_STATUSES] };
export const trackingNumber: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{2,59}$' };
export const oneOrMany = (item: JsonSchema): JsonSchema => ({
  anyOf: [item, { type: 'array', items: item, maxItems: 50 }],
});
export const idParams: JsonSchema = {
  type: 'object',
  properties: { id: uuid },
  required: ['id'],
  additionalProperties: false,
};
export const versionHeader = {
  'If-Match': {
    description: 'The inquiry version the caller saw (its ETag, e.g. "3"); a stale one is refused with 409.',
    required: true,
    schema: { type: 'string' },
  },
};
export const idempotencyHeader = {
  'Idempotency-Key': {
    description: 'A key unique to this intent; a retry with the same key returns the first result.',
    schema: { type: 'string', minLength: 8, maxLength: 200 },
  },
};
/** Any JSON object (form data, details). */
export const anyObject: JsonSchema = { type: 'object' };
