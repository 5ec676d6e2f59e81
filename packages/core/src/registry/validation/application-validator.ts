import type { ValidateFunction } from 'ajv';
import type { Ajv2020, Options } from 'ajv/dist/2020.js';
import type { Locale } from '../../i18n/locales.js';
import { createAjv } from '../../validation/create-ajv.js';
import type { ApplicationValidationResult, ServiceDefinition } from '../types.js';
import { applicationFieldErrors } from './application-field-errors.js';
import { addDarchaFormats } from './identifier-formats.js';
import { formInvalid } from './validation.errors.js';

/** What the validator reads of a service definition. */
export type ServiceForm = Pick<ServiceDefinition, 'code' | 'version' | 'form'>;

/**
 * ajv's strict mode as Darcha applies it to forms. Unknown keywords and unknown formats are errors
 * (a misspelt `requried` or `format: 'pinf'` would otherwise be ignored silently). The strictTypes
 * and strictTuples checks are off: they refuse valid JSON Schema, such as `properties` without
 * `type: 'object'`, and would otherwise only log. With nothing left to log, ajv's console logger is off.
 */
const FORM_AJV_OPTIONS: Options = { strictTypes: false, strictTuples: false, logger: false };

/**
 * Checks application data against the forms of services. A form is compiled once per service
 * version (definitions are immutable per version) and kept; every invalid field is reported, with a
 * message in the applicant's locale.
 *
 * @example
 * const validator = new ApplicationValidator();
 * validator.compileForm(definition); // when the plugin publishes: throws DARCHA_REGISTRY_FORM_INVALID
 * const { valid, errors } = validator.validate(definition, body, 'uz-Latn');
 * // errors: [{ field: '/applicant/pinfl', keyword: 'format', message: "14 xonali JSHSHIR bo'lishi kerak" }]
 */
export class ApplicationValidator {
  readonly #ajv: Ajv2020 = addDarchaFormats(createAjv(FORM_AJV_OPTIONS));
  readonly #compiled = new Map<string, ValidateFunction>();

  /**
   * The compiled form of a service version, compiled on first use. Throws `DARCHA_REGISTRY_FORM_INVALID`
   * when the form is not valid JSON Schema or uses an unknown keyword or format.
   */
  compileForm(definition: ServiceForm): ValidateFunction {
    const key = `${definition.code}@${definition.version}`;
    const cached = this.#compiled.get(key);
    if (cached) return cached;
    let validate: ValidateFunction;
    try {
      validate = this.#ajv.compile(definition.form);
    } catch (error) {
      throw formInvalid(definition.code, definition.version, error);
    } finally {
      this.#forget(definition.form);
    }
    this.#compiled.set(key, validate);
    return validate;
  }

  /** Validates application data against the service's form; `errors` lists every invalid field. */
  validate(definition: ServiceForm, data: unknown, locale: Locale): ApplicationValidationResult {
    const validateForm = this.compileForm(definition);
    if (validateForm(data)) return { valid: true, errors: [] };
    return { valid: false, errors: applicationFieldErrors(validateForm.errors ?? [], locale) };
  }

  /**
   * Drops a form from ajv's own registry: the compiled function lives on in `#compiled`, and two
   * versions of a service (or a form fixed after a failed compile) may then carry the same `$id`.
   */
  #forget(form: unknown): void {
    if (typeof form === 'object' && form !== null) this.#ajv.removeSchema(form);
  }
}
