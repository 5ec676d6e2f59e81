import { LOCALES } from '../../i18n/locales.js';
import type { ContributionRegistry } from '../../plugins/contribution-registry.js';
import type { WorkflowReferenceLookup } from './types.js';

/**
 * The plugin host's contributions as a {@link WorkflowReferenceLookup}: guards and effects of active
 * plugins, and templates in any locale. Plugins do not contribute roles yet, so `hasRole` is left
 * out and a definition's own `roles` declaration is what makes a plugin-defined role known.
 */
export function contributionLookup(registry: ContributionRegistry): WorkflowReferenceLookup {
  return {
    hasGuard: (name) => registry.guard(name) !== undefined,
    hasEffect: (name) => registry.effect(name) !== undefined,
    hasTemplate: (key) => LOCALES.some((locale) => registry.template(key, locale) !== undefined),
  };
}
