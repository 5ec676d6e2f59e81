import type { CatalogEntryInput, CatalogQuery } from '@darcha/core';
import { ADMIN_ACCESS, auditActor } from '../admin-access.js';
import { PAGE_QUERY_PROPERTIES, pageOf, pageSchema, type PageQuery } from '../admin-page.js';
import {
  CATALOG_ENTRY,
  CATALOG_SERVICE,
  CATEGORY,
  agencyCode,
  localizedText,
  paramsOf,
  serviceCode,
} from '../admin-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { text } from '../schemas.js';

const TAG = 'Catalog';
const codeParams = paramsOf({ serviceCode });

const CATALOG_QUERY = objectSchema({
  text: text(200),
  category: text(200),
  agencyCode,
  applicantType: { type: 'string', enum: ['individual', 'legal_entity'] },
  kind: { type: 'string', enum: ['service', 'information', 'appeal'] },
  channel: { type: 'string', enum: ['desk', 'online', 'api'] },
  ...PAGE_QUERY_PROPERTIES,
});

export const catalogRoutes: AnyRoute[] = [
  defineRoute<Record<string, string>, CatalogQuery & PageQuery>({
    method: 'get',
    path: '/catalog',
    operationId: 'listCatalog',
    summary: 'List the services the city offers',
    description:
      'The public catalog of the portal: what the city offers (its own entries and those it inherits from its ' +
      'region), with its local names, SLA and fee. Free text is matched in every locale, Latin and Cyrillic Uzbek alike.',
    tag: TAG,
    scope: 'tenant',
    access: { anyone: true },
    schemas: {
      query: CATALOG_QUERY,
      responses: {
        200: { description: 'A page of offered services, by code.', schema: pageSchema(CATALOG_SERVICE) },
      },
    },
    async handler({ platform, tenantId, query }) {
      const { limit, cursor, ...filters } = query;
      const services = await platform.catalog.search(tenantId, filters);
      return { body: pageOf(services, (s) => [s.serviceCode], { limit, cursor }) };
    },
  }),

  defineRoute<Record<string, string>, PageQuery>({
    method: 'get',
    path: '/catalog/categories',
    operationId: 'listCategories',
    summary: 'List the classification of services',
    description:
      'Every category of the installed plugins, by id (`utilities`, `utilities.gas`); `parent` makes the tree.',
    tag: TAG,
    scope: 'tenant',
    access: { anyone: true },
    schemas: {
      query: objectSchema({ ...PAGE_QUERY_PROPERTIES }),
      responses: { 200: { description: 'A page of categories.', schema: pageSchema(CATEGORY) } },
    },
    handler({ platform, query }) {
      return { body: pageOf(platform.services.categories(), (c) => [c.id], query) };
    },
  }),

  defineRoute<{ serviceCode: string }>({
    method: 'get',
    path: '/catalog/services/:serviceCode',
    operationId: 'getCatalogService',
    summary: 'Read a service the city offers',
    description:
      'With its form, required documents, fee and SLA as the city offers it. 404 when the city does not offer it.',
    tag: TAG,
    scope: 'tenant',
    access: { anyone: true },
    schemas: {
      params: codeParams,
      responses: { 200: { description: 'The offered service.', schema: CATALOG_SERVICE } },
    },
    async handler({ platform, tenantId, params }) {
      return { body: await platform.catalog.service(tenantId, params.serviceCode) };
    },
  }),

  defineRoute<Record<string, string>, PageQuery>({
    method: 'get',
    path: '/catalog/entries',
    operationId: 'listCatalogEntries',
    summary: 'List the city’s own catalog entries',
    description:
      'The city’s own decisions, offered or withheld (offered: false hides a service the region offers); entries ' +
      'inherited from the region are not among them (GET /catalog shows the result).',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.anyStaff,
    schemas: {
      query: objectSchema({ ...PAGE_QUERY_PROPERTIES }),
      responses: {
        200: { description: 'A page of entries, by service code.', schema: pageSchema(CATALOG_ENTRY) },
      },
    },
    async handler({ platform, tenantId, query }) {
      return { body: pageOf(await platform.catalog.ownEntries(tenantId), (e) => [e.serviceCode], query) };
    },
  }),

  defineRoute<{ serviceCode: string }, Record<string, unknown>, Omit<CatalogEntryInput, 'serviceCode'>>({
    method: 'put',
    path: '/catalog/entries/:serviceCode',
    operationId: 'setCatalogEntry',
    summary: 'Offer or withhold a service',
    description:
      'Sets the city’s own entry for a service, replacing any earlier one: offered or not, through which of its ' +
      'agencies (of the kind the service needs), with local names, an SLA within the service’s bounds, and fee ' +
      'parameters where the service allows them.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      params: codeParams,
      body: objectSchema(
        {
          offered: { type: 'boolean' },
          agencyCode: { anyOf: [agencyCode, { type: 'null' }] },
          overrides: objectSchema({
            names: localizedText(500),
            slaValue: { type: 'integer', minimum: 1, maximum: 10_000 },
            feeParams: { type: 'object', maxProperties: 50 },
          }),
        },
        ['offered'],
      ),
      responses: {
        200: { description: 'The entry as stored.', schema: CATALOG_ENTRY },
        404: { description: 'No installed plugin publishes the service, or the agency does not exist.' },
      },
    },
    async handler({ platform, tenantId, params, body, principal }) {
      await platform.catalog.setEntry(
        tenantId,
        { ...body, serviceCode: params.serviceCode },
        auditActor(principal),
      );
      const entries = await platform.catalog.ownEntries(tenantId);
      return { body: entries.find((e) => e.serviceCode === params.serviceCode) };
    },
  }),

  defineRoute<{ serviceCode: string }>({
    method: 'delete',
    path: '/catalog/entries/:serviceCode',
    operationId: 'removeCatalogEntry',
    summary: 'Remove the city’s own entry for a service',
    description:
      'The region’s entry (if any) applies again. Idempotent: removing an entry the city does not have answers 204 too.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    bodyType: 'none',
    schemas: {
      params: codeParams,
      responses: { 204: { description: 'The city has no own entry for it (any more).' } },
    },
    async handler({ platform, tenantId, params, principal }) {
      await platform.catalog.removeEntry(tenantId, params.serviceCode, auditActor(principal));
      return { status: 204 };
    },
  }),
];
