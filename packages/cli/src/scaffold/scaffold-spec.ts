import { PLUGIN_API_VERSION, PLUGIN_ID_PATTERN, type PluginKind } from '@darcha/core';

/** Longest plugin id the scaffold accepts: its migrations namespace `plugin_<id>` must stay within 41 characters. */
export const SCAFFOLD_ID_MAX_LENGTH = 34;

/** The category root a new plugin's first leaf goes under, by kind (a root of core's classification tree). */
export const DEFAULT_CATEGORY_ROOT: Readonly<Record<PluginKind, string>> = {
  agency: 'utilities',
  city: 'oss-services',
  feature: 'information',
};

/** Everything the templates need to know about the plugin being created. */
export interface ScaffoldSpec {
  /** `agency-gas` */
  id: string;
  kind: PluginKind;
  /** `@darcha/plugin-agency-gas` */
  packageName: string;
  /** The id without its kind prefix, `gas`: the service code's area and the category leaf. */
  area: string;
  /** `utilities.gas` */
  category: string;
  /** The agency kind the sample service needs: the area for an agency pack, `oss` otherwise. */
  agencyKind: string;
  /** `gas.sample-certificate` */
  serviceCode: string;
  /** `^1.0.0`: the plugin API this core implements, written as a literal so that a later core can refuse it. */
  engineRange: string;
}

/**
 * Why `id` cannot be a new plugin of `kind`, or an empty list. Agency and city plugins are named
 * `agency-<slug>` and `city-<slug>` (DESIGN: plugins/agency-<slug>, plugins/city-<slug>).
 */
export function scaffoldIdProblems(id: string, kind: PluginKind): string[] {
  const problems: string[] = [];
  if (!PLUGIN_ID_PATTERN.test(id)) {
    problems.push(
      `"${id}" must match ${PLUGIN_ID_PATTERN} (lowercase letters, digits and hyphens, starting with a letter)`,
    );
  }
  if (id.length > SCAFFOLD_ID_MAX_LENGTH) {
    problems.push(
      `"${id}" is longer than ${SCAFFOLD_ID_MAX_LENGTH} characters (its migrations namespace would be too long)`,
    );
  }
  if (kind !== 'feature' && !new RegExp(`^${kind}-[a-z][a-z0-9-]*$`).test(id)) {
    const example = kind === 'agency' ? 'agency-gas' : 'city-chirchik';
    problems.push(
      `the id of ${article(kind)} plugin is "${kind}-<slug>", the slug starting with a letter, e.g. "${example}"`,
    );
  }
  const prefix = /^(agency|city)-/.exec(id)?.[1];
  if (kind === 'feature' && prefix) {
    problems.push(`"${id}" reads as ${article(prefix)} plugin; use --kind ${prefix}, or another id`);
  }
  if (/--|-$/.test(id)) problems.push(`"${id}" must not contain "--" or end with "-"`);
  return problems;
}

/** The spec of a new plugin; call only with an id that has no {@link scaffoldIdProblems}. */
export function scaffoldSpec(id: string, kind: PluginKind): ScaffoldSpec {
  const area = kind === 'feature' ? id : id.slice(kind.length + 1);
  return {
    id,
    kind,
    packageName: `@darcha/plugin-${id}`,
    area,
    category: `${DEFAULT_CATEGORY_ROOT[kind]}.${area}`,
    agencyKind: kind === 'agency' ? area : 'oss',
    serviceCode: `${area}.sample-certificate`,
    engineRange: `^${PLUGIN_API_VERSION}`,
  };
}

function article(kind: string): string {
  return `${kind === 'agency' ? 'an' : 'a'} ${kind}`;
}
