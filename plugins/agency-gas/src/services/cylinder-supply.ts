import type { ServiceDefinition } from '@darcha/core';
import { ADDRESS_FIELD, CADASTRE_FIELD, PHONE_FIELD, serviceForm } from '@darcha/service-kit';
import { utilityService, utilityUi } from '../utility-kit/index.js';
import { CYLINDER_STAGES, CYLINDER_WORKFLOW_KEY } from '../workflows/cylinder-supply.js';

/**
 * Household gas cylinder supply (services.md, uzdaily.uz 2023): for individuals, free; the household
 * is checked (1 day), inspected and the two contracts signed (3 days), then the cylinders are
 * delivered (12 working days).
 */
export const cylinderSupply: ServiceDefinition = utilityService({
  code: 'gas.cylinder-supply',
  names: {
    'uz-Latn': 'Maishiy gaz ballonlari bilan ta’minlash',
    'uz-Cyrl': 'Маиший газ баллонлари билан таъминлаш',
    ru: 'Обеспечение бытовыми газовыми баллонами',
    en: 'Household gas cylinder supply',
  },
  descriptions: {
    'uz-Latn': 'Gaz tarmog‘i bo‘lmagan xonadonlar uchun suyultirilgan gaz ballonlari yetkazib beriladi.',
    'uz-Cyrl': 'Газ тармоғи бўлмаган хонадонлар учун суюлтирилган газ баллонлари етказиб берилади.',
    ru: 'Домам без газовой сети доставляют баллоны со сжиженным газом.',
    en: 'Liquefied gas cylinders are delivered to homes without a gas network.',
  },
  applicantTypes: ['individual'],
  form: serviceForm({
    identity: 'pinfl',
    properties: {
      cadastreNumber: CADASTRE_FIELD,
      address: ADDRESS_FIELD,
      phone: PHONE_FIELD,
      // *assumed*: at most two cylinders a household; no source gives the limit.
      cylinders: { type: 'integer', minimum: 1, maximum: 2 },
    },
    required: ['cadastreNumber', 'address', 'phone', 'cylinders'],
  }),
  ui: utilityUi(['pinfl', 'cadastreNumber', 'address', 'phone', 'cylinders']),
  fee: { free: true },
  sla: { unit: 'working_days', value: CYLINDER_STAGES.reduce((days, stage) => days + stage.workingDays, 0) },
  workflow: CYLINDER_WORKFLOW_KEY,
  keywords: { 'uz-Latn': ['ballon', 'gaz'], ru: ['баллон', 'газ'], en: ['cylinder', 'gas', 'bottle'] },
});
