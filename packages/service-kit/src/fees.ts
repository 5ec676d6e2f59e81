import { SCHEDULE_RULE, type FeeSchedule, type ServiceFee } from '@darcha/core';
import { serviceKitErrors } from './service-kit.errors.js';

/**
 * 50% off for people in the social protection register and disability groups I and II: the law
 * since 2021 (services.md, "What the pilots became").
 */
export const SOCIAL_DISCOUNTS: NonNullable<FeeSchedule['discounts']> = [
  { category: 'social-register', percent: 50 },
  { category: 'disability-1', percent: 50 },
  { category: 'disability-2', percent: 50 },
];

/**
 * A paid service's fee: a multiple of the BHM in force on the filing date (`0.18` for 18%), with the
 * social discounts, invoiced at filing.
 */
export function bhmFee(multiple: number): ServiceFee {
  if (!Number.isFinite(multiple) || multiple <= 0) throw serviceKitErrors.bhmMultipleInvalid(multiple);
  return {
    free: false,
    rule: SCHEDULE_RULE,
    params: { amount: { bhm: multiple }, discounts: SOCIAL_DISCOUNTS } satisfies FeeSchedule,
  };
}
