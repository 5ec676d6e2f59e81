import type { WorkflowDefinition } from '@darcha/core';
import { stagedWorkflow } from '@darcha/service-kit';

/** Working days for the branch to confirm the appointment: *assumed* 1 (no source gives it). */
export const APPOINTMENT_WORKING_DAYS = 1;

/**
 * An appointment to open an account: the branch takes the request in and confirms the appointment
 * (date and documents to bring), which completes the inquiry; the account itself is opened at the
 * appointment, outside Darcha. Free, no certificate. A refusal gives the reason; the applicant may
 * appeal within 15 days.
 */
export const accountOpeningWorkflow: WorkflowDefinition = stagedWorkflow({
  key: 'agency-bank/account-opening',
  names: {
    'uz-Latn': 'Hisob raqam ochish uchun uchrashuv',
    'uz-Cyrl': 'Ҳисоб рақам очиш учун учрашув',
    ru: 'Запись на открытие счёта',
    en: 'Account-opening appointment',
  },
  stages: [
    {
      state: 'appointment',
      workingDays: APPOINTMENT_WORKING_DAYS,
      names: {
        'uz-Latn': 'Uchrashuvni tasdiqlash',
        'uz-Cyrl': 'Учрашувни тасдиқлаш',
        ru: 'Подтверждение записи',
        en: 'Appointment confirmation',
      },
      done: {
        'uz-Latn': 'Uchrashuv tasdiqlandi',
        'uz-Cyrl': 'Учрашув тасдиқланди',
        ru: 'Запись подтверждена',
        en: 'Appointment confirmed',
      },
    },
  ],
});
