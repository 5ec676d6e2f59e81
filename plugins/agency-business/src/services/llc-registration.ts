import type { ServiceDefinition } from '@darcha/core';
import { defineService } from '@darcha/service-kit';
import { LLC_MINUTES, llcRegistrationWorkflow } from '../workflows/registration-workflows.js';
import { LLC_DOCUMENTS, LLC_FORM, LLC_UI } from './llc-form.js';
import { LLC_FEE } from './registration-fees.js';

/**
 * State registration of a limited liability company (services.md): the application, the charter
 * and the founders' decision; 30 minutes; 1 BHM at the desk, 0.5 BHM online.
 */
export const llcRegistration: ServiceDefinition = defineService({
  code: 'business.llc-registration',
  category: 'business.registration',
  names: {
    'uz-Latn': 'Mas’uliyati cheklangan jamiyatni davlat ro‘yxatidan o‘tkazish',
    'uz-Cyrl': 'Масъулияти чекланган жамиятни давлат рўйхатидан ўтказиш',
    ru: 'Государственная регистрация общества с ограниченной ответственностью',
    en: 'State registration of a limited liability company',
  },
  descriptions: {
    'uz-Latn': 'MChJ davlat ro‘yxatidan o‘tkaziladi va guvohnoma beriladi; onlayn ariza yarim narxda.',
    'uz-Cyrl': 'МЧЖ давлат рўйхатидан ўтказилади ва гувоҳнома берилади; онлайн ариза ярим нархда.',
    ru: 'ООО регистрируется и получает свидетельство; онлайн-заявка вдвое дешевле.',
    en: 'The LLC is registered and receives its certificate; an online application costs half.',
  },
  applicantTypes: ['legal_entity'],
  form: LLC_FORM,
  ui: LLC_UI,
  documents: LLC_DOCUMENTS,
  result: { document: 'registration-certificate', template: 'agency-business/llc-certificate' },
  fee: LLC_FEE,
  sla: { unit: 'minutes', value: LLC_MINUTES },
  workflow: llcRegistrationWorkflow.key,
  keywords: {
    'uz-Latn': ['MChJ', 'ro‘yxatdan o‘tkazish', 'korxona'],
    'uz-Cyrl': ['МЧЖ', 'рўйхатдан ўтказиш', 'корхона'],
    ru: ['ООО', 'регистрация', 'предприятие'],
    en: ['LLC', 'registration', 'company'],
  },
});
