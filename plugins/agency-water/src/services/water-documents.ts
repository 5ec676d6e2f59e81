import type { TemplateSources } from '@darcha/core';
import { utilityDocumentTemplate } from '@darcha/plugin-agency-gas';

/** The verification certificate and the sealing act, in the four locales. */
export const waterDocuments: TemplateSources = {
  'agency-water/verification-certificate': utilityDocumentTemplate({
    'uz-Latn': {
      title: 'Suv hisoblagichini qiyoslash guvohnomasi',
      statement: '{{form.meterSerial}} raqamli hisoblagich qiyoslandi va foydalanishga yaroqli.',
    },
    'uz-Cyrl': {
      title: 'Сув ҳисоблагичини қиёслаш гувоҳномаси',
      statement: '{{form.meterSerial}} рақамли ҳисоблагич қиёсланди ва фойдаланишга яроқли.',
    },
    ru: {
      title: 'Свидетельство о поверке счётчика воды',
      statement: 'Счётчик № {{form.meterSerial}} поверен и пригоден к применению.',
    },
    en: {
      title: 'Water meter verification certificate',
      statement: 'Meter {{form.meterSerial}} has been verified and is fit for use.',
    },
  }),
  'agency-water/sealing-act': utilityDocumentTemplate({
    'uz-Latn': {
      title: 'Quduqdagi hisoblagichni plombalash dalolatnomasi',
      statement: '{{form.address}} manzilidagi quduqda {{form.meterSerial}} raqamli hisoblagich plombalandi.',
    },
    'uz-Cyrl': {
      title: 'Қудуқдаги ҳисоблагични пломбалаш далолатномаси',
      statement: '{{form.address}} манзилидаги қудуқда {{form.meterSerial}} рақамли ҳисоблагич пломбаланди.',
    },
    ru: {
      title: 'Акт опломбирования счётчика на скважине',
      statement: 'Счётчик № {{form.meterSerial}} на скважине по адресу {{form.address}} опломбирован.',
    },
    en: {
      title: 'Well meter sealing act',
      statement: 'Meter {{form.meterSerial}} on the well at {{form.address}} has been sealed.',
    },
  }),
};
