import { SCHEDULE_RULE, type FeeSchedule, type ServiceFee } from '@darcha/core';

/** The most reports one inquiry covers: *assumed* (a quarter's returns of a small company fit). */
export const MAX_REPORTS = 20;

/**
 * The OSS's tariff for help with electronic reports: *assumed* 0.1 BHM per report (the workshop
 * says only that it is a paid service of the Djizak and Namangan OSS), counted from the form's
 * `reports`, 1 to {@link MAX_REPORTS}. No social discounts: the applicants are companies.
 */
export const E_REPORT_FEE_SCHEDULE = {
  amount: { bhm: 0.1 },
  perUnit: {
    field: '/reports',
    unit: 'report',
    unitNames: { 'uz-Latn': 'hisobot', 'uz-Cyrl': 'ҳисобот', ru: 'отчёт', en: 'report' },
    min: 1,
    max: MAX_REPORTS,
  },
} satisfies FeeSchedule;

/**
 * The fee as the service holds it. Each OSS sets its own tariff (self-financing), so a city may
 * override the schedule in its catalog entry.
 */
export const E_REPORT_FEE: ServiceFee = {
  free: false,
  rule: SCHEDULE_RULE,
  params: E_REPORT_FEE_SCHEDULE,
  tenantOverridable: true,
};
