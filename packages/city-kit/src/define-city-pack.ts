import { definePlugin, type DarchaPlugin } from '@darcha/core';
import { applyCityPack } from './apply-city-pack.js';
import type { CityPackSpec, DemoStaffMember } from './city-pack.types.js';
import { demoStaffFor } from './operating-models.js';

/** A city pack: the plugin to install, and what the demo and onboarding need to know of the city. */
export interface CityPack {
  /** The package's default export. */
  plugin: DarchaPlugin;
  spec: CityPackSpec;
  /** The demo sign-in accounts of the city, shaped by its operating model. */
  demoStaff(): DemoStaffMember[];
}

/**
 * Builds a city pack: a plugin of kind `city` that, when its city enables it, sets up the city's
 * OSS once (see {@link applyCityPack}); its own services and workflows are contributed as any
 * plugin's. The city's tenant itself is created by whoever onboards the city (the demo, `darcha
 * tenant create`, the admin UI) from `spec.tenant`.
 *
 * @example
 * const angren = defineCityPack({ id: 'city-angren', version: '0.1.0', tenant, operatingModel:
 *   'unitary-enterprise', ossName, agencies: [{ code: 'info-desk', kind: 'info', names }],
 *   dependsOn: [{ id: 'agency-information', range: '^0.1.0' }] });
 * export default angren.plugin;
 */
export function defineCityPack(spec: CityPackSpec): CityPack {
  const plugin = definePlugin({
    id: spec.id,
    version: spec.version,
    kind: 'city',
    engines: { darcha: '^1.0.0' },
    dependsOn: spec.dependsOn,
    ...spec.contributions,
    onTenantEnable: (ctx) => applyCityPack(spec, ctx),
  });
  return { plugin, spec, demoStaff: () => demoStaffFor(spec.operatingModel, spec.agencies) };
}
