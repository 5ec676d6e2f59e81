import type { Locale, LocalizedText } from '../i18n/locales.js';
import type { PublicStatus } from '../workflow/definition/types.js';
import { PUBLIC_STATUS_NAMES } from '../workflow/engine/public-history.js';
import type { Inquiry } from '../workflow/inquiry/types.js';

/** The fields every message gets; a field without a value is an empty string, never missing. */
export interface MessageFields {
  trackingNumber: string;
  service: string;
  status: string;
  city: string;
  amount: string;
  serial: string;
  code: string;
}

/** The fields of a message about `inquiry`, in `locale`. */
export function inquiryFields(input: {
  inquiry: Inquiry;
  locale: Locale;
  serviceNames: LocalizedText | undefined;
  cityNames: LocalizedText | undefined;
  payload: Record<string, unknown>;
}): MessageFields {
  const { inquiry, locale, payload } = input;
  // The status the event announced, not the one the inquiry may have moved on to since.
  const announced = payload['publicStatus'];
  const status =
    typeof announced === 'string' && Object.hasOwn(PUBLIC_STATUS_NAMES, announced)
      ? (announced as PublicStatus)
      : inquiry.publicStatus;
  return {
    trackingNumber: inquiry.trackingNumber,
    service: pick(input.serviceNames, locale) ?? inquiry.serviceCode,
    status: PUBLIC_STATUS_NAMES[status][locale],
    city: pick(input.cityNames, locale) ?? inquiry.tenantId,
    amount: formatAmount(payload['amount'] ?? payload['total']),
    serial: typeof payload['serial'] === 'string' ? payload['serial'] : '',
    code: '',
  };
}

/** Fields of a message that is about no inquiry (a sign-in code). */
export function plainFields(
  cityNames: LocalizedText | undefined,
  locale: Locale,
  tenantId: string,
): MessageFields {
  return {
    trackingNumber: '',
    service: '',
    status: '',
    city: pick(cityNames, locale) ?? tenantId,
    amount: '',
    serial: '',
    code: '',
  };
}

/**
 * Soums as people write them, groups of three digits apart: `253413` -> `253 413`. Takes a number or
 * a numeric string (integer soums, as the fee and payment modules keep them); anything else is ''.
 */
export function formatAmount(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^-?\d+(\.\d+)?$/.test(text)) return '';
  const [whole, fraction] = text.split('.') as [string, string | undefined];
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${digits}${fraction ? `.${fraction}` : ''}`;
}

function pick(text: LocalizedText | undefined, locale: Locale): string | undefined {
  if (!text) return undefined;
  return text[locale] ?? text['uz-Latn'] ?? text.en ?? Object.values(text).find((v) => v !== undefined);
}
