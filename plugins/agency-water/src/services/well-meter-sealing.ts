import type { ServiceDefinition } from '@darcha/core';
import { ACCOUNT_FIELD, METER_SERIAL_FIELD, utilityService, utilityUi } from '@darcha/plugin-agency-gas';
import { ADDRESS_FIELD, CADASTRE_FIELD, PHONE_FIELD, bhmFee, serviceForm } from '@darcha/service-kit';
import { wellMeterSealingWorkflow } from '../workflows/paid-meter-work.js';

/** Sealing a water meter on a well: the owner applies; 10 days; 50% of the BHM (services.md). */
export const wellMeterSealing: ServiceDefinition = utilityService({
  code: 'water.well-meter-sealing',
  names: {
    'uz-Latn': 'Quduqdagi suv hisoblagichini plombalash',
    'uz-Cyrl': 'Қудуқдаги сув ҳисоблагичини пломбалаш',
    ru: 'Опломбирование счётчика воды на скважине',
    en: 'Sealing a water meter on a well',
  },
  descriptions: {
    'uz-Latn': 'Quduq egasining arizasiga ko‘ra hisoblagich plombalanadi va dalolatnoma beriladi.',
    'uz-Cyrl': 'Қудуқ эгасининг аризасига кўра ҳисоблагич пломбаланади ва далолатнома берилади.',
    ru: 'По заявлению владельца скважины счётчик опломбируют и выдают акт.',
    en: "On the well owner's application the meter is sealed and an act issued.",
  },
  form: serviceForm({
    identity: 'either',
    properties: {
      account: ACCOUNT_FIELD,
      meterSerial: METER_SERIAL_FIELD,
      cadastreNumber: CADASTRE_FIELD,
      address: ADDRESS_FIELD,
      phone: PHONE_FIELD,
    },
    required: ['meterSerial', 'cadastreNumber', 'address', 'phone'],
  }),
  ui: utilityUi([
    'applicantType',
    'pinfl',
    'tin',
    'account',
    'meterSerial',
    'cadastreNumber',
    'address',
    'phone',
  ]),
  result: { document: 'sealing-act', template: 'agency-water/sealing-act' },
  fee: bhmFee(0.5),
  sla: { unit: 'working_days', value: 10 },
  workflow: wellMeterSealingWorkflow.key,
  keywords: { 'uz-Latn': ['quduq', 'plomba'], ru: ['скважина', 'пломба'], en: ['well', 'seal'] },
});
