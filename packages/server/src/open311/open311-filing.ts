import type { FieldError, FileInquiryInput, Locale, ServiceDefinition } from '@darcha/core';
import { APPLICANT_CODES, applicantFields, applicantOf, type ApplicantParams } from './open311-applicant.js';
import { asSchema, formFields, formValue, kindOf, type Open311Field } from './open311-attributes.js';
import { parameterInvalid } from './open311.errors.js';
import {
  DESCRIPTION_MAX_LENGTH,
  NOTE_FIELD,
  REQUEST_FIELDS,
  STANDARD_FIELDS,
  isStandardField,
} from './open311-standard-fields.js';

/** A parsed form body: express.urlencoded without nesting gives a string, or a list for a repeated key. */
export type FormBody = Readonly<Record<string, string | string[] | undefined>>;

/** A POST turned into a filing, and what of it could not be kept. */
export interface Open311Filing {
  input: FileInquiryInput;
  /** Request parameters (`lat`, `address_string` ...) that were given but the service has nowhere to keep. */
  unstored: string[];
}

const ATTRIBUTE_KEY = /^attribute\[([^[\]]+)\](\[\])?$/;

/**
 * Reads a POST's parameters for a service: `attribute[CODE]` and `attribute[CODE][]` (both
 * accepted, values of the same code are joined) become the form data, converted to the types the
 * form expects; standard parameters fill form properties of their name; the applicant comes from
 * the names, phone, e-mail and the applicant attributes. Request parameters the form has no
 * property for go to its `note` property if it has one, else are listed as unstored. Throws
 * `DARCHA_OPEN311_PARAMETER_INVALID` listing every problem; the form's own rules are checked by
 * the workflow engine when it files.
 */
export function open311Filing(
  definition: ServiceDefinition,
  body: FormBody,
  locale: Locale,
  chain: readonly Locale[],
): Open311Filing {
  const properties = asSchema(definition.form['properties']) ?? {};
  const formCodes = new Set(Object.keys(properties));
  const fields = new Map<string, Open311Field>(
    [...formFields(definition, chain), ...applicantFields(definition, formCodes)].map((f) => [f.code, f]),
  );
  const problems: FieldError[] = [];
  const formData: Record<string, unknown> = {};
  const applicant: ApplicantParams = {};

  for (const [code, values] of attributesOf(body, problems)) {
    const name = `attribute[${code}]`;
    const field = fields.get(code);
    if (!field) {
      problems.push({ field: name, message: unknownAttribute(definition, code, [...fields.keys()]) });
      continue;
    }
    const present = values.filter((v) => v !== '');
    if (present.length === 0) continue;
    if (field.datatype !== 'multivaluelist' && present.length > 1) {
      problems.push({ field: name, message: 'takes one value' });
      continue;
    }
    if ((APPLICANT_CODES as readonly string[]).includes(code)) {
      applicant[code as (typeof APPLICANT_CODES)[number]] = present[0];
    }
    if (field.target === 'applicant') continue;
    formData[code] =
      field.datatype === 'multivaluelist'
        ? present.map((v) => formValue(field.valueKind, field.choices, v))
        : formValue(field.valueKind, field.choices, present[0]!);
  }

  const notes: string[] = [];
  const unstored: string[] = [];
  for (const name of STANDARD_FIELDS) {
    const value = single(body, name, problems);
    if (value === undefined) continue;
    if (name === 'description' && value.length > DESCRIPTION_MAX_LENGTH) {
      problems.push({ field: name, message: `must be at most ${DESCRIPTION_MAX_LENGTH} characters` });
      continue;
    }
    if (name === 'first_name' || name === 'last_name' || name === 'phone' || name === 'email') {
      applicant[name] = value;
    }
    const property = asSchema(properties[name]);
    if (property) formData[name] = formValue(kindOf(property), [], value);
    else if (REQUEST_FIELDS.includes(name)) {
      if (hasNoteField(properties)) notes.push(`${name}: ${value}`);
      else unstored.push(name);
    }
  }
  if (notes.length > 0) {
    const given = typeof formData[NOTE_FIELD] === 'string' ? [formData[NOTE_FIELD]] : [];
    formData[NOTE_FIELD] = [...given, ...notes].join('\n');
  }

  const person = applicantOf(definition, applicant, locale);
  if ('problems' in person) problems.push(...person.problems);
  if (problems.length > 0 || !('applicant' in person)) throw parameterInvalid(problems);
  return {
    input: { serviceCode: definition.code, applicant: person.applicant, formData, channel: 'api', locale },
    unstored,
  };
}

/** The values of each attribute code, in the order given; malformed `attribute...` keys are problems. */
function attributesOf(body: FormBody, problems: FieldError[]): Map<string, string[]> {
  const given = new Map<string, string[]>();
  for (const [key, raw] of Object.entries(body)) {
    if (!key.startsWith('attribute') || raw === undefined) continue;
    const match = ATTRIBUTE_KEY.exec(key);
    if (!match) {
      problems.push({
        field: key.slice(0, 100),
        message: 'is not an attribute parameter: write attribute[CODE], or attribute[CODE][] once per value',
      });
      continue;
    }
    const code = match[1]!;
    given.set(code, [...(given.get(code) ?? []), ...(Array.isArray(raw) ? raw : [raw])]);
  }
  return given;
}

/** A standard parameter's one value; empty counts as absent, a repeated parameter is a problem. */
function single(body: FormBody, name: string, problems: FieldError[]): string | undefined {
  const raw = body[name];
  if (Array.isArray(raw)) {
    problems.push({ field: name, message: 'takes one value' });
    return undefined;
  }
  return raw === undefined || raw === '' ? undefined : raw;
}

function hasNoteField(properties: Record<string, unknown>): boolean {
  return asSchema(properties[NOTE_FIELD])?.['type'] === 'string';
}

function unknownAttribute(definition: ServiceDefinition, code: string, known: string[]): string {
  if (isStandardField(code)) return `is a standard parameter: send it as ${code}=...`;
  const list = known.length > 0 ? known.join(', ') : 'none';
  return `is not an attribute of service "${definition.code}" (its attributes: ${list})`;
}
