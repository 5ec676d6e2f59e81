/**
 * A typed extension point: a plugin opens one so that plugins depending on it can extend it (the
 * gas pack lets a city pack add local tariff rules). The id is namespaced by the opening plugin.
 *
 * @example
 * // in agency-gas
 * export interface GasTariffRules { add(rule: TariffRule): void }
 * export const gasTariffRulesPoint = createExtensionPoint<GasTariffRules>('agency-gas/tariff-rules');
 * // register(ctx) { ctx.provideExtensionPoint(gasTariffRulesPoint, { add: (r) => rules.push(r) }) }
 *
 * // in city-chirchik (dependsOn agency-gas)
 * // register(ctx) { ctx.getExtensionPoint(gasTariffRulesPoint).add({ ... }) }
 */
export interface ExtensionPoint<T> {
  readonly id: string;
  /** Never set: carries the implementation type for the compiler. */
  readonly T?: T;
}

const EXTENSION_POINT_ID = /^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

export function createExtensionPoint<T>(id: string): ExtensionPoint<T> {
  if (!EXTENSION_POINT_ID.test(id)) {
    throw new TypeError(`Extension point id "${id}" must be "<plugin-id>/<name>", lowercase with hyphens.`);
  }
  return Object.freeze({ id });
}
