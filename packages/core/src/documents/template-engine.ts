import Handlebars from 'handlebars';
import type { Locale } from '../i18n/locales.js';
import { documentErrors } from './documents.errors.js';
import { DOCUMENT_HELPER_NAMES, documentHelpers, type RenderData } from './template-helpers.js';

/** A compiled document template: data in, escaped HTML out. */
export type CompiledTemplate = (context: unknown, data: RenderData) => string;

/** Where a template came from, for the rule it is held to and for error messages. */
export interface TemplateOrigin {
  key: string;
  locale: Locale;
  /** `core`, `plugin "agency-gas"`, `tenant "chirchik"`. */
  from: string;
  /**
   * Strict templates throw on a missing field instead of printing nothing: core's own templates,
   * and tenants' overrides of them (checked with sample data when saved).
   */
  strict: boolean;
}

/** Block helpers Handlebars provides that templates may use. */
const BUILT_IN_BLOCKS = ['if', 'unless', 'each', 'with'];
const MAX_CACHED = 500;

/**
 * Document templates on their own Handlebars instance: HTML escaping always on, only known helpers
 * (`knownHelpersOnly`), no unescaped output (`{{{ }}}`, `{{& }}`), no partials or decorators, and
 * prototype access left disabled (Handlebars' default since 4.6). Compiled templates are cached by
 * source.
 */
export class TemplateEngine {
  readonly #handlebars = Handlebars.create();
  readonly #knownHelpers: Record<string, true>;
  readonly #cache = new Map<string, CompiledTemplate>();

  /** `extraHelpers`: plugin helpers by full name `<plugin-id>/<name>` (called as `{{[agency-gas/x] v}}`). */
  constructor(extraHelpers: ReadonlyMap<string, (...args: unknown[]) => unknown> = new Map()) {
    const helpers: Record<string, (...args: unknown[]) => unknown> = {
      ...Object.fromEntries(extraHelpers),
      ...documentHelpers(),
    };
    this.#handlebars.registerHelper(helpers as Handlebars.HelperDeclareSpec);
    this.#knownHelpers = Object.fromEntries(
      [...BUILT_IN_BLOCKS, ...DOCUMENT_HELPER_NAMES, ...extraHelpers.keys()].map((name) => [name, true]),
    );
  }

  /**
   * Checks a template's source against the rules and compiles it; throws
   * `DARCHA_DOCUMENT_TEMPLATE_INVALID` naming the key, the locale and the origin.
   */
  compile(source: string, origin: TemplateOrigin): CompiledTemplate {
    const cacheKey = [origin.strict, origin.key, origin.locale, origin.from, source].join('\u0000');
    const cached = this.#cache.get(cacheKey);
    if (cached) return cached;
    const invalid = (problem: string) =>
      documentErrors.templateInvalid(origin.key, origin.locale, origin.from, problem);
    let program: hbs.AST.Program;
    try {
      program = this.#handlebars.parse(source);
    } catch (error) {
      throw invalid(firstLine(error));
    }
    const problem = ruleBroken(program, this.#knownHelpers);
    if (problem) throw invalid(problem);
    const options = {
      strict: origin.strict,
      knownHelpersOnly: true,
      knownHelpers: this.#knownHelpers,
      noEscape: false,
    };
    try {
      // `compile` is lazy; `precompile` runs the whole compiler now, so errors surface here.
      this.#handlebars.precompile(source, options);
    } catch (error) {
      throw invalid(firstLine(error));
    }
    const template = this.#handlebars.compile(source, options);
    const compiled: CompiledTemplate = (context, data) => {
      try {
        return template(context, { data });
      } catch (error) {
        throw documentErrors.renderFailed(origin.key, origin.locale, firstLine(error));
      }
    };
    if (this.#cache.size >= MAX_CACHED) this.#cache.clear();
    this.#cache.set(cacheKey, compiled);
    return compiled;
  }
}

/**
 * What is wrong with a plugin's templates, checked when the plugin registers: parse errors,
 * unescaped output, partials and decorators, one line per template and locale. Helpers are checked
 * when a template is compiled (a plugin may use another plugin's helpers).
 */
export function templateSourceProblems(
  sources: Readonly<Record<string, Readonly<Partial<Record<string, string>>>>>,
): string[] {
  const handlebars = Handlebars.create();
  const problems: string[] = [];
  for (const [key, locales] of Object.entries(sources)) {
    for (const [locale, source] of Object.entries(locales)) {
      if (typeof source !== 'string') continue;
      try {
        const problem = ruleBroken(handlebars.parse(source), undefined);
        if (problem) problems.push(`template "${key}" (${locale}): ${problem}`);
      } catch (error) {
        problems.push(`template "${key}" (${locale}): ${firstLine(error)}`);
      }
    }
  }
  return problems;
}

/**
 * The first rule a template breaks, walking its syntax tree; undefined when it keeps them all.
 * Without `known`, helper names are not checked.
 */
function ruleBroken(program: hbs.AST.Program, known: Record<string, true> | undefined): string | undefined {
  for (const node of program.body) {
    const problem = nodeRuleBroken(node, known);
    if (problem) return problem;
  }
  return undefined;
}

function nodeRuleBroken(
  node: hbs.AST.Statement,
  known: Record<string, true> | undefined,
): string | undefined {
  const at = `at line ${node.loc?.start.line ?? '?'}`;
  switch (node.type) {
    case 'MustacheStatement': {
      const mustache = node as hbs.AST.MustacheStatement;
      if (!mustache.escaped) return `unescaped output ({{{ }}} or {{& }}) ${at}`;
      return helperProblem(mustache, known, at);
    }
    case 'BlockStatement': {
      const block = node as hbs.AST.BlockStatement;
      const name = pathName(block.path);
      if (known && (name === undefined || !known[name])) return `unknown block helper "${name ?? '?'}" ${at}`;
      return (
        ruleBroken(block.program, known) ?? (block.inverse ? ruleBroken(block.inverse, known) : undefined)
      );
    }
    case 'PartialStatement':
    case 'PartialBlockStatement':
      return `partials ({{> }}) are not allowed ${at}`;
    case 'DecoratorBlock':
    case 'Decorator':
      return `decorators ({{* }}) are not allowed ${at}`;
    default:
      return undefined;
  }
}

function helperProblem(
  mustache: hbs.AST.MustacheStatement,
  known: Record<string, true> | undefined,
  at: string,
): string | undefined {
  if (!known) return undefined;
  const takesArguments = mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0;
  if (!takesArguments) return undefined;
  const name = pathName(mustache.path);
  return name !== undefined && known[name] ? undefined : `unknown helper "${name ?? '?'}" ${at}`;
}

function pathName(path: hbs.AST.Expression): string | undefined {
  return path.type === 'PathExpression' ? (path as hbs.AST.PathExpression).original : undefined;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
