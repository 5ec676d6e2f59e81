import type { ServiceDefinition } from '@darcha/core';
import { ACCOUNT_FIELD, METER_SERIAL_FIELD, utilityService, utilityUi } from '@darcha/plugin-agency-gas';
import { PHONE_FIELD, bhmFee, serviceForm } from '@darcha/service-kit';
import { meterVerificationWorkflow } from '../workflows/paid-meter-work.js';

/**
 * Verification of a water meter: the water supplier with the standards agency; for individuals and
 * legal entities; no documents; 14 working days; 18% of the BHM (services.md).
 */
export const meterVerification: ServiceDefinition = utilityService({
  code: 'water.meter-verification',
  names: {
    'uz-Latn': 'Suv hisoblagichini qiyoslash',
    'uz-Cyrl': 'Сув ҳисоблагичини қиёслаш',
    ru: 'Поверка счётчика воды',
    en: 'Water meter verification',
  },
  descriptions: {
    'uz-Latn':
      'Hisoblagich akkreditatsiyalangan laboratoriyada qiyoslanadi va qiyoslash guvohnomasi beriladi.',
    'uz-Cyrl': 'Ҳисоблагич аккредитацияланган лабораторияда қиёсланади ва қиёслаш гувоҳномаси берилади.',
    ru: 'Счётчик поверяют в аккредитованной лаборатории и выдают свидетельство о поверке.',
    en: 'The meter is verified by an accredited laboratory and a verification certificate is issued.',
  },
  form: serviceForm({
    identity: 'either',
    properties: {
      account: ACCOUNT_FIELD,
      meterSerial: METER_SERIAL_FIELD,
      phone: PHONE_FIELD,
      visitDate: { type: 'string', format: 'date' },
    },
    required: ['account', 'meterSerial', 'phone'],
  }),
  ui: {
    ...utilityUi(['applicantType', 'pinfl', 'tin', 'account', 'meterSerial', 'phone']),
    visitDate: { widget: 'date', order: 7 },
  },
  result: { document: 'verification-certificate', template: 'agency-water/verification-certificate' },
  // 18% of the BHM for an individual (services.md). The legal entities' fee is *assumed* the same:
  // no source gives it.
  fee: bhmFee(0.18),
  sla: { unit: 'working_days', value: 14 },
  workflow: meterVerificationWorkflow.key,
  keywords: {
    'uz-Latn': ['hisoblagich', 'qiyoslash'],
    ru: ['счётчик', 'поверка'],
    en: ['meter', 'verification'],
  },
});
