import type { Locale } from '../i18n/locales.js';
import type { Applicant, Inquiry } from '../workflow/inquiry/types.js';
import { initialsOf } from './template-helpers.js';
import { textIn } from './template-resolver.js';
import type { Agency } from '../registry/contracts.js';
import type { ServiceDefinition } from '../registry/types.js';

/**
 * What a certificate template is rendered with. `fields` lists the plain values (text, numbers,
 * yes/no) of `data` as label and value; `data` holds everything the effect passed, for plugins'
 * own templates; `form` is the inquiry's form. Dates are ISO 8601 strings (print them with `date` / `datetime`).
 */
export interface CertificateContext {
  tenant: { id: string; name: string };
  service: { code: string; name: string };
  agency: { code: string; name: string } | null;
  holder: { type: Applicant['type']; name: string; initials: string };
  trackingNumber: string;
  filedAt: string;
  issuedAt: string;
  serial: string;
  kind: string;
  fields: { label: string; value: string | number | boolean }[];
  data: Record<string, unknown>;
  /** The inquiry's form as the applicant filed it. */
  form: Record<string, unknown>;
}

/** The holder's full name as printed on the document. */
export function holderName(applicant: Applicant): string {
  if (applicant.type === 'legal_entity') return applicant.name;
  return [applicant.lastName, applicant.firstName, applicant.middleName].filter(Boolean).join(' ');
}

/** What the verify page shows of the holder: `A. K.` (first and last name), or a company's initials. */
export function holderInitials(applicant: Applicant): string {
  if (applicant.type === 'legal_entity') return initialsOf(applicant.name);
  return initialsOf(`${applicant.firstName} ${applicant.lastName}`);
}

export function certificateContext(input: {
  tenant: { id: string; name: string };
  inquiry: Inquiry;
  service: ServiceDefinition;
  agency: Agency | undefined;
  locale: Locale;
  issuedAt: Date;
  serial: string;
  kind: string;
  data: Record<string, unknown>;
}): CertificateContext {
  const { inquiry, locale } = input;
  return {
    tenant: input.tenant,
    service: { code: inquiry.serviceCode, name: textIn(input.service.names, locale) || inquiry.serviceCode },
    agency: input.agency ? { code: input.agency.code, name: textIn(input.agency.names, locale) } : null,
    holder: {
      type: inquiry.applicant.type,
      name: holderName(inquiry.applicant),
      initials: holderInitials(inquiry.applicant),
    },
    trackingNumber: inquiry.trackingNumber,
    filedAt: inquiry.filedAt.toISOString(),
    issuedAt: input.issuedAt.toISOString(),
    serial: input.serial,
    kind: input.kind,
    fields: Object.entries(input.data).flatMap(([label, value]) =>
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? [{ label, value }]
        : [],
    ),
    data: input.data,
    form: inquiry.formData,
  };
}

/** Sample data a tenant's override of `core/certificate` is tried with before it is saved. */
export const SAMPLE_CERTIFICATE: CertificateContext = {
  tenant: { id: 'sample', name: 'Chirchiq' },
  service: { code: 'gas.no-debt-certificate', name: "Gaz uchun qarzdorlik yo'qligi haqida ma'lumotnoma" },
  agency: { code: 'gorgas', name: 'Hududgaz' },
  holder: { type: 'individual', name: 'Karimov Aziz', initials: 'A. K.' },
  trackingNumber: 'CHR-2026-000123',
  filedAt: '2026-03-02T05:00:00.000Z',
  issuedAt: '2026-03-03T05:00:00.000Z',
  serial: 'CHR-2026-D000001',
  kind: 'certificate',
  fields: [{ label: 'account', value: '1234567' }],
  data: { account: '1234567' },
  form: { account: '1234567' },
};
