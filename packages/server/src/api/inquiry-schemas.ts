import { APPLICANT_SCHEMA, INBOX_BUCKETS, INBOX_MAX_LIMIT, INBOX_SORTS, type JsonSchema } from '@darcha/core';
import { objectSchema } from './request-validator.js';
import {
  anyObject,
  dateTime,
  locale,
  oneOrMany,
  publicStatus,
  text,
  trackingNumber,
  uuid,
} from './schemas.js';

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

/** An inquiry as the API answers it. */
export const INQUIRY: JsonSchema = {
  type: 'object',
  properties: {
    id: uuid,
    trackingNumber: { type: 'string' },
    kind: { type: 'string', enum: ['service', 'information', 'appeal'] },
    serviceCode: { type: 'string' },
    serviceVersion: { type: 'integer' },
    workflowKey: { type: 'string' },
    workflowVersion: { type: 'integer' },
    parentId: nullable(uuid),
    applicant: APPLICANT_SCHEMA,
    locale,
    formData: anyObject,
    channel: { type: 'string', enum: ['desk', 'online', 'api'] },
    agencyCode: nullable({ type: 'string' }),
    state: { type: 'string' },
    publicStatus,
    candidateRole: nullable({ type: 'string' }),
    assigneeId: nullable(uuid),
    escalated: { type: 'boolean' },
    filedAt: dateTime,
    dueAt: nullable(dateTime),
    stateDueAt: nullable(dateTime),
    pausedAt: nullable(dateTime),
    closedAt: nullable(dateTime),
    version: { type: 'integer', description: 'The optimistic lock; also the ETag.' },
  },
};

export const FILE_BODY: JsonSchema = objectSchema(
  {
    serviceCode: text(200),
    applicant: APPLICANT_SCHEMA,
    formData: { type: 'object', maxProperties: 200 },
    // `online` is only for POST /applications, after the applicant's phone was confirmed.
    channel: { type: 'string', enum: ['desk', 'api'] },
    locale,
    childForms: {
      type: 'object',
      maxProperties: 20,
      additionalProperties: { type: 'object', maxProperties: 200 },
    },
  },
  ['serviceCode', 'applicant', 'formData'],
);

export const TRANSITION_BODY: JsonSchema = objectSchema(
  {
    action: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 63 },
    comment: { type: 'string', maxLength: 4000 },
    documents: { type: 'array', maxItems: 50, uniqueItems: true, items: uuid },
    data: { type: 'object', maxProperties: 100 },
  },
  ['action'],
);

export const HISTORY_ENTRY: JsonSchema = {
  type: 'object',
  properties: {
    seq: { type: 'integer' },
    kind: { type: 'string' },
    actorRole: { type: 'string' },
    workflowVersion: { type: 'integer' },
    documents: { type: 'array', items: uuid },
    action: nullable({ type: 'string' }),
    fromState: nullable({ type: 'string' }),
    toState: { type: 'string' },
    actorId: { type: 'string' },
    onBehalfOf: nullable({ type: 'string' }),
    comment: nullable({ type: 'string' }),
    public: { type: 'boolean' },
    at: dateTime,
  },
};

export const ALLOWED_ACTION: JsonSchema = {
  type: 'object',
  properties: {
    action: { type: 'string' },
    to: { type: 'string' },
    names: { type: 'object' },
    requires: { type: 'object' },
    public: { type: 'boolean' },
    availableUntil: dateTime,
  },
};

export const INBOX_QUERY: JsonSchema = objectSchema({
  publicStatus: oneOrMany(publicStatus),
  state: oneOrMany(text(63)),
  serviceCode: oneOrMany(text(200)),
  agencyCode: oneOrMany(text(63)),
  filedFrom: dateTime,
  filedTo: dateTime,
  trackingNumber,
  applicantKey: { type: 'string', pattern: '^[0-9]{9}([0-9]{5})?$' },
  dueBefore: dateTime,
  sort: { type: 'string', enum: [...INBOX_SORTS] },
  cursor: { type: 'string', maxLength: 500 },
  limit: { type: 'integer', minimum: 1, maximum: INBOX_MAX_LIMIT },
});

export const INBOX_BUCKET_PARAMS: JsonSchema = objectSchema(
  { bucket: { type: 'string', enum: [...INBOX_BUCKETS] } },
  ['bucket'],
);

export const SUMMARY_PAGE: JsonSchema = {
  type: 'object',
  properties: {
    items: { type: 'array', items: { type: 'object' } },
    nextCursor: nullable({ type: 'string' }),
  },
};
