import type { Ajv2020, Options, ValidateFunction } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../registry/types.js';
import { createAjv } from './create-ajv.js';

/** The options that tell shared instances apart. */
export type SharedAjvOptions = Pick<Options, 'strict' | 'coerceTypes' | 'useDefaults'>;

const instances = new Map<string, Ajv2020>();

/**
 * One ajv instance per distinct options, made by {@link createAjv} on first use and kept for the
 * process. A new instance compiles JSON Schema 2020-12's meta-schema first (about 20 ms), so code
 * that compiles schemas of its own shares these instead of making one per module or per call.
 *
 * A shared instance keeps every schema it compiles, by identity and by `$id`. Compile schemas that
 * carry an `$id` on an instance of your own, or `removeSchema` them right after compiling.
 */
export function sharedAjv(options: SharedAjvOptions = {}): Ajv2020 {
  const key = `${String(options.strict)}|${String(options.coerceTypes)}|${String(options.useDefaults)}`;
  let ajv = instances.get(key);
  if (!ajv) {
    ajv = createAjv(options);
    instances.set(key, ajv);
  }
  return ajv;
}

/**
 * Compiles a schema and drops it from the instance's registry at once, so that a schema with an
 * `$id` (a plugin's, say) can be compiled again later, on the same shared instance, without ajv's
 * "already exists" error. The compiled function keeps working.
 */
export function compileDetached(ajv: Ajv2020, schema: JsonSchema): ValidateFunction {
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    // A failed compile may leave the schema registered; but "already exists" means its $id names
    // another schema, which must stay.
    if (!/already exists/.test(String(error))) ajv.removeSchema(schema);
    throw error;
  }
  ajv.removeSchema(schema);
  return validate;
}
