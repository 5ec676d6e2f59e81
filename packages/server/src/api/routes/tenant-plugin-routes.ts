import type { Platform, TenantSettings } from '@darcha/core';
import { ADMIN_ACCESS, auditActor } from '../admin-access.js';
import { PAGE_QUERY_PROPERTIES, pageOf, pageSchema, type PageQuery } from '../admin-page.js';
import { PLUGIN_SETTINGS, TENANT_PLUGIN, paramsOf, pluginId, settingsObject } from '../admin-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';

// Not under /plugins: /api/v1/plugins/<id>/... belongs to the plugins' own routes.
const TAG = 'Plugins';
const idParams = paramsOf({ pluginId });

async function settingsOf(platform: Platform, tenantId: string, id: string) {
  const status = await platform.plugins.statusOf(tenantId, id);
  const effective =
    (await platform.plugins.enablement(tenantId)).find((e) => e.pluginId === id)?.settings ?? {};
  const own = await platform.plugins.tenantPlugins.ownSettings(tenantId, id);
  return { pluginId: id, own, effective, schema: status.settingsSchema };
}

export const tenantPluginRoutes: AnyRoute[] = [
  defineRoute<Record<string, string>, PageQuery & { enabled?: boolean }>({
    method: 'get',
    path: '/tenant-plugins',
    operationId: 'listTenantPlugins',
    summary: 'List installed plugins and whether they are on for the city',
    description:
      'Every plugin of the installation with its startup status (a failed one carries its error) and, for the city, ' +
      'whether it is enabled and whose decision that is (the city’s or its region’s).',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      query: objectSchema({ enabled: { type: 'boolean' }, ...PAGE_QUERY_PROPERTIES }),
      responses: { 200: { description: 'A page of plugins, by id.', schema: pageSchema(TENANT_PLUGIN) } },
    },
    async handler({ platform, tenantId, query }) {
      const { enabled, ...page } = query;
      const plugins = (await platform.plugins.statusFor(tenantId)).filter(
        (p) => enabled === undefined || p.enabled === enabled,
      );
      return { body: pageOf(plugins, (p) => [p.id], page) };
    },
  }),

  defineRoute<{ pluginId: string }>({
    method: 'get',
    path: '/tenant-plugins/:pluginId',
    operationId: 'getTenantPlugin',
    summary: 'Read an installed plugin and its state for the city',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: { params: idParams, responses: { 200: { description: 'The plugin.', schema: TENANT_PLUGIN } } },
    async handler({ platform, tenantId, params }) {
      return { body: await platform.plugins.statusOf(tenantId, params.pluginId) };
    },
  }),

  defineRoute<{ pluginId: string }, Record<string, unknown>, { enabled: boolean | null }>({
    method: 'put',
    path: '/tenant-plugins/:pluginId/enablement',
    operationId: 'setTenantPluginEnablement',
    summary: 'Enable or disable a plugin for the city',
    description:
      'enabled: true runs the plugin’s onTenantEnable (and its seed data the first time); false runs onTenantDisable ' +
      'and keeps its data; null drops the city’s own decision so the region’s applies. Enabling needs the plugin’s ' +
      'required settings (400 DARCHA_PLUGIN_SETTINGS_INVALID); a plugin that failed to start cannot be enabled.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      params: idParams,
      body: objectSchema({ enabled: { type: ['boolean', 'null'] } }, ['enabled']),
      responses: { 200: { description: 'The plugin’s state for the city now.', schema: TENANT_PLUGIN } },
    },
    async handler({ platform, tenantId, params, body, principal }) {
      const manager = platform.plugins.tenantPlugins;
      const actor = auditActor(principal);
      if (body.enabled === true) await manager.enable(tenantId, params.pluginId, actor);
      else if (body.enabled === false) await manager.disable(tenantId, params.pluginId, actor);
      else await manager.inherit(tenantId, params.pluginId, actor);
      return { body: await platform.plugins.statusOf(tenantId, params.pluginId) };
    },
  }),

  defineRoute<{ pluginId: string }>({
    method: 'get',
    path: '/tenant-plugins/:pluginId/settings',
    operationId: 'getTenantPluginSettings',
    summary: 'Read a plugin’s settings for the city',
    description:
      'The city’s own settings, the effective ones (with the region’s), and the schema they follow.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      params: idParams,
      responses: { 200: { description: 'The settings.', schema: PLUGIN_SETTINGS } },
    },
    async handler({ platform, tenantId, params }) {
      return { body: await settingsOf(platform, tenantId, params.pluginId) };
    },
  }),

  defineRoute<{ pluginId: string }, Record<string, unknown>, { settings: TenantSettings }>({
    method: 'patch',
    path: '/tenant-plugins/:pluginId/settings',
    operationId: 'updateTenantPluginSettings',
    summary: 'Change a plugin’s settings for the city',
    description:
      'Merges `settings` into the city’s own settings (null removes a key, so the region’s value applies again). ' +
      'The result, with what the city inherits, is validated against the plugin’s settings schema; nothing is saved ' +
      'when it fails (400 DARCHA_PLUGIN_SETTINGS_INVALID listing each field).',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      params: idParams,
      body: objectSchema({ settings: settingsObject }, ['settings']),
      responses: { 200: { description: 'The settings after the change.', schema: PLUGIN_SETTINGS } },
    },
    async handler({ platform, tenantId, params, body, principal }) {
      await platform.plugins.tenantPlugins.updateSettings(
        tenantId,
        params.pluginId,
        body.settings,
        auditActor(principal),
      );
      return { body: await settingsOf(platform, tenantId, params.pluginId) };
    },
  }),
];
