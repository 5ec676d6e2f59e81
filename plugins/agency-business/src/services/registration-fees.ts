import { SCHEDULE_RULE, type FeeSchedule, type ServiceFee } from '@darcha/core';
import { SOCIAL_DISCOUNTS } from '@darcha/service-kit';

/**
 * The state duty for registering an LLC (services.md, 2019): 1 BHM at the desk, 0.5 BHM online. No
 * social discounts: the applicant is a company, not a person in the social register.
 */
export const LLC_FEE_SCHEDULE = {
  channels: { desk: { bhm: 1 }, online: { bhm: 0.5 } },
} satisfies FeeSchedule;

/**
 * The state duty for registering an individual entrepreneur: *assumed* 0.5 BHM at the desk and
 * half of it online, as for companies (services.md marks the fee assumed); the applicant is a
 * person, so the social discounts apply.
 */
export const ENTREPRENEUR_FEE_SCHEDULE = {
  channels: { desk: { bhm: 0.5 }, online: { bhm: 0.25 } },
  discounts: SOCIAL_DISCOUNTS,
} satisfies FeeSchedule;

/** The LLC's fee as the service holds it. */
export const LLC_FEE: ServiceFee = { free: false, rule: SCHEDULE_RULE, params: LLC_FEE_SCHEDULE };
/** The entrepreneur's fee as the service holds it. */
export const ENTREPRENEUR_FEE: ServiceFee = {
  free: false,
  rule: SCHEDULE_RULE,
  params: ENTREPRENEUR_FEE_SCHEDULE,
};
