import { DarchaError } from '../../errors/darcha-error.js';
import { DARCHA_FORMATS } from './identifier-formats.js';

/**
 * A service's form is not a usable JSON Schema: ajv could not compile it (a misspelt type or keyword,
 * an unknown format, a broken `$ref`). Raised when a plugin publishes the service.
 */
export function formInvalid(code: string, version: number, cause: unknown): DarchaError {
  const complaint = cause instanceof Error ? cause.message : String(cause);
  return new DarchaError({
    code: 'DARCHA_REGISTRY_FORM_INVALID',
    kind: 'invalid',
    message: `The form of service "${code}" version ${version} is not a valid JSON Schema: ${complaint}`,
    hint:
      'Fix the `form` of that service definition: JSON Schema draft 2020-12 with standard keywords, ' +
      `the ajv-formats formats and Darcha's own (${Object.keys(DARCHA_FORMATS).join(', ')}); ` +
      'display hints belong in `ui`, not in the form.',
    details: { serviceCode: code, version, complaint },
    cause,
  });
}
