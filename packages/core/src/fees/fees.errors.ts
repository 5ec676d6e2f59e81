import { DarchaError } from '../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../errors/field-error.js';

/** A new BHM value was refused: not a positive integer, not a real date, or an unknown country. */
export function baseAmountInvalid(country: string, errors: FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_FEE_BASE_AMOUNT_INVALID',
    kind: 'invalid',
    message: `The new base calculation amount for country "${country}" is invalid:\n${formatFieldErrors(errors)}`,
    hint: 'Send { country, effectiveFrom: "YYYY-MM-DD", amount: whole soums > 0, note? }, e.g. { "country": "uz", "effectiveFrom": "2026-08-01", "amount": 450000 }.',
    details: { country, errors },
  });
}

/** A BHM value for that country and date exists already; values are never replaced. */
export function baseAmountExists(country: string, effectiveFrom: string, amount: number): DarchaError {
  return new DarchaError({
    code: 'DARCHA_FEE_BASE_AMOUNT_EXISTS',
    kind: 'conflict',
    message: `Country "${country}" already has a base calculation amount from ${effectiveFrom} (${amount} soums).`,
    hint:
      'Values are never changed, so that past fees can be recomputed. To correct a value, add one from the next day; list the table with GET /api/v1/base-amounts?country=' +
      country +
      '.',
    details: { country, effectiveFrom, amount },
  });
}

/** No BHM value is in force for the country on the date (the date is before the first value). */
export function baseAmountMissing(country: string, date: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_FEE_BASE_AMOUNT_MISSING',
    kind: 'conflict',
    message: `Country "${country}" has no base calculation amount in force on ${date}.`,
    hint: 'A platform administrator adds the value with POST /api/v1/base-amounts (an effectiveFrom on or before that date).',
    details: { country, date },
  });
}

/** The tenant has no ancestor of kind `country`, so no BHM table applies to it. */
export function feeCountryMissing(tenantId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_FEE_COUNTRY_MISSING',
    kind: 'conflict',
    message: `Tenant "${tenantId}" belongs to no country, so no base calculation amount applies to its fees.`,
    hint: 'Place the tenant under a tenant of kind "country" (e.g. uz > uz.tashkent-region > chirchik).',
    details: { tenantId },
  });
}

/**
 * The fee of a service cannot be computed from its definition: an unknown rule, or a schedule that
 * does not validate (a definition published before schedules were checked, or a broken override).
 */
export function feeScheduleInvalid(
  tenantId: string | null,
  serviceCode: string,
  version: number,
  errors: FieldError[],
): DarchaError {
  const where = tenantId === null ? '' : ` (tenant "${tenantId}")`;
  return new DarchaError({
    code: 'DARCHA_FEE_SCHEDULE_INVALID',
    kind: 'conflict',
    message: `The fee of service "${serviceCode}" v${version}${where} cannot be computed:\n${formatFieldErrors(errors)}`,
    hint: `The plugin publishing "${serviceCode}" must give fee.rule "core/schedule" with valid params (see docs/guides/fees-and-payments.md), or the city must fix its overrides.feeParams.`,
    details: { tenantId, serviceCode, version, errors },
  });
}

/** A quote request is malformed (unknown channel or category, bad date, form data not an object). */
export function feeQuoteInvalid(serviceCode: string, errors: FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_FEE_QUOTE_INVALID',
    kind: 'invalid',
    message: `The fee quote request for service "${serviceCode}" is invalid:\n${formatFieldErrors(errors)}`,
    hint: 'Send { formData: {...}, channel: desk|online|api, applicantType: individual|legal_entity, categories?: [social-register|disability-1|disability-2], at?: ISO date-time }.',
    details: { serviceCode, errors },
  });
}

/** No tier, channel amount or default amount of the schedule applies to this application. */
export function feeNoAmount(
  serviceCode: string,
  application: { channel: string; applicantType: string },
  tiers: readonly string[],
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_FEE_NO_AMOUNT',
    kind: 'invalid',
    message:
      `No fee of service "${serviceCode}" applies to this application (${application.applicantType}, channel ${application.channel})` +
      (tiers.length > 0
        ? `: it matches none of the tiers ${tiers.join(', ')}, and the schedule has no amount for it.`
        : ': the schedule has no amount for it.'),
    hint: 'Fill in the form fields the tiers depend on (see the service form); if they are filled in, the fee schedule is incomplete: the plugin or the city must add a tier, a channel amount or a default amount.',
    details: { serviceCode, ...application, tiers },
  });
}

/** The unit count of a per-unit fee is missing from the form or is not a whole number within bounds. */
export function feeUnitsInvalid(serviceCode: string, field: string, problem: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_FEE_UNITS_INVALID',
    kind: 'invalid',
    message: `The fee of service "${serviceCode}" is per unit, counted by form field ${field}, which ${problem}.`,
    hint: `Give ${field} in the form data as a whole number within the allowed range.`,
    details: { serviceCode, field, problem },
  });
}
