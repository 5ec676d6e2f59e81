import type { Locale } from '../i18n/locales.js';
import { SAMPLE_CERTIFICATE } from './certificate-context.js';
import { documentErrors } from './documents.errors.js';
import { renderPage, type PageVerification } from './page-layout.js';
import { SAMPLE_RECEIPT } from './receipt-context.js';
import { TemplateEngine, type TemplateOrigin } from './template-engine.js';
import {
  ownerOf,
  resolveTemplate,
  type ResolvedTemplate,
  type TemplateContributions,
} from './template-resolver.js';
import { CERTIFICATE_TEMPLATE } from './templates/certificate-template.js';
import { RECEIPT_TEMPLATE } from './templates/receipt-template.js';
import type { DocumentBranding } from './types.js';

const CORE_TRANSLATIONS: Record<string, Partial<Record<Locale, string>>> = {};

/** What a whole page needs besides the template and its data. */
export interface PageParts {
  title: string;
  branding: DocumentBranding;
  tenantName: string;
  timeZone: string;
  verification?: PageVerification;
}

/**
 * Renders templates into printable pages: resolves the source (tenant override, core, plugin, with
 * locale fallback), compiles it on the document template engine, renders it with the document
 * helpers and puts it into the A4 page layout.
 */
export class DocumentRenderer {
  readonly #contributions: TemplateContributions;
  #engine: { helpers: string; engine: TemplateEngine } | undefined;

  constructor(contributions: TemplateContributions) {
    this.#contributions = contributions;
  }

  /** The source of a template for a tenant, given the tenant's overrides of the key. */
  resolve(
    key: string,
    locale: Locale,
    overrides: ReadonlyMap<string, string>,
    tenantId: string,
  ): ResolvedTemplate {
    return resolveTemplate(key, locale, overrides, this.#contributions, tenantId);
  }

  /** Renders a resolved template with `context` into a whole page. */
  renderPage(template: ResolvedTemplate, context: unknown, page: PageParts): string {
    const body = this.renderBody(template, context, page.timeZone);
    return renderPage({
      locale: template.locale,
      title: page.title,
      body,
      branding: page.branding,
      tenantName: page.tenantName,
      ...(page.verification ? { verification: page.verification } : {}),
    });
  }

  /** Renders a resolved template's body (escaped HTML). */
  renderBody(template: ResolvedTemplate, context: unknown, timeZone: string): string {
    const compiled = this.#templateEngine().compile(template.source, template);
    const owner = ownerOf(template.key);
    return compiled(context, {
      locale: template.locale,
      timeZone,
      translate: (key) =>
        owner === 'core'
          ? (CORE_TRANSLATIONS[key]?.[template.locale] ?? CORE_TRANSLATIONS[key]?.en)
          : this.#contributions.translate(owner, key, template.locale),
    });
  }

  /**
   * Checks a source a tenant wants to save: it must compile under the rules; an override of a core
   * template must also render with sample data (core templates are strict, so a misspelt field is
   * caught now rather than when a certificate is issued).
   */
  check(key: string, locale: Locale, source: string, tenantId: string): void {
    const origin: TemplateOrigin = {
      key,
      locale,
      from: `tenant "${tenantId}"`,
      strict: key.startsWith('core/'),
    };
    this.#templateEngine().compile(source, origin);
    const sample =
      key === CERTIFICATE_TEMPLATE
        ? SAMPLE_CERTIFICATE
        : key === RECEIPT_TEMPLATE
          ? SAMPLE_RECEIPT
          : undefined;
    if (sample === undefined) return;
    try {
      this.renderBody({ ...origin, source }, sample, 'Asia/Tashkent');
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      throw documentErrors.templateInvalid(key, locale, origin.from, `it fails with sample data: ${problem}`);
    }
  }

  /** The engine, rebuilt when the set of plugin helpers changed (a plugin started or stopped). */
  #templateEngine(): TemplateEngine {
    const helpers = this.#contributions.helpers();
    const names = [...helpers.keys()].sort().join(',');
    if (this.#engine?.helpers !== names) {
      this.#engine = { helpers: names, engine: new TemplateEngine(helpers) };
    }
    return this.#engine.engine;
  }
}
