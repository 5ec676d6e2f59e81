import type { ApplicantType, Channel } from '../registry/types.js';
import type { FeeCondition } from './fee-types.js';

/** What the conditions of a fee schedule read: the form data, the applicant type and the channel. */
export interface FeeApplication {
  formData: Record<string, unknown>;
  applicantType: ApplicantType;
  channel: Channel;
}

/**
 * The value a condition's `field` names: `$applicantType`, `$channel`, or the form value at a JSON
 * pointer (`/area`, `/rooms/0/hours`); `undefined` when the form has no value there.
 */
export function fieldValue(application: FeeApplication, field: string): unknown {
  if (field === '$applicantType') return application.applicantType;
  if (field === '$channel') return application.channel;
  let value: unknown = application.formData;
  for (const segment of field.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Whether every bound of the condition holds. A missing value satisfies nothing; `min` and `max`
 * (inclusive) hold only for a finite number.
 */
export function conditionHolds(condition: FeeCondition, application: FeeApplication): boolean {
  const value = fieldValue(application, condition.field);
  if (value === undefined || value === null) return false;
  if (condition.equals !== undefined && value !== condition.equals) return false;
  if (condition.in !== undefined && !(condition.in as unknown[]).includes(value)) return false;
  if (condition.min !== undefined || condition.max !== undefined) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    if (condition.min !== undefined && value < condition.min) return false;
    if (condition.max !== undefined && value > condition.max) return false;
  }
  return true;
}
