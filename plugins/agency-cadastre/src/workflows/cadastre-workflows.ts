import type { WorkflowDefinition } from '@darcha/core';
import { stagedWorkflow } from '@darcha/service-kit';

/** Working days to prepare the register extract: *assumed* 5 (services.md). */
export const EXTRACT_WORKING_DAYS = 5;
/** Working days to survey the property and draw up its cadastral passport: *assumed* 10 (services.md). */
export const PASSPORT_WORKING_DAYS = 10;

/**
 * The register extract: paid first, then the register is checked and the extract issued and handed
 * over; a rejected applicant may appeal within 15 days.
 */
export const registerExtractWorkflow: WorkflowDefinition = stagedWorkflow({
  key: 'agency-cadastre/register-extract',
  names: {
    'uz-Latn': 'Reyestrdan ko‘chirma',
    'uz-Cyrl': 'Реестрдан кўчирма',
    ru: 'Выписка из реестра',
    en: 'Register extract',
  },
  payment: {},
  stages: [
    {
      state: 'register_check',
      workingDays: EXTRACT_WORKING_DAYS,
      names: {
        'uz-Latn': 'Reyestrni tekshirish',
        'uz-Cyrl': 'Реестрни текшириш',
        ru: 'Проверка по реестру',
        en: 'Register check',
      },
      done: {
        'uz-Latn': 'Ko‘chirma tayyorlandi',
        'uz-Cyrl': 'Кўчирма тайёрланди',
        ru: 'Выписка подготовлена',
        en: 'Extract prepared',
      },
    },
  ],
  issues: { template: 'agency-cadastre/register-extract' },
});

/**
 * The cadastral passport: paid first, the property surveyed and the passport drawn up, issued and
 * handed over; a rejected applicant may appeal within 15 days.
 */
export const cadastralPassportWorkflow: WorkflowDefinition = stagedWorkflow({
  key: 'agency-cadastre/cadastral-passport',
  names: {
    'uz-Latn': 'Kadastr pasporti',
    'uz-Cyrl': 'Кадастр паспорти',
    ru: 'Кадастровый паспорт',
    en: 'Cadastral passport',
  },
  payment: {},
  stages: [
    {
      state: 'survey',
      workingDays: PASSPORT_WORKING_DAYS,
      names: {
        'uz-Latn': 'O‘lchash va pasportlash',
        'uz-Cyrl': 'Ўлчаш ва паспортлаш',
        ru: 'Обмер и паспортизация',
        en: 'Survey',
      },
      done: {
        'uz-Latn': 'Pasport tayyorlandi',
        'uz-Cyrl': 'Паспорт тайёрланди',
        ru: 'Паспорт подготовлен',
        en: 'Passport drawn up',
      },
    },
  ],
  issues: { template: 'agency-cadastre/cadastral-passport' },
});
