import type { ServiceDefinition } from '@darcha/core';
import { defineService } from '@darcha/service-kit';
import {
  UNEMPLOYED_DECISION_TEMPLATE,
  UNEMPLOYED_REVIEW_WORKING_DAYS,
  unemployedRegistrationWorkflow,
} from '../workflows/unemployed-registration.js';
import { UNEMPLOYED_DOCUMENTS, UNEMPLOYED_FORM, UNEMPLOYED_UI } from './unemployed-form.js';

/**
 * Registration as unemployed, with the unemployment benefit (services.md, uzdaily.com on the
 * unemployment regulation): for individuals; an online form, then a visit to the centre within 3
 * working days; reviewed in 1 working day (the service's SLA, the clock stopped while the centre
 * waits for the visit); free; the result is the registration decision.
 */
export const unemployedRegistration: ServiceDefinition = defineService({
  code: 'employment.unemployed-registration',
  category: 'social-protection.employment',
  names: {
    'uz-Latn': 'Ishsiz sifatida ro‘yxatga olish va ishsizlik nafaqasi',
    'uz-Cyrl': 'Ишсиз сифатида рўйхатга олиш ва ишсизлик нафақаси',
    ru: 'Регистрация в качестве безработного и пособие по безработице',
    en: 'Registration as unemployed and unemployment benefit',
  },
  descriptions: {
    'uz-Latn':
      'Onlayn ariza beriladi, so‘ng 3 ish kuni ichida hujjatlar bilan markazga kelinadi; ariza 1 ish kunida ko‘rib chiqiladi.',
    'uz-Cyrl':
      'Онлайн ариза берилади, сўнг 3 иш куни ичида ҳужжатлар билан марказга келинади; ариза 1 иш кунида кўриб чиқилади.',
    ru: 'Заявление подаётся онлайн, затем в течение 3 рабочих дней нужно прийти в центр с документами; заявление рассматривается за 1 рабочий день.',
    en: 'Apply online, then come to the centre with your documents within 3 working days; the application is reviewed in 1 working day.',
  },
  applicantTypes: ['individual'],
  form: UNEMPLOYED_FORM,
  ui: UNEMPLOYED_UI,
  documents: UNEMPLOYED_DOCUMENTS,
  result: { document: 'registration-decision', template: UNEMPLOYED_DECISION_TEMPLATE },
  fee: { free: true }, // services.md
  sla: { unit: 'working_days', value: UNEMPLOYED_REVIEW_WORKING_DAYS }, // services.md: reviewed in 1 day
  workflow: unemployedRegistrationWorkflow.key,
  keywords: {
    'uz-Latn': ['ishsiz', 'nafaqa', 'bandlik', 'ish'],
    'uz-Cyrl': ['ишсиз', 'нафақа', 'бандлик'],
    ru: ['безработный', 'пособие', 'занятость', 'работа'],
    en: ['unemployed', 'benefit', 'job'],
  },
});
