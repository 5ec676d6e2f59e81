import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../registry/types.js';
import { sharedAjv, type SharedAjvOptions } from './shared-ajv.js';

/** A validator: true when the data is valid; `errors` holds the last call's errors (null if valid). */
export interface Validator<T> {
  (data: unknown): data is T;
  readonly errors: ErrorObject[] | null | undefined;
}

/**
 * A validator for a fixed schema that is compiled on its first call, on the {@link sharedAjv}
 * instance for `options`. Modules declare their input schemas at load time with this, so starting
 * the server compiles none of the validators it does not use yet (compiling costs about 1 ms per
 * schema). The schema is still checked: its first call throws ajv's error when it is not valid
 * JSON Schema, and every such schema of Darcha's is exercised by its unit tests.
 *
 * @example
 * const validateQuery = compileLater<InboxQuery>({ type: 'object', properties: { ... } });
 * if (!validateQuery(input)) throw invalid(fieldErrorsFromAjv(validateQuery.errors));
 */
export function compileLater<T>(schema: JsonSchema, options: SharedAjvOptions = {}): Validator<T> {
  let compiled: ValidateFunction<T> | undefined;
  const validate = (data: unknown): data is T => {
    compiled ??= sharedAjv(options).compile<T>(schema);
    return compiled(data);
  };
  Object.defineProperty(validate, 'errors', { get: () => compiled?.errors });
  return validate as Validator<T>;
}
