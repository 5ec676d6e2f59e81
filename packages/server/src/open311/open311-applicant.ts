import {
  APPLICANT_SCHEMA,
  compileLater,
  fieldErrorsFromAjv,
  type Applicant,
  type FieldError,
  type Locale,
  type ServiceDefinition,
} from '@darcha/core';
import type { Open311Field } from './open311-attributes.js';

/** Attributes that identify the applicant; the form may ask for them too (then it gets them as well). */
export const APPLICANT_CODES = ['pinfl', 'tin', 'organization_name'] as const;
export type ApplicantCode = (typeof APPLICANT_CODES)[number];

/** What an Open311 request tells about its applicant. */
export interface ApplicantParams {
  first_name?: string;
  last_name?: string;
  phone?: string;
  email?: string;
  pinfl?: string;
  tin?: string;
  organization_name?: string;
}

const validateApplicant = compileLater<Applicant>(APPLICANT_SCHEMA);

/** The Open311 name of each applicant field, by its JSON pointer in the applicant. */
const NAMES: Readonly<Record<string, string>> = {
  '/pinfl': 'attribute[pinfl]',
  '/firstName': 'first_name',
  '/lastName': 'last_name',
  '/phone': 'phone',
  '/email': 'email',
  '/tin': 'attribute[tin]',
  '/name': 'attribute[organization_name]',
  '/representative/pinfl': 'attribute[pinfl]',
  '/representative/firstName': 'first_name',
  '/representative/lastName': 'last_name',
  '/locale': 'locale',
};

export function acceptsIndividuals(definition: ServiceDefinition): boolean {
  return definition.applicantTypes.includes('individual');
}

export function acceptsLegalEntities(definition: ServiceDefinition): boolean {
  return definition.applicantTypes.includes('legal_entity');
}

/**
 * The attributes that identify the applicant, for the codes the form does not have itself: a
 * service for citizens needs their PINFL, one for businesses the TIN and the organisation's name;
 * a service for both takes the TIN to mean a business.
 */
export function applicantFields(
  definition: ServiceDefinition,
  formCodes: ReadonlySet<string>,
): Open311Field[] {
  const individuals = acceptsIndividuals(definition);
  const businesses = acceptsLegalEntities(definition);
  const fields: Open311Field[] = [];
  const add = (code: ApplicantCode, required: boolean, description: string, datatypeDescription: string) => {
    if (formCodes.has(code)) return;
    fields.push({
      code,
      datatype: 'string',
      required,
      description,
      datatypeDescription,
      choices: [],
      valueKind: 'string',
      target: 'applicant',
    });
  };
  if (individuals) {
    add(
      'pinfl',
      !businesses,
      businesses
        ? "The applicant's PINFL (personal identification number); for a business, its representative's"
        : "The applicant's PINFL (personal identification number)",
      businesses ? '14 digits; required unless tin is given' : '14 digits',
    );
  }
  if (businesses) {
    const only = !individuals;
    add(
      'tin',
      only,
      "The business's TIN (taxpayer identification number)",
      only ? '9 digits' : '9 digits; files for a business',
    );
    add(
      'organization_name',
      only,
      "The business's registered name",
      only ? '1 to 300 characters' : '1 to 300 characters; required with tin',
    );
  }
  return fields;
}

/**
 * The applicant of a request: a business when the service takes businesses and a TIN is given (or
 * it takes nothing else), else a citizen. Names, phone and e-mail are the standard parameters;
 * the phone is normalised to `+998XXXXXXXXX`. Every missing or invalid field is listed, named as
 * the client sent it.
 */
export function applicantOf(
  definition: ServiceDefinition,
  params: ApplicantParams,
  locale: Locale,
): { applicant: Applicant } | { problems: FieldError[] } {
  const business =
    acceptsLegalEntities(definition) && (params.tin !== undefined || !acceptsIndividuals(definition));
  const problems: FieldError[] = [];
  const need = (value: string | undefined, field: string, what: string) => {
    if (value === undefined) problems.push({ field, message: `is required: ${what}` });
  };
  const service = `service "${definition.code}"`;
  if (business) {
    need(
      params.tin,
      'attribute[tin]',
      `${service} is filed for a business, identified by its TIN (9 digits)`,
    );
    need(params.organization_name, 'attribute[organization_name]', "the business's registered name");
    need(params.first_name, 'first_name', "the first name of the business's representative");
    need(params.last_name, 'last_name', "the last name of the business's representative");
  } else {
    need(
      params.pinfl,
      'attribute[pinfl]',
      `${service} is filed for a citizen, identified by their PINFL (14 digits)`,
    );
    need(params.first_name, 'first_name', "the applicant's first name");
    need(params.last_name, 'last_name', "the applicant's last name");
  }
  const phone = params.phone === undefined ? undefined : normalisePhone(params.phone);
  const contact = {
    ...(phone !== undefined ? { phone } : {}),
    ...(params.email !== undefined ? { email: params.email } : {}),
    locale,
  };
  const applicant: Applicant = business
    ? {
        type: 'legal_entity',
        tin: params.tin ?? '',
        name: params.organization_name ?? '',
        representative: {
          ...(params.pinfl !== undefined ? { pinfl: params.pinfl } : {}),
          lastName: params.last_name ?? '',
          firstName: params.first_name ?? '',
        },
        ...contact,
      }
    : {
        type: 'individual',
        pinfl: params.pinfl ?? '',
        lastName: params.last_name ?? '',
        firstName: params.first_name ?? '',
        ...contact,
      };
  if (!validateApplicant(applicant)) {
    for (const problem of fieldErrorsFromAjv(validateApplicant.errors)) {
      // The schema picks the applicant's kind with if/then/else; the failed branch is reported below.
      if (problem.field === '/') continue;
      const field = NAMES[problem.field] ?? problem.field;
      // A missing value is already reported with its reason; an empty one fails minLength too.
      if (problems.some((p) => p.field === field)) continue;
      problems.push({ field, message: messageFor(field, problem.message) });
    }
  }
  return problems.length > 0 ? { problems } : { applicant };
}

/** `+998 90 123-45-67`, `998901234567` and `901234567` all become `+998901234567`. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[\s().-]/g, '');
  if (/^\d{9}$/.test(digits)) return `+998${digits}`;
  if (/^998\d{9}$/.test(digits)) return `+${digits}`;
  return digits;
}

function messageFor(field: string, message: string): string {
  if (field === 'phone') return 'must be an Uzbek phone number: +998 and 9 digits';
  if (field === 'attribute[pinfl]') return 'must be 14 digits';
  if (field === 'attribute[tin]') return 'must be 9 digits';
  return message;
}
