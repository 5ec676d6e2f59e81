import { LOCALES, type Locale, type LocalizedText } from '../i18n/locales.js';
import type { TemplateSources } from '../plugins/contributions.js';
import { documentErrors } from './documents.errors.js';
import type { TemplateOrigin } from './template-engine.js';
import { CERTIFICATE_SOURCES } from './templates/certificate-template.js';
import { RECEIPT_SOURCES } from './templates/receipt-template.js';

/** Where plugins' templates and translations are read (the plugin host's contribution registry). */
export interface TemplateContributions {
  template(key: string, locale: Locale): string | undefined;
  helpers(): Map<string, (...args: unknown[]) => unknown>;
  translate(pluginId: string, key: string, locale: Locale): string | undefined;
}

/** Core's own templates. */
export const CORE_TEMPLATES: TemplateSources = { ...CERTIFICATE_SOURCES, ...RECEIPT_SOURCES };

/** A template key: `<owner>/<name>`, lowercase slugs. */
export const TEMPLATE_KEY_PATTERN = /^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;

/** A template source found for a key, with the locale it is written in and its origin. */
export interface ResolvedTemplate extends TemplateOrigin {
  source: string;
}

/**
 * The order locales are tried in: the requested one, then Uzbek (Latin, then Cyrillic), Russian and
 * English. A certificate is better in another language than not at all; the page says which
 * locale it is in (`lang`).
 */
export function fallbackLocales(requested: Locale): Locale[] {
  return [requested, ...LOCALES.filter((locale) => locale !== requested)];
}

/**
 * Finds the source of a template. For each locale in {@link fallbackLocales} order: the tenant's
 * override, then core's template, then a plugin's. Core templates and overrides of them are strict.
 */
export function resolveTemplate(
  key: string,
  locale: Locale,
  overrides: ReadonlyMap<string, string>,
  contributions: TemplateContributions,
  tenantId?: string,
): ResolvedTemplate {
  const core = key.startsWith('core/');
  for (const candidate of fallbackLocales(locale)) {
    const own = overrides.get(overrideKey(key, candidate));
    if (own !== undefined) {
      return { key, locale: candidate, source: own, from: `tenant "${tenantId ?? '?'}"`, strict: core };
    }
    const builtIn = CORE_TEMPLATES[key]?.[candidate];
    if (builtIn !== undefined) return { key, locale: candidate, source: builtIn, from: 'core', strict: true };
    const contributed = core ? undefined : contributions.template(key, candidate);
    if (contributed !== undefined) {
      return { key, locale: candidate, source: contributed, from: `plugin "${ownerOf(key)}"`, strict: false };
    }
  }
  throw documentErrors.templateNotFound(key, locale, tenantId);
}

/** Whether core or an active plugin provides a template under this key (in any locale). */
export function templateExists(key: string, contributions: TemplateContributions): boolean {
  if (CORE_TEMPLATES[key] !== undefined) return true;
  return LOCALES.some((locale) => contributions.template(key, locale) !== undefined);
}

/** The map key of an override. */
export function overrideKey(key: string, locale: Locale): string {
  return `${key}\u0000${locale}`;
}

/** The plugin (or `core`) a template key belongs to. */
export function ownerOf(key: string): string {
  return key.slice(0, Math.max(0, key.indexOf('/')));
}

/** A localized text in the locale, else the first of the fallback locales that has it. */
export function textIn(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  for (const candidate of fallbackLocales(locale)) {
    const value = text[candidate];
    if (value) return value;
  }
  return '';
}
