import {
  DarchaError,
  fieldErrorsFromAjv,
  sharedAjv,
  type JsonSchema,
  type SharedAjvOptions,
} from '@darcha/core';
import type { AnyRoute } from './route-definition.js';

type ValidateFunction = ReturnType<ReturnType<typeof sharedAjv>['compile']>;

/** Where a value was read from, as field errors name it. */
type Part = 'params' | 'query' | 'body';

// Paths and query strings are text: their values are coerced to the schema's types. Bodies are
// JSON: a string where a number belongs is an error, not a guess.
const TEXT: SharedAjvOptions = { coerceTypes: 'array', useDefaults: true };
const JSON_BODY: SharedAjvOptions = { useDefaults: true };

/**
 * The validators of one route. Each part's schema is compiled on the route's first request (not
 * when the router is made, so starting the server compiles none); `compile()` compiles them all
 * at once, as the route table's unit test does for every route.
 */
export class RequestValidator {
  readonly #schemas: Partial<Record<Part, { schema: JsonSchema; options: SharedAjvOptions }>> = {};
  readonly #validators: Partial<Record<Part, ValidateFunction>> = {};

  constructor(route: AnyRoute) {
    const { params, query, body } = route.schemas;
    if (params) this.#schemas.params = { schema: params, options: TEXT };
    if (query) this.#schemas.query = { schema: query, options: TEXT };
    if (body && route.bodyType !== 'multipart') this.#schemas.body = { schema: body, options: JSON_BODY };
  }

  /** Compiles every part's schema now; throws ajv's error for one that is not valid JSON Schema. */
  compile(): void {
    for (const part of ['params', 'query', 'body'] as const) this.#validator(part);
  }

  /**
   * Validates (and coerces, for params and query) each part in place; throws one
   * `DARCHA_HTTP_VALIDATION` listing every invalid field of every part.
   */
  check(parts: Record<Part, unknown>): void {
    const fields: { field: string; message: string }[] = [];
    for (const part of ['params', 'query', 'body'] as const) {
      const validate = this.#validator(part);
      if (!validate || validate(parts[part])) continue;
      for (const error of fieldErrorsFromAjv(validate.errors)) {
        fields.push({ field: `${part}${error.field === '/' ? '' : error.field}`, message: error.message });
      }
    }
    if (fields.length === 0) return;
    throw new DarchaError({
      code: 'DARCHA_HTTP_VALIDATION',
      kind: 'invalid',
      message: `The request has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}: ${fields
        .map((f) => `${f.field} ${f.message}`)
        .join('; ')}.`,
      hint: 'Correct the fields listed in details.fields; the API reference at /api/docs shows each route’s schema.',
      details: { fields },
    });
  }

  #validator(part: Part): ValidateFunction | undefined {
    const source = this.#schemas[part];
    if (!source) return undefined;
    return (this.#validators[part] ??= sharedAjv(source.options).compile(source.schema));
  }
}

/** An object schema with these properties, no others, these required. */
export function objectSchema(
  properties: Record<string, JsonSchema>,
  required: readonly string[] = [],
  extra: JsonSchema = {},
): JsonSchema {
  return { type: 'object', properties, required: [...required], additionalProperties: false, ...extra };
}
