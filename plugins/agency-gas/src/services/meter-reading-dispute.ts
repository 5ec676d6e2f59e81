import type { ServiceDefinition } from '@darcha/core';
import { PHONE_FIELD, serviceForm } from '@darcha/service-kit';
import { ACCOUNT_FIELD, utilityService, utilityUi } from '../utility-kit/index.js';
import { DISPUTE_WORKFLOW_KEY, DISPUTE_WORKING_DAYS } from '../workflows/meter-reading-dispute.js';

/**
 * An appeal against a gas bill's meter reading: the applicant gives the reading on the meter and the
 * billed one; Gorgas inspects the meter and recalculates the bill or dismisses the appeal.
 */
export const meterReadingDispute: ServiceDefinition = utilityService({
  code: 'gas.meter-reading-dispute',
  names: {
    'uz-Latn': 'Gaz hisoblagichi ko‘rsatkichi bo‘yicha shikoyat',
    'uz-Cyrl': 'Газ ҳисоблагичи кўрсаткичи бўйича шикоят',
    ru: 'Обжалование показаний газового счётчика',
    en: 'Gas meter reading dispute',
  },
  descriptions: {
    'uz-Latn':
      'Hisob-kitobdagi ko‘rsatkich hisoblagichdagidan farq qilsa, hisoblagich tekshiriladi va qayta hisoblanadi.',
    'uz-Cyrl':
      'Ҳисоб-китобдаги кўрсаткич ҳисоблагичдагидан фарқ қилса, ҳисоблагич текширилади ва қайта ҳисобланади.',
    ru: 'Если в счёте указаны не те показания, что на счётчике, счётчик проверяют и делают перерасчёт.',
    en: 'When the bill shows another reading than the meter, the meter is inspected and the bill recalculated.',
  },
  kind: 'appeal',
  form: serviceForm({
    identity: 'either',
    properties: {
      account: ACCOUNT_FIELD,
      period: { type: 'string', pattern: '^20\\d{2}-(0[1-9]|1[0-2])$' },
      meterReading: { type: 'number', minimum: 0 },
      billedReading: { type: 'number', minimum: 0 },
      description: { type: 'string', minLength: 10, maxLength: 2000 },
      phone: PHONE_FIELD,
    },
    required: ['account', 'period', 'meterReading', 'billedReading', 'phone'],
  }),
  ui: {
    ...utilityUi([
      'applicantType',
      'pinfl',
      'tin',
      'account',
      'period',
      'meterReading',
      'billedReading',
      'phone',
    ]),
    description: { widget: 'textarea', order: 9 },
  },
  documents: [
    {
      code: 'meter-photo',
      names: {
        'uz-Latn': 'Hisoblagich surati',
        'uz-Cyrl': 'Ҳисоблагич сурати',
        ru: 'Фото счётчика',
        en: 'Photo of the meter',
      },
      accept: ['image/jpeg', 'image/png'],
      maxBytes: 5_000_000,
      optional: true,
    },
  ],
  fee: { free: true },
  sla: { unit: 'working_days', value: DISPUTE_WORKING_DAYS },
  workflow: DISPUTE_WORKFLOW_KEY,
  keywords: {
    'uz-Latn': ['hisoblagich', 'shikoyat', 'gaz'],
    ru: ['счётчик', 'жалоба', 'перерасчёт'],
    en: ['meter', 'appeal', 'bill'],
  },
});
