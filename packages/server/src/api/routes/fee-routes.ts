import type { ApplicantType, BaseAmount, Channel, FeeQuote, JsonSchema, NewBaseAmount } from '@darcha/core';
import { APPLICANT_CATEGORIES, type ApplicantCategory } from '@darcha/core';
import { auditActor } from '../admin-access.js';
import { PAGE_QUERY_PROPERTIES, pageOf, pageSchema, type PageQuery } from '../admin-page.js';
import { localizedText, paramsOf, serviceCode } from '../admin-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { anyObject, dateTime, text } from '../schemas.js';

const TAG = 'Fees';

const country: JsonSchema = { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 63 };
const date: JsonSchema = { type: 'string', format: 'date' };
const channel: JsonSchema = { type: 'string', enum: ['desk', 'online', 'api'] };
const category: JsonSchema = { type: 'string', enum: [...APPLICANT_CATEGORIES] };
const soums: JsonSchema = { type: 'integer' };
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

const BASE_AMOUNT: JsonSchema = objectSchema(
  {
    country,
    effectiveFrom: date,
    amount: { type: 'integer', minimum: 1, description: 'Whole soums.' },
    note: nullable({ type: 'string' }),
    createdBy: { type: 'string' },
    createdAt: dateTime,
  },
  ['country', 'effectiveFrom', 'amount', 'note', 'createdBy', 'createdAt'],
);

const FEE_LINE: JsonSchema = objectSchema(
  {
    kind: { type: 'string', enum: ['fee', 'discount'] },
    description: localizedText(1000),
    quantity: { type: 'integer', minimum: 1 },
    unitAmount: soums,
    amount: { ...soums, description: 'quantity x unitAmount; negative on a discount line.' },
  },
  ['kind', 'description', 'quantity', 'unitAmount', 'amount'],
);

const FEE_QUOTE: JsonSchema = objectSchema(
  {
    serviceCode,
    serviceVersion: { type: 'integer', minimum: 1 },
    free: { type: 'boolean' },
    currency: { type: 'string', enum: ['UZS'] },
    total: { ...soums, minimum: 0, description: 'Soums to pay, after the discount.' },
    lines: { type: 'array', items: FEE_LINE },
    breakdown: objectSchema(
      {
        bhm: nullable(
          objectSchema({ country, value: soums, effectiveFrom: date }, ['country', 'value', 'effectiveFrom']),
        ),
        multiplier: nullable({ type: 'number' }),
        fixed: nullable(soums),
        tier: nullable(objectSchema({ id: { type: 'string' }, names: localizedText(500) }, ['id'])),
        channel: nullable(channel),
        units: nullable(objectSchema({ count: soums, unit: { type: 'string' } }, ['count', 'unit'])),
        unitAmount: soums,
        subtotal: soums,
        discount: nullable(
          objectSchema({ category, percent: { type: 'number' }, amount: soums }, [
            'category',
            'percent',
            'amount',
          ]),
        ),
      },
      ['bhm', 'multiplier', 'fixed', 'tier', 'channel', 'units', 'unitAmount', 'subtotal', 'discount'],
    ),
    partialPayments: { type: 'boolean' },
    payableDays: { type: 'integer', minimum: 1 },
    invoiceAt: { type: 'string', enum: ['filing', 'effect'] },
    date: { ...date, description: "The day (the city's time zone) whose BHM applied." },
  },
  [
    'serviceCode',
    'serviceVersion',
    'free',
    'currency',
    'total',
    'lines',
    'breakdown',
    'partialPayments',
    'payableDays',
    'invoiceAt',
    'date',
  ],
);

interface QuoteBody {
  formData: Record<string, unknown>;
  channel: Channel;
  applicantType: ApplicantType;
  categories?: ApplicantCategory[];
  at?: string;
}

/** Routes of the base calculation amount (BHM) table and of fee quotes. */
export const feeRoutes: AnyRoute[] = [
  defineRoute<Record<string, string>, { country: string } & PageQuery>({
    method: 'get',
    path: '/base-amounts',
    operationId: 'listBaseAmounts',
    summary: 'List the base calculation amounts of a country',
    description:
      'The BHM table of a country, oldest value first: each value is in force from `effectiveFrom` until the next ' +
      "one starts. A fee that is a multiple of the BHM uses the value in force on the filing date (the city's time zone).",
    tag: TAG,
    scope: 'optional',
    access: { staff: ['*'], platform: true },
    schemas: {
      query: objectSchema({ country, ...PAGE_QUERY_PROPERTIES }, ['country']),
      responses: { 200: { description: 'A page of values, by date.', schema: pageSchema(BASE_AMOUNT) } },
    },
    async handler({ platform, query }) {
      const { country: id, ...page } = query;
      const values: BaseAmount[] = await platform.baseAmounts.list(id);
      return { body: pageOf(values, (v) => [v.effectiveFrom], page) };
    },
  }),

  defineRoute<Record<string, string>, Record<string, unknown>, NewBaseAmount>({
    method: 'post',
    path: '/base-amounts',
    operationId: 'addBaseAmount',
    summary: 'Add a base calculation amount',
    description:
      'A new BHM value of a country, in force from `effectiveFrom` (a decree changes it every year or so). Values are ' +
      'never changed or removed, so that past fees can be computed again: correct a wrong value with a new one.',
    tag: TAG,
    scope: 'host',
    access: { platform: true },
    schemas: {
      body: objectSchema(
        {
          country,
          effectiveFrom: date,
          amount: {
            type: 'integer',
            minimum: 1,
            maximum: Number.MAX_SAFE_INTEGER,
            description: 'Whole soums.',
          },
          note: text(500, 0),
        },
        ['country', 'effectiveFrom', 'amount'],
      ),
      responses: {
        201: { description: 'Added.', schema: BASE_AMOUNT },
        409: {
          description: 'The country has a value from that day already (DARCHA_FEE_BASE_AMOUNT_EXISTS).',
        },
      },
    },
    async handler({ platform, body, principal }) {
      const added = await platform.baseAmounts.add(body, auditActor(principal));
      return { status: 201, body: added };
    },
  }),

  defineRoute<{ code: string }, Record<string, unknown>, QuoteBody>({
    method: 'post',
    path: '/services/:code/fee-quote',
    operationId: 'quoteFee',
    summary: 'Quote the fee of a service',
    description:
      'What an application would cost in this city, before applying: the amount in whole soums and how it was ' +
      'reached (BHM and multiplier or fixed sum, tier, channel, units, discount), as the portal and the receipt show ' +
      'it. `at` is the filing time (default now). Nothing is stored.',
    tag: TAG,
    scope: 'tenant',
    access: { anyone: true },
    schemas: {
      params: paramsOf({ code: serviceCode }),
      body: objectSchema(
        {
          formData: { ...anyObject, maxProperties: 200 },
          channel,
          applicantType: { type: 'string', enum: ['individual', 'legal_entity'] },
          categories: { type: 'array', uniqueItems: true, maxItems: 3, items: category },
          at: dateTime,
        },
        ['formData', 'channel', 'applicantType'],
      ),
      responses: {
        200: { description: 'The quote.', schema: FEE_QUOTE },
        404: { description: 'The city does not offer the service (DARCHA_CATALOG_NOT_OFFERED).' },
      },
    },
    async handler({ platform, tenantId, params, body }) {
      const quote: FeeQuote = await platform.fees.quote(tenantId, {
        serviceCode: params.code,
        formData: body.formData,
        channel: body.channel,
        applicantType: body.applicantType,
        ...(body.categories ? { categories: body.categories } : {}),
        ...(body.at ? { at: new Date(body.at) } : {}),
      });
      return { body: quote };
    },
  }),
];
