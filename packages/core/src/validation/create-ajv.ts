import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The one way Darcha makes an ajv instance: JSON Schema draft 2020-12, every error reported (not
 * just the first), standard formats (date, email, uri ...) from ajv-formats, no console output.
 */
export function createAjv(options: Options = {}): Ajv2020 {
  // logger: false — ajv would print strict-mode warnings with console.*; schema errors still throw.
  const ajv = new Ajv2020({ allErrors: true, logger: false, ...options });
  addFormats.default(ajv);
  return ajv;
}
