import { CATEGORY_ID_PATTERN } from '@darcha/core';
import { ADMIN_ACCESS } from '../admin-access.js';
import { PAGE_QUERY_PROPERTIES, pageOf, pageSchema, type PageQuery } from '../admin-page.js';
import { SERVICE_DEFINITION, agencyCode, paramsOf, serviceCode } from '../admin-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';

const TAG = 'Catalog';

export const serviceRoutes: AnyRoute[] = [
  defineRoute<Record<string, string>, PageQuery & { category?: string; agencyKind?: string }>({
    method: 'get',
    path: '/services',
    operationId: 'listServiceDefinitions',
    summary: 'List the services installed plugins publish',
    description:
      'The current version of every service of the installation’s active plugins, whether the city offers it or ' +
      'not: what a city admin chooses the catalog from. `category` includes its subcategories.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.anyStaff,
    schemas: {
      query: objectSchema({
        category: { type: 'string', pattern: CATEGORY_ID_PATTERN.source, maxLength: 200 },
        agencyKind: agencyCode,
        ...PAGE_QUERY_PROPERTIES,
      }),
      responses: {
        200: {
          description: 'A page of service definitions, by code.',
          schema: pageSchema(SERVICE_DEFINITION),
        },
      },
    },
    handler({ platform, query }) {
      const { category, agencyKind, ...page } = query;
      const definitions = platform.services
        .list()
        .filter(
          (d) =>
            (category === undefined || d.category === category || d.category.startsWith(`${category}.`)) &&
            (agencyKind === undefined || d.agencyKind === agencyKind),
        );
      return { body: pageOf(definitions, (d) => [d.code], page) };
    },
  }),

  defineRoute<{ code: string }, { version?: number }>({
    method: 'get',
    path: '/services/:code',
    operationId: 'getServiceDefinition',
    summary: 'Read a service definition',
    description:
      'The current version, or the version asked for (inquiries stay pinned to the version they were filed on).',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.anyStaff,
    schemas: {
      params: paramsOf({ code: serviceCode }),
      query: objectSchema({ version: { type: 'integer', minimum: 1, maximum: 1_000_000 } }),
      responses: { 200: { description: 'The definition.', schema: SERVICE_DEFINITION } },
    },
    async handler({ platform, params, query }) {
      return { body: await platform.services.get(params.code, query.version) };
    },
  }),
];
