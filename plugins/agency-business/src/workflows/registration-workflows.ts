import type { WorkflowDefinition } from '@darcha/core';
import { stagedWorkflow } from '@darcha/service-kit';
import { FOUNDER_SHARES_GUARD } from '../guards/founder-shares.guard.js';
import { refineStage } from './refine-stage.js';

/** Minutes to register an LLC once the duty is paid (services.md). */
export const LLC_MINUTES = 30;
/** Working days to register an individual entrepreneur: up to 2 (*assumed*, from the old rule; services.md). */
export const ENTREPRENEUR_WORKING_DAYS = 2;

const REGISTRATION = {
  state: 'registration',
  names: {
    'uz-Latn': 'Davlat ro‘yxatidan o‘tkazish',
    'uz-Cyrl': 'Давлат рўйхатидан ўтказиш',
    ru: 'Государственная регистрация',
    en: 'State registration',
  },
  done: {
    'uz-Latn': 'Ro‘yxatdan o‘tkazildi',
    'uz-Cyrl': 'Рўйхатдан ўтказилди',
    ru: 'Зарегистрировано',
    en: 'Registered',
  },
};

/**
 * LLC registration: the duty paid first, the company registered and the certificate issued and
 * handed over; a rejected applicant may appeal within 15 days. The 30 minutes are the service's
 * SLA (the overall clock, in working minutes, escalated when missed): a workflow state's SLA takes
 * working days or hours only, so the registration step has none of its own. Its completion also
 * needs the founders' shares to make 100%.
 */
export const llcRegistrationWorkflow: WorkflowDefinition = refineStage(
  stagedWorkflow({
    key: 'agency-business/llc-registration',
    names: {
      'uz-Latn': 'MChJni ro‘yxatdan o‘tkazish',
      'uz-Cyrl': 'МЧЖни рўйхатдан ўтказиш',
      ru: 'Регистрация ООО',
      en: 'LLC registration',
    },
    payment: {},
    stages: [{ ...REGISTRATION, workingDays: 1 }],
    issues: { template: 'agency-business/llc-certificate' },
  }),
  REGISTRATION.state,
  { dropSla: true, guards: [`agency-business/${FOUNDER_SHARES_GUARD}`] },
);

/**
 * Individual entrepreneur registration: the duty paid first, registered within 2 working days,
 * the certificate issued and handed over; a rejected applicant may appeal within 15 days.
 */
export const entrepreneurRegistrationWorkflow: WorkflowDefinition = stagedWorkflow({
  key: 'agency-business/entrepreneur-registration',
  names: {
    'uz-Latn': 'Yakka tartibdagi tadbirkorni ro‘yxatdan o‘tkazish',
    'uz-Cyrl': 'Якка тартибдаги тадбиркорни рўйхатдан ўтказиш',
    ru: 'Регистрация индивидуального предпринимателя',
    en: 'Individual entrepreneur registration',
  },
  payment: {},
  stages: [{ ...REGISTRATION, workingDays: ENTREPRENEUR_WORKING_DAYS }],
  issues: { template: 'agency-business/entrepreneur-certificate' },
});
