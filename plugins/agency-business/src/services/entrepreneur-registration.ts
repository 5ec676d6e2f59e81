import type { ServiceDefinition } from '@darcha/core';
import { defineService } from '@darcha/service-kit';
import {
  ENTREPRENEUR_WORKING_DAYS,
  entrepreneurRegistrationWorkflow,
} from '../workflows/registration-workflows.js';
import { ENTREPRENEUR_FORM, ENTREPRENEUR_UI } from './entrepreneur-form.js';
import { ENTREPRENEUR_FEE } from './registration-fees.js';

/**
 * State registration of an individual entrepreneur (services.md): a person, on the online form with
 * the trade name (also taken at the desk); up to 2 working days (*assumed*, from the old rule);
 * the fee is *assumed* (see registration-fees.ts).
 */
export const entrepreneurRegistration: ServiceDefinition = defineService({
  code: 'business.entrepreneur-registration',
  category: 'business.registration',
  names: {
    'uz-Latn': 'Yakka tartibdagi tadbirkorni davlat ro‘yxatidan o‘tkazish',
    'uz-Cyrl': 'Якка тартибдаги тадбиркорни давлат рўйхатидан ўтказиш',
    ru: 'Государственная регистрация индивидуального предпринимателя',
    en: 'State registration of an individual entrepreneur',
  },
  descriptions: {
    'uz-Latn': 'Fuqaro yakka tartibdagi tadbirkor sifatida ro‘yxatdan o‘tkaziladi va guvohnoma oladi.',
    'uz-Cyrl': 'Фуқаро якка тартибдаги тадбиркор сифатида рўйхатдан ўтказилади ва гувоҳнома олади.',
    ru: 'Гражданин регистрируется как индивидуальный предприниматель и получает свидетельство.',
    en: 'A citizen is registered as an individual entrepreneur and receives a certificate.',
  },
  applicantTypes: ['individual'],
  form: ENTREPRENEUR_FORM,
  ui: ENTREPRENEUR_UI,
  result: { document: 'registration-certificate', template: 'agency-business/entrepreneur-certificate' },
  fee: ENTREPRENEUR_FEE,
  sla: { unit: 'working_days', value: ENTREPRENEUR_WORKING_DAYS }, // *assumed* (services.md)
  workflow: entrepreneurRegistrationWorkflow.key,
  keywords: {
    'uz-Latn': ['YaTT', 'tadbirkor', 'ro‘yxatdan o‘tkazish'],
    'uz-Cyrl': ['ЯТТ', 'тадбиркор', 'рўйхатдан ўтказиш'],
    ru: ['ИП', 'предприниматель', 'регистрация'],
    en: ['entrepreneur', 'sole trader', 'registration'],
  },
});
