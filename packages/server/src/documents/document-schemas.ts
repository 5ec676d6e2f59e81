import { LOCALES, TEMPLATE_KEY_PATTERN, type JsonSchema } from '@darcha/core';
import { objectSchema } from '../api/request-validator.js';
import { dateTime, locale, text, uuid } from '../api/schemas.js';

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const perLocale = (value: JsonSchema): JsonSchema =>
  objectSchema(Object.fromEntries(LOCALES.map((l) => [l, value])));

/** An issued document (without its HTML and without the verification code). */
export const ISSUED_DOCUMENT = objectSchema(
  {
    id: uuid,
    inquiryId: uuid,
    kind: { type: 'string' },
    templateKey: { type: 'string' },
    locale,
    serial: { type: 'string', examples: ['CHR-2026-D000123'] },
    holderInitials: { type: 'string', examples: ['A. K.'] },
    data: { type: 'object', description: 'The values the template was rendered with.' },
    issuedAt: dateTime,
    issuedBy: { type: 'string' },
    effectId: nullable(uuid),
    revokedAt: nullable(dateTime),
    revokedBy: nullable({ type: 'string' }),
    revokeReason: nullable({ type: 'string' }),
  },
  ['id', 'inquiryId', 'kind', 'templateKey', 'locale', 'serial', 'issuedAt', 'revokedAt'],
);

export const DOCUMENT_LIST = objectSchema({ items: { type: 'array', items: ISSUED_DOCUMENT } }, ['items']);

/** What a verification code proves: nothing personal but the holder's initials. */
export const VERIFICATION = objectSchema(
  {
    valid: { type: 'boolean' },
    status: { type: 'string', enum: ['valid', 'revoked'] },
    documentType: { type: 'string' },
    issuedAt: dateTime,
    holderInitials: { type: 'string' },
    revokedAt: dateTime,
    reason: { type: 'string' },
  },
  ['valid', 'status', 'documentType', 'issuedAt', 'holderInitials'],
);

export const REVOCATION_BODY = objectSchema({ reason: text(500, 3) }, ['reason']);

const BRANDING_PROPERTIES = {
  logo: nullable({
    type: 'string',
    maxLength: 400_000,
    pattern: '^data:image/(png|jpeg|svg\\+xml);base64,',
    description: 'A PNG, JPEG or SVG logo as a base64 data URI, at most 256 KiB decoded.',
  }),
  header: perLocale({ type: 'array', items: text(200), maxItems: 5 }),
  signatory: objectSchema({ name: perLocale(text(200)), position: perLocale(text(200)) }),
};

export const BRANDING_BODY = objectSchema(BRANDING_PROPERTIES);

export const BRANDING = objectSchema(
  { ...BRANDING_PROPERTIES, updatedAt: nullable(dateTime), updatedBy: nullable({ type: 'string' }) },
  ['logo', 'header', 'signatory', 'updatedAt', 'updatedBy'],
);

export const TEMPLATE_PARAMS = objectSchema(
  {
    key: {
      type: 'string',
      maxLength: 200,
      pattern: TEMPLATE_KEY_PATTERN.source,
      description: 'The template key, URL-encoded: core%2Fcertificate.',
    },
    locale,
  },
  ['key', 'locale'],
);

export const TEMPLATE_BODY = objectSchema({ source: text(100_000) }, ['source']);

export const TEMPLATE_OVERRIDE = objectSchema(
  {
    key: { type: 'string' },
    locale,
    source: { type: 'string' },
    updatedAt: dateTime,
    updatedBy: { type: 'string' },
  },
  ['key', 'locale', 'source', 'updatedAt', 'updatedBy'],
);

export const CODE_PARAMS = objectSchema({ code: { type: 'string', minLength: 1, maxLength: 64 } }, ['code']);

export const HTML_PAGE = {
  description: 'The printable page (A4, print CSS, self-contained).',
  schema: { type: 'string' } as JsonSchema,
  contentType: 'text/html',
};
