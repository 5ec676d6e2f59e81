import Handlebars from 'handlebars';
import { notificationErrors } from './notifications.errors.js';

/** Handlebars' own block helpers, the only helpers a message template may use. */
const KNOWN_HELPERS = { if: true, unless: true, each: true, with: true } as const;
const MAX_CACHED = 500;
/** Longest text a rendered message may have (an SMS is cut by the provider long before this). */
export const MAX_MESSAGE_LENGTH = 5000;

type Compiled = (context: Record<string, unknown>) => string;

/**
 * Renders message templates as plain text: a separate Handlebars instance, no HTML escaping (an SMS
 * or an email's text part is not HTML), only Handlebars' block helpers, no partials. `strict`
 * templates (core's and tenants' overrides of them) throw on a missing field instead of printing
 * nothing. Compiled templates are cached by source.
 */
export class MessageRenderer {
  readonly #handlebars = Handlebars.create();
  readonly #cache = new Map<string, Compiled>();

  /**
   * Renders `source` with `context`; throws `DARCHA_NOTIFICATION_TEMPLATE_INVALID` naming `key`,
   * `locale` and `from` when it does not compile or render.
   */
  render(
    source: string,
    context: Record<string, unknown>,
    origin: { key: string; locale: string; from: string; strict: boolean },
  ): string {
    const cacheKey = `${origin.strict ? 's' : 'l'}:${source}`;
    let compiled = this.#cache.get(cacheKey);
    try {
      if (!compiled) {
        compiled = this.#handlebars.compile(source, {
          noEscape: true,
          strict: origin.strict,
          knownHelpers: KNOWN_HELPERS,
          knownHelpersOnly: true,
        }) as Compiled;
        // Compiling is lazy in Handlebars: parse now so that a syntax error is caught here.
        this.#handlebars.parse(source);
        if (this.#cache.size >= MAX_CACHED) this.#cache.clear();
        this.#cache.set(cacheKey, compiled);
      }
      const text = compiled(context).trim();
      if (text.length > MAX_MESSAGE_LENGTH) {
        throw new Error(`the rendered text is longer than ${MAX_MESSAGE_LENGTH} characters`);
      }
      return text;
    } catch (error) {
      const problem = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      throw notificationErrors.templateInvalid(origin.key, origin.locale, origin.from, problem);
    }
  }
}
