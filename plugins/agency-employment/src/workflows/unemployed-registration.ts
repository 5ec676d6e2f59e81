import type { WorkflowDefinition } from '@darcha/core';
import { stagedWorkflow } from '@darcha/service-kit';
import { visitFirst } from './visit-first.js';

export const UNEMPLOYED_WORKFLOW_KEY = 'agency-employment/unemployed-registration';
export const UNEMPLOYED_DECISION_TEMPLATE = 'agency-employment/unemployed-decision';

/** Working days the applicant has to come to the centre after the online application (services.md). */
export const VISIT_WORKING_DAYS = 3;
/** Working days the centre has to review the application once the applicant came (services.md: 1 day). */
export const UNEMPLOYED_REVIEW_WORKING_DAYS = 1;

/**
 * Registration as unemployed: the online application waits (the clock stopped) for the applicant
 * to come to the centre with the documents within 3 working days, else the system cancels it; the
 * front office confirms the visit, the centre reviews in 1 working day and issues the registration
 * decision, handed over at the desk. A refusal gives the reason; the applicant may appeal within 15
 * days, which reopens the review.
 */
export const unemployedRegistrationWorkflow: WorkflowDefinition = visitFirst(
  stagedWorkflow({
    key: UNEMPLOYED_WORKFLOW_KEY,
    names: {
      'uz-Latn': 'Ishsiz sifatida ro‘yxatga olish',
      'uz-Cyrl': 'Ишсиз сифатида рўйхатга олиш',
      ru: 'Регистрация в качестве безработного',
      en: 'Registration as unemployed',
    },
    stages: [
      {
        state: 'review',
        workingDays: UNEMPLOYED_REVIEW_WORKING_DAYS,
        names: {
          'uz-Latn': 'Arizani ko‘rib chiqish',
          'uz-Cyrl': 'Аризани кўриб чиқиш',
          ru: 'Рассмотрение заявления',
          en: 'Review',
        },
        done: {
          'uz-Latn': 'Ro‘yxatga olish haqida qaror',
          'uz-Cyrl': 'Рўйхатга олиш ҳақида қарор',
          ru: 'Решение о регистрации',
          en: 'Decide on the registration',
        },
      },
    ],
    issues: { template: UNEMPLOYED_DECISION_TEMPLATE },
  }),
  {
    state: 'awaiting_visit',
    workingDays: VISIT_WORKING_DAYS,
    names: {
      'uz-Latn': 'Markazga kelish kutilmoqda',
      'uz-Cyrl': 'Марказга келиш кутилмоқда',
      ru: 'Ожидается визит в центр',
      en: 'Awaiting the visit to the centre',
    },
    confirm: {
      action: 'confirm_visit',
      names: {
        'uz-Latn': 'Arizachi keldi',
        'uz-Cyrl': 'Аризачи келди',
        ru: 'Заявитель явился',
        en: 'The applicant came',
      },
    },
    miss: {
      action: 'miss_visit',
      names: {
        'uz-Latn': `${VISIT_WORKING_DAYS} ish kuni ichida kelmadi`,
        'uz-Cyrl': `${VISIT_WORKING_DAYS} иш куни ичида келмади`,
        ru: `Не явился в течение ${VISIT_WORKING_DAYS} рабочих дней`,
        en: `Did not come within ${VISIT_WORKING_DAYS} working days`,
      },
    },
    missed: {
      state: 'visit_missed',
      names: {
        'uz-Latn': 'Bekor qilindi (kelmadi)',
        'uz-Cyrl': 'Бекор қилинди (келмади)',
        ru: 'Отменено (не явился)',
        en: 'Cancelled (did not come)',
      },
    },
  },
);
