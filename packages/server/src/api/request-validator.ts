import { DarchaError, createAjv, fieldErrorsFromAjv, type JsonSchema } from '@darcha/core';
import type { AnyRoute } from './route-definition.js';

type ValidateFunction = ReturnType<ReturnType<typeof createAjv>['compile']>;

/** Where a value was read from, as field errors name it. */
type Part = 'params' | 'query' | 'body';

// Paths and query strings are text: their values are coerced to the schema's types. Bodies are
// JSON: a string where a number belongs is an error, not a guess.
const textAjv = createAjv({ coerceTypes: 'array', useDefaults: true });
const jsonAjv = createAjv({ useDefaults: true });

/** The compiled validators of one route, built once when the router is made. */
export class RequestValidator {
  readonly #validators: Partial<Record<Part, ValidateFunction>> = {};

  constructor(route: AnyRoute) {
    const { params, query, body } = route.schemas;
    if (params) this.#validators.params = textAjv.compile(params);
    if (query) this.#validators.query = textAjv.compile(query);
    if (body && route.bodyType !== 'multipart') this.#validators.body = jsonAjv.compile(body);
  }

  /**
   * Validates (and coerces, for params and query) each part in place; throws one
   * `DARCHA_HTTP_VALIDATION` listing every invalid field of every part.
   */
  check(parts: Record<Part, unknown>): void {
    const fields: { field: string; message: string }[] = [];
    for (const part of ['params', 'query', 'body'] as const) {
      const validate = this.#validators[part];
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
}

/** An object schema with these properties, no others, these required. */
export function objectSchema(
  properties: Record<string, JsonSchema>,
  required: readonly string[] = [],
  extra: JsonSchema = {},
): JsonSchema {
  return { type: 'object', properties, required: [...required], additionalProperties: false, ...extra };
}
