import {
  RATING_COMMENT_MAX_LENGTH,
  REVIEW_NOTE_MAX_LENGTH,
  type JsonSchema,
  type RateInput,
  type ReviewQuery,
} from '@darcha/core';
import { agencyCode } from '../admin-schemas.js';
import { actorOf, assertVisible } from '../actor-of.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { dateTime, idParams, text, trackingNumber, uuid } from '../schemas.js';

const TAG = 'Ratings';
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

const RATE_BODY = objectSchema(
  {
    score: { type: 'integer', minimum: 1, maximum: 5 },
    comment: { type: 'string', maxLength: RATING_COMMENT_MAX_LENGTH },
  },
  ['score'],
);

export const RATING: JsonSchema = objectSchema(
  {
    inquiryId: uuid,
    score: { type: 'integer', minimum: 1, maximum: 5 },
    comment: nullable({ type: 'string' }),
    serviceCode: { type: 'string' },
    agencyCode: nullable({ type: 'string' }),
    outcome: { type: 'string', enum: ['completed', 'rejected'] },
    ratedAt: dateTime,
    ratedBy: { type: 'string' },
  },
  ['inquiryId', 'score', 'comment', 'serviceCode', 'agencyCode', 'outcome', 'ratedAt', 'ratedBy'],
);

export const RATING_REVIEW: JsonSchema = objectSchema(
  {
    id: uuid,
    inquiryId: uuid,
    score: { type: 'integer', minimum: 1, maximum: 3 },
    agencyCode: nullable({ type: 'string' }),
    status: { type: 'string', enum: ['open', 'closed'] },
    openedAt: dateTime,
    closedAt: nullable(dateTime),
    closedBy: nullable({ type: 'string' }),
    resolution: nullable({ type: 'string' }),
  },
  ['id', 'inquiryId', 'score', 'agencyCode', 'status', 'openedAt', 'closedAt', 'closedBy', 'resolution'],
);

const RATE_ANSWER = objectSchema({ rating: RATING, review: nullable(RATING_REVIEW) }, ['rating', 'review']);
const TRACK_PARAMS = objectSchema({ trackingNumber }, ['trackingNumber']);
const NO_QUERY = objectSchema({});
const REVIEW_QUERY = objectSchema({ status: { type: 'string', enum: ['open', 'closed'] }, agencyCode });
const CLOSE_BODY = objectSchema({ note: text(REVIEW_NOTE_MAX_LENGTH) }, ['note']);

const RATE_DESCRIPTION =
  'A closed inquiry (completed or rejected) is rated once, 1 to 5, with an optional comment of at most ' +
  `${RATING_COMMENT_MAX_LENGTH} characters. A score of 3 or less opens a review for the agency’s supervisors ` +
  '(the answer carries it) and a rating.low event. Refusals: 409 DARCHA_RATING_ALREADY_RATED (also when two ' +
  'ratings race: one wins), 409 DARCHA_RATING_INQUIRY_OPEN, 403 DARCHA_RATING_NOT_ALLOWED.';

/** The inquiry id a citizen's receipt proved (the policy checked the code against the tracking number). */
function receiptInquiryId(principal: { kind: string; inquiryIds?: readonly string[] } | undefined): string {
  const id = principal?.kind === 'citizen' ? principal.inquiryIds?.[0] : undefined;
  if (id === undefined) throw new Error('citizen route reached without a citizen principal');
  return id;
}

export const ratingRoutes: AnyRoute[] = [
  defineRoute<{ trackingNumber: string }, Record<string, unknown>, RateInput>({
    method: 'post',
    path: '/track/:trackingNumber/rating',
    operationId: 'rateInquiryWithReceipt',
    summary: 'Rate your closed inquiry',
    description: `The citizen rates their inquiry with the receipt: tracking number in the path, access code in X-Access-Code. ${RATE_DESCRIPTION}`,
    tag: TAG,
    scope: 'tenant',
    access: { citizen: true },
    rateLimit: 'public-write',
    schemas: {
      params: TRACK_PARAMS,
      body: RATE_BODY,
      responses: { 201: { description: 'Rated.', schema: RATE_ANSWER } },
    },
    async handler({ platform, tenantId, principal, body }) {
      const id = receiptInquiryId(principal);
      return { status: 201, body: await platform.ratings.rate(tenantId, id, body, actorOf(principal)) };
    },
  }),

  defineRoute<{ trackingNumber: string }>({
    method: 'get',
    path: '/track/:trackingNumber/rating',
    operationId: 'getRatingWithReceipt',
    summary: 'Read your inquiry’s rating',
    description:
      'The rating the citizen gave, with the receipt; 404 DARCHA_RATING_NOT_FOUND before it is rated.',
    tag: TAG,
    scope: 'tenant',
    access: { citizen: true },
    schemas: {
      params: TRACK_PARAMS,
      query: NO_QUERY,
      responses: { 200: { description: 'The rating.', schema: RATING } },
    },
    async handler({ platform, tenantId, principal }) {
      return { body: await platform.ratings.get(tenantId, receiptInquiryId(principal)) };
    },
  }),

  defineRoute<{ id: string }, Record<string, unknown>, RateInput>({
    method: 'post',
    path: '/inquiries/:id/rating',
    operationId: 'rateInquiry',
    summary: 'Record a citizen’s rating at the desk',
    description: `Front-office staff record the rating the citizen gives at the desk (or a front-office kiosk key). ${RATE_DESCRIPTION}`,
    tag: TAG,
    scope: 'tenant',
    access: { staff: ['front_office'], apiKey: true },
    schemas: {
      params: idParams,
      body: RATE_BODY,
      responses: { 201: { description: 'Rated.', schema: RATE_ANSWER } },
    },
    async handler({ platform, tenantId, principal, params, body }) {
      const rated = await platform.ratings.rate(tenantId, params.id, body, actorOf(principal));
      return { status: 201, body: rated };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'get',
    path: '/inquiries/:id/rating',
    operationId: 'getRating',
    summary: 'Read an inquiry’s rating',
    description:
      'Staff who may see the inquiry read its rating; 404 DARCHA_RATING_NOT_FOUND before it is rated.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: ['*'], apiKey: true, platform: true },
    schemas: {
      params: idParams,
      responses: { 200: { description: 'The rating.', schema: RATING } },
    },
    async handler({ platform, tenantId, principal, params }) {
      assertVisible(principal, await platform.engine.get(tenantId, params.id), tenantId);
      return { body: await platform.ratings.get(tenantId, params.id) };
    },
  }),

  defineRoute<Record<string, string>, ReviewQuery>({
    method: 'get',
    path: '/rating-reviews',
    operationId: 'listRatingReviews',
    summary: 'List reviews of low ratings',
    description:
      'Reviews opened by ratings of 3 or less, oldest first. A supervisor bound to agencies sees only theirs ' +
      '(asking for another agency is 403 DARCHA_RATING_REVIEW_FORBIDDEN); city admins and auditors see all.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: ['supervisor', 'city_admin', 'auditor'], apiKey: true, platform: true },
    schemas: {
      query: REVIEW_QUERY,
      responses: {
        200: {
          description: 'The reviews.',
          schema: objectSchema({ items: { type: 'array', items: RATING_REVIEW } }, ['items']),
        },
      },
    },
    async handler({ platform, tenantId, principal, query }) {
      return { body: { items: await platform.ratings.listReviews(tenantId, query, actorOf(principal)) } };
    },
  }),

  defineRoute<{ id: string }, Record<string, unknown>, { note: string }>({
    method: 'post',
    path: '/rating-reviews/:id/closure',
    operationId: 'closeRatingReview',
    summary: 'Close a review of a low rating',
    description:
      'A supervisor of the rated agency, or a city admin, closes the review with what was done (1 to ' +
      `${REVIEW_NOTE_MAX_LENGTH} characters); audited as rating.review.close. A closed review answers ` +
      '409 DARCHA_RATING_REVIEW_CLOSED.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: ['supervisor', 'city_admin'], platform: true },
    schemas: {
      params: idParams,
      body: CLOSE_BODY,
      responses: { 200: { description: 'The closed review.', schema: RATING_REVIEW } },
    },
    async handler({ platform, tenantId, principal, params, body }) {
      return { body: await platform.ratings.closeReview(tenantId, params.id, body.note, actorOf(principal)) };
    },
  }),
];
