import type { ErrorObject } from 'ajv';

/** One invalid field in an input: where it is, and what was expected there. */
export interface FieldError {
  /** JSON pointer-like path of the field, e.g. `/names/en` or `database.pool.max`. */
  field: string;
  /** What was wrong, in plain words. */
  message: string;
}

/**
 * Turns ajv errors into field errors, one per invalid field, naming the field the way a user wrote it.
 * `separator` is `/` for JSON documents and `.` for config keys.
 */
export function fieldErrorsFromAjv(
  errors: readonly ErrorObject[] | null | undefined,
  separator = '/',
): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors ?? []) {
    // instancePath is a JSON pointer: unescape its segments so every name is shown the same way.
    const segments = error.instancePath
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (error.keyword === 'required') segments.push(String(error.params['missingProperty']));
    if (error.keyword === 'additionalProperties') segments.push(String(error.params['additionalProperty']));
    const field = separator === '/' ? '/' + segments.join('/') : segments.join('.') || '(root)';
    const message = describe(error, separator === '/' ? 'field' : 'setting');
    const key = `${field}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ field, message });
  }
  return result;
}

/** `field` for JSON documents, `setting` for configuration keys. */
function describe(error: ErrorObject, noun: 'field' | 'setting'): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return `is not a known ${noun}; remove it or check its spelling`;
    case 'enum':
      return `must be one of: ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? 'is invalid';
  }
}

/** Renders field errors as one line each, for messages and the CLI. */
export function formatFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => `  - ${e.field}: ${e.message}`).join('\n');
}
