import type { ErrorObject } from 'ajv';
import type { Locale } from '../../i18n/locales.js';
import type { ApplicationFieldError } from '../types.js';
import { localizeError } from './messages.js';

/**
 * Keywords whose error only sums up errors ajv reports anyway: a failed `if` comes with the errors of
 * its `then` or `else`, which name the fields.
 */
const SUMMARY_KEYWORDS: ReadonlySet<string> = new Set(['if']);

/**
 * The field errors of an application, one per invalid field and keyword, each with a message in
 * `locale`. `field` is a JSON pointer: for a missing property it points at that property
 * (`/applicant/pinfl`), for a property the form does not know at that property, and `""` is the whole
 * application.
 */
export function applicationFieldErrors(
  errors: readonly ErrorObject[],
  locale: Locale,
): ApplicationFieldError[] {
  const seen = new Set<string>();
  const result: ApplicationFieldError[] = [];
  for (const error of errors) {
    if (SUMMARY_KEYWORDS.has(error.keyword)) continue;
    const fieldError = {
      field: fieldPointer(error),
      keyword: error.keyword,
      message: localizeError(error, locale),
    };
    const key = JSON.stringify(fieldError);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(fieldError);
  }
  return result;
}

/** The JSON pointer of the field an error is about. */
export function fieldPointer(error: ErrorObject): string {
  const child: unknown =
    error.keyword === 'required'
      ? error.params['missingProperty']
      : error.keyword === 'additionalProperties'
        ? error.params['additionalProperty']
        : undefined;
  // ajv's instancePath is already a JSON pointer, its segments escaped.
  return typeof child === 'string'
    ? `${error.instancePath}/${escapePointerSegment(child)}`
    : error.instancePath;
}

/** RFC 6901: `~` is written `~0` and `/` is written `~1`. */
function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
