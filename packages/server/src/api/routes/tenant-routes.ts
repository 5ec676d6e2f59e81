import type {
  ActorOptions,
  CreateTenantInput,
  LocalizedText,
  Locale,
  Platform,
  Tenant,
  TenantKind,
  TenantSettings,
  TenantStatus,
} from '@darcha/core';
import { ADMIN_ACCESS, auditActor } from '../admin-access.js';
import { PAGE_QUERY_PROPERTIES, pageOf, pageSchema, type PageQuery } from '../admin-page.js';
import {
  SETTINGS_ANSWER,
  TENANT,
  hostName,
  localizedText,
  paramsOf,
  settingsObject,
  tenantId,
} from '../admin-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { locale, text } from '../schemas.js';

const TAG = 'Tenants';
const kind = { type: 'string', enum: ['country', 'region', 'city'] };
const status = { type: 'string', enum: ['active', 'suspended', 'archived'] };
const timeZone = text(64);
const idParams = paramsOf({ id: tenantId });

type IdParams = { id: string };

interface TenantPatch {
  names?: LocalizedText;
  parentId?: string | null;
  defaultLocale?: Locale;
  timeZone?: string;
  status?: TenantStatus;
  reason?: string;
}

async function settingsOf(platform: Platform, id: string) {
  const [own, effective] = await Promise.all([
    platform.tenants.ownSettings(id),
    platform.tenants.effectiveSettings(id),
  ]);
  return { own, effective };
}

/** Moves a tenant to `status`; the reason is required (by the schema) to suspend or archive. */
function changeStatus(platform: Platform, id: string, to: TenantStatus, reason: string, actor: ActorOptions) {
  if (to === 'active') return platform.tenants.resume(id, actor);
  if (to === 'suspended') return platform.tenants.suspend(id, reason, actor);
  return platform.tenants.archive(id, reason, actor);
}

export const tenantRoutes: AnyRoute[] = [
  defineRoute<
    Record<string, string>,
    PageQuery & { status?: TenantStatus; kind?: TenantKind; parentId?: string }
  >({
    method: 'get',
    path: '/tenants',
    operationId: 'listTenants',
    summary: 'List tenants',
    description:
      'Every tenant (country, regions, cities) of the installation, by id; filters by status, kind and parent.',
    tag: TAG,
    scope: 'host',
    access: ADMIN_ACCESS.platformAdmin,
    schemas: {
      query: objectSchema({ status, kind, parentId: tenantId, ...PAGE_QUERY_PROPERTIES }),
      responses: { 200: { description: 'A page of tenants.', schema: pageSchema(TENANT) } },
    },
    async handler({ platform, query }) {
      const { limit, cursor, ...filters } = query;
      const tenants = await platform.tenants.list(filters);
      return { body: pageOf(tenants, (t) => [t.id], { limit, cursor }) };
    },
  }),

  defineRoute<Record<string, string>, Record<string, unknown>, CreateTenantInput>({
    method: 'post',
    path: '/tenants',
    operationId: 'createTenant',
    summary: 'Create a tenant',
    description:
      'A country has no parent; a region sits under a country; a city under a region or a country. The name in the ' +
      'default locale (uz-Latn unless given) is required. A new tenant is active; enable its plugins and set up its ' +
      'agencies, staff and catalog through /t/<tenant>/api/v1/... afterwards.',
    tag: TAG,
    scope: 'host',
    access: ADMIN_ACCESS.platformAdmin,
    schemas: {
      body: objectSchema(
        {
          id: tenantId,
          kind,
          parentId: { anyOf: [tenantId, { type: 'null' }] },
          names: localizedText(200),
          defaultLocale: locale,
          timeZone,
          settings: settingsObject,
        },
        ['id', 'kind', 'names'],
      ),
      responses: {
        201: { description: 'Created; Location names it.', schema: TENANT },
        409: { description: 'A tenant with this id exists (DARCHA_TENANT_EXISTS).' },
      },
    },
    async handler({ platform, body, principal }) {
      const tenant = await platform.tenants.create(body, auditActor(principal));
      return { status: 201, headers: { Location: `/api/v1/tenants/${tenant.id}` }, body: tenant };
    },
  }),

  defineRoute<IdParams>({
    method: 'get',
    path: '/tenants/:id',
    operationId: 'getTenant',
    summary: 'Read a tenant',
    tag: TAG,
    scope: 'host',
    access: ADMIN_ACCESS.platformAdmin,
    schemas: { params: idParams, responses: { 200: { description: 'The tenant.', schema: TENANT } } },
    async handler({ platform, params }): Promise<{ body: Tenant }> {
      return { body: await platform.tenants.get(params.id) };
    },
  }),

  defineRoute<IdParams, Record<string, unknown>, TenantPatch>({
    method: 'patch',
    path: '/tenants/:id',
    operationId: 'updateTenant',
    summary: 'Change a tenant',
    description:
      'Changes names, parent, default locale or time zone, and moves the tenant between statuses: suspended ' +
      '(its requests are refused, data kept) and archived (final) need a reason; active resumes a suspended tenant. ' +
      'Fields are saved first, then the status, each audited; an archived tenant cannot change any more.',
    tag: TAG,
    scope: 'host',
    access: ADMIN_ACCESS.platformAdmin,
    schemas: {
      params: idParams,
      body: objectSchema(
        {
          names: localizedText(200),
          parentId: { anyOf: [tenantId, { type: 'null' }] },
          defaultLocale: locale,
          timeZone,
          status,
          reason: text(500),
        },
        [],
        {
          minProperties: 1,
          dependentRequired: { reason: ['status'] },
          if: { required: ['status'], properties: { status: { enum: ['suspended', 'archived'] } } },
          then: { required: ['reason'] },
        },
      ),
      responses: {
        200: { description: 'The tenant as it is now.', schema: TENANT },
        409: {
          description: 'It still has tenants below it that are not archived (DARCHA_TENANT_HAS_CHILDREN).',
        },
      },
    },
    async handler({ platform, params, body, principal }) {
      const actor = auditActor(principal);
      const { status: to, reason, ...fields } = body;
      let tenant = await platform.tenants.get(params.id);
      if (Object.keys(fields).length > 0) tenant = await platform.tenants.update(params.id, fields, actor);
      if (
        to !== undefined &&
        (to !== tenant.status || (reason !== undefined && reason !== tenant.statusReason))
      ) {
        tenant = await changeStatus(platform, params.id, to, reason ?? '', actor);
      }
      return { body: tenant };
    },
  }),

  defineRoute<IdParams>({
    method: 'get',
    path: '/tenants/:id/settings',
    operationId: 'getTenantSettings',
    summary: 'Read a tenant’s settings',
    description:
      'Its own settings, and the effective ones: its ancestors’ settings with its own merged key by key.',
    tag: TAG,
    scope: 'host',
    access: ADMIN_ACCESS.platformAdmin,
    schemas: {
      params: idParams,
      responses: { 200: { description: 'Own and effective settings.', schema: SETTINGS_ANSWER } },
    },
    async handler({ platform, params }) {
      return { body: await settingsOf(platform, params.id) };
    },
  }),

  defineRoute<IdParams, Record<string, unknown>, { settings: TenantSettings }>({
    method: 'patch',
    path: '/tenants/:id/settings',
    operationId: 'updateTenantSettings',
    summary: 'Change a tenant’s settings',
    description:
      'Merges `settings` into the tenant’s own settings: objects key by key, other values replace, and null removes ' +
      'the own key so the ancestors’ value applies again. At most 64 kB and 16 levels deep.',
    tag: TAG,
    scope: 'host',
    access: ADMIN_ACCESS.platformAdmin,
    schemas: {
      params: idParams,
      body: objectSchema({ settings: settingsObject }, ['settings']),
      responses: {
        200: { description: 'Own and effective settings after the change.', schema: SETTINGS_ANSWER },
      },
    },
    async handler({ platform, params, body, principal }) {
      await platform.tenants.updateSettings(params.id, body.settings, auditActor(principal));
      return { body: await settingsOf(platform, params.id) };
    },
  }),

  defineRoute<IdParams, PageQuery>({
    method: 'get',
    path: '/tenants/:id/domains',
    operationId: 'listTenantDomains',
    summary: 'List a tenant’s host names',
    tag: TAG,
    scope: 'host',
    access: ADMIN_ACCESS.platformAdmin,
    schemas: {
      params: idParams,
      query: objectSchema({ ...PAGE_QUERY_PROPERTIES }),
      responses: {
        200: { description: 'A page of host names.', schema: pageSchema(objectSchema({ host: hostName })) },
      },
    },
    async handler({ platform, params, query }) {
      const hosts = (await platform.tenants.domainsOf(params.id)).map((host) => ({ host }));
      return { body: pageOf(hosts, (d) => [d.host], query) };
    },
  }),

  defineRoute<IdParams, Record<string, unknown>, { host: string }>({
    method: 'post',
    path: '/tenants/:id/domains',
    operationId: 'addTenantDomain',
    summary: 'Register a host name to a tenant',
    description:
      'Requests to this host name are then served as this tenant. Adding a host the tenant already has changes nothing.',
    tag: TAG,
    scope: 'host',
    access: ADMIN_ACCESS.platformAdmin,
    schemas: {
      params: idParams,
      body: objectSchema({ host: hostName }, ['host']),
      responses: {
        201: { description: 'Registered; Location names it.', schema: objectSchema({ host: hostName }) },
        409: { description: 'Another tenant has this host name (DARCHA_TENANT_DOMAIN_TAKEN).' },
      },
    },
    async handler({ platform, params, body, principal }) {
      await platform.tenants.addDomain(params.id, body.host, auditActor(principal));
      return {
        status: 201,
        headers: { Location: `/api/v1/tenants/${params.id}/domains/${body.host}` },
        body: { host: body.host },
      };
    },
  }),

  defineRoute<IdParams & { host: string }>({
    method: 'delete',
    path: '/tenants/:id/domains/:host',
    operationId: 'removeTenantDomain',
    summary: 'Remove a host name from a tenant',
    description:
      'Idempotent: a host name the tenant does not have (or another tenant’s) is left alone, and the answer is 204.',
    tag: TAG,
    scope: 'host',
    access: ADMIN_ACCESS.platformAdmin,
    bodyType: 'none',
    schemas: {
      params: paramsOf({ id: tenantId, host: hostName }),
      responses: { 204: { description: 'The tenant does not have it (any more).' } },
    },
    async handler({ platform, params, principal }) {
      const hosts = await platform.tenants.domainsOf(params.id);
      if (hosts.includes(params.host))
        await platform.tenants.removeDomain(params.host, auditActor(principal));
      return { status: 204 };
    },
  }),
];
