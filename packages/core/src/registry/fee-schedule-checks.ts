import type { FieldError } from '../errors/field-error.js';
import type { FeeAmount, FeeCondition, FeeSchedule } from '../fees/fee-types.js';
import { MULTIPLIER_DECIMALS, PERCENT_DECIMALS, scaled } from '../fees/money.js';
import { feeScheduleShapeProblems } from './fee-schedule.schema.js';
import type { ApplicantType, Channel, ServiceDefinition } from './types.js';

/** What the checks may know of the service a schedule belongs to. */
export type FeeScheduleService = Pick<ServiceDefinition, 'channels' | 'applicantTypes' | 'form'>;

const APPLICANT_TYPES: readonly ApplicantType[] = ['individual', 'legal_entity'];
const CHANNELS: readonly Channel[] = ['desk', 'online', 'api'];

/**
 * Everything wrong with a fee schedule (the params of `core/schedule`): its shape first, then (if the
 * shape is right) what a schema cannot say: some amount must exist, tier ids are unique, a condition
 * tests something and its bounds are in order, `$applicantType` / `$channel` compare with values the
 * service has, channel amounts are for the service's channels, multipliers have at most 4 decimals
 * and percents at most 2, a category is discounted once, the unit count's bounds are in order, and
 * the form fields the schedule reads exist in the form (when the form declares its properties).
 * Fields are JSON pointers from the schedule's root. Without `service`, the checks that need it are
 * skipped.
 */
export function feeScheduleProblems(value: unknown, service?: FeeScheduleService): FieldError[] {
  const shape = feeScheduleShapeProblems(value);
  if (shape.length > 0) return shape;
  const schedule = value as FeeSchedule;
  const problems: FieldError[] = [];
  const channels = service?.channels ?? CHANNELS;
  const applicantTypes = service?.applicantTypes ?? APPLICANT_TYPES;
  if (!schedule.amount && !schedule.tiers && !schedule.channels) {
    problems.push({
      field: '/amount',
      message: 'is required when the schedule has no tiers and no channel amounts',
    });
  }
  if (schedule.amount) problems.push(...amountProblems('/amount', schedule.amount));
  const ids = new Set<string>();
  schedule.tiers?.forEach((tier, index) => {
    const at = `/tiers/${index}`;
    if (ids.has(tier.id))
      problems.push({ field: `${at}/id`, message: `"${tier.id}" is used by an earlier tier` });
    ids.add(tier.id);
    tier.when.forEach((condition, c) => {
      problems.push(
        ...conditionProblems(`${at}/when/${c}`, condition, { channels, applicantTypes }, service),
      );
    });
    problems.push(...amountProblems(`${at}/amount`, tier.amount));
  });
  for (const [channel, amount] of Object.entries(schedule.channels ?? {})) {
    if (!channels.includes(channel as Channel)) {
      problems.push({
        field: `/channels/${channel}`,
        message: `the service is not offered through channel "${channel}" (it has ${channels.join(', ')})`,
      });
    }
    if (amount) problems.push(...amountProblems(`/channels/${channel}`, amount));
  }
  if (schedule.perUnit) {
    const { field, min, max } = schedule.perUnit;
    if (min !== undefined && max !== undefined && min > max) {
      problems.push({ field: '/perUnit/min', message: `${min} is above perUnit.max (${max})` });
    }
    const missing = service && missingFormField(service.form, field);
    if (missing) problems.push({ field: '/perUnit/field', message: missing });
  }
  const categories = new Set<string>();
  schedule.discounts?.forEach((discount, index) => {
    if (categories.has(discount.category)) {
      problems.push({
        field: `/discounts/${index}/category`,
        message: `"${discount.category}" is discounted by an earlier entry`,
      });
    }
    categories.add(discount.category);
    if (scaled(discount.percent, PERCENT_DECIMALS) === undefined) {
      problems.push({
        field: `/discounts/${index}/percent`,
        message: `${discount.percent} has more than ${PERCENT_DECIMALS} decimals`,
      });
    }
  });
  return problems;
}

function amountProblems(at: string, amount: FeeAmount): FieldError[] {
  if ('bhm' in amount && scaled(amount.bhm, MULTIPLIER_DECIMALS) === undefined) {
    return [
      {
        field: `${at}/bhm`,
        message: `${amount.bhm} has more than ${MULTIPLIER_DECIMALS} decimals (write 0.1825, not 0.18251)`,
      },
    ];
  }
  return [];
}

function conditionProblems(
  at: string,
  condition: FeeCondition,
  allowed: { channels: readonly Channel[]; applicantTypes: readonly ApplicantType[] },
  service: FeeScheduleService | undefined,
): FieldError[] {
  const { field, equals, min, max } = condition;
  const problems: FieldError[] = [];
  if (equals === undefined && condition.in === undefined && min === undefined && max === undefined) {
    problems.push({ field: at, message: 'tests nothing: give equals, in, min or max' });
  }
  if (min !== undefined && max !== undefined && min > max) {
    problems.push({
      field: `${at}/min`,
      message: `${min} is above max (${max}), so the condition never holds`,
    });
  }
  if (field.startsWith('$')) {
    const values: readonly string[] = field === '$channel' ? allowed.channels : allowed.applicantTypes;
    if (min !== undefined || max !== undefined) {
      problems.push({
        field: `${at}/${min !== undefined ? 'min' : 'max'}`,
        message: `${field} is not a number; compare it with equals or in`,
      });
    }
    for (const [key, value] of [
      ['equals', equals],
      ...(condition.in ?? []).map((v, i) => [`in/${i}`, v]),
    ] as const) {
      if (value !== undefined && !values.includes(value as string)) {
        problems.push({
          field: `${at}/${key}`,
          message: `${JSON.stringify(value)} is not a possible ${field} of the service (${values.join(', ')})`,
        });
      }
    }
  } else {
    const missing = service && missingFormField(service.form, field);
    if (missing) problems.push({ field: `${at}/field`, message: missing });
  }
  return problems;
}

/**
 * Why the JSON pointer `pointer` names no field of the form, or `undefined` when it does or when the
 * form does not say (a level without `properties`, or one that allows other properties).
 */
function missingFormField(form: Record<string, unknown>, pointer: string): string | undefined {
  let schema: unknown = form;
  for (const segment of pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (typeof schema !== 'object' || schema === null) return undefined;
    const properties = (schema as Record<string, unknown>)['properties'];
    if (typeof properties !== 'object' || properties === null) return undefined;
    if (!Object.hasOwn(properties, segment)) {
      if (
        (schema as Record<string, unknown>)['additionalProperties'] !== false &&
        Object.keys(properties).length === 0
      )
        return undefined;
      return `the form has no field ${pointer}`;
    }
    schema = (properties as Record<string, unknown>)[segment];
  }
  return undefined;
}
