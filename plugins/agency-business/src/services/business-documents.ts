import type { TemplateSources, Translations } from '@darcha/core';
import { DOCUMENT_TRANSLATIONS, documentTemplate, mergeTranslations } from '@darcha/service-kit';

/** The kit's document labels and the registration certificates' own, by locale: the pack's `translations`. */
export const BUSINESS_TRANSLATIONS: Translations = mergeTranslations(DOCUMENT_TRANSLATIONS, {
  'uz-Latn': {
    'business.company': 'Korxona nomi',
    'business.address': 'Yuridik manzil',
    'business.founders': 'Ta’sischilar soni',
    'business.trade-name': 'Firma nomi',
    'business.activity': 'Faoliyat turi (IFUT)',
  },
  'uz-Cyrl': {
    'business.company': 'Корхона номи',
    'business.address': 'Юридик манзил',
    'business.founders': 'Таъсисчилар сони',
    'business.trade-name': 'Фирма номи',
    'business.activity': 'Фаолият тури (ИФУТ)',
  },
  ru: {
    'business.company': 'Наименование',
    'business.address': 'Юридический адрес',
    'business.founders': 'Число учредителей',
    'business.trade-name': 'Фирменное наименование',
    'business.activity': 'Вид деятельности (ОКЭД)',
  },
  en: {
    'business.company': 'Company name',
    'business.address': 'Legal address',
    'business.founders': 'Number of founders',
    'business.trade-name': 'Trade name',
    'business.activity': 'Activity (OKED)',
  },
});

/** The certificates of state registration of an LLC and of an individual entrepreneur, in the four locales. */
export const businessDocuments: TemplateSources = {
  'agency-business/llc-certificate': documentTemplate(
    {
      'uz-Latn': {
        title: 'Yuridik shaxsni davlat ro‘yxatidan o‘tkazish to‘g‘risida guvohnoma',
        statement:
          '«{{form.companyName}}» mas’uliyati cheklangan jamiyati {{money form.charterCapital}} ustav fondi bilan davlat ro‘yxatidan o‘tkazildi.',
      },
      'uz-Cyrl': {
        title: 'Юридик шахсни давлат рўйхатидан ўтказиш тўғрисида гувоҳнома',
        statement:
          '«{{form.companyName}}» масъулияти чекланган жамияти {{money form.charterCapital}} устав фонди билан давлат рўйхатидан ўтказилди.',
      },
      ru: {
        title: 'Свидетельство о государственной регистрации юридического лица',
        statement:
          'Общество с ограниченной ответственностью «{{form.companyName}}» с уставным фондом {{money form.charterCapital}} зарегистрировано.',
      },
      en: {
        title: 'Certificate of state registration of a legal entity',
        statement:
          'The limited liability company "{{form.companyName}}" with a charter capital of {{money form.charterCapital}} is registered.',
      },
    },
    [
      { label: 'business.company', path: 'form.companyName' },
      { label: 'business.address', path: 'form.address' },
      { label: 'business.founders', path: 'form.founders.length' },
    ],
  ),
  'agency-business/entrepreneur-certificate': documentTemplate(
    {
      'uz-Latn': {
        title: 'Yakka tartibdagi tadbirkorni davlat ro‘yxatidan o‘tkazish to‘g‘risida guvohnoma',
        statement:
          '{{holder.name}} «{{form.tradeName}}» firma nomi bilan yakka tartibdagi tadbirkor sifatida ro‘yxatdan o‘tkazildi.',
      },
      'uz-Cyrl': {
        title: 'Якка тартибдаги тадбиркорни давлат рўйхатидан ўтказиш тўғрисида гувоҳнома',
        statement:
          '{{holder.name}} «{{form.tradeName}}» фирма номи билан якка тартибдаги тадбиркор сифатида рўйхатдан ўтказилди.',
      },
      ru: {
        title: 'Свидетельство о государственной регистрации индивидуального предпринимателя',
        statement:
          '{{holder.name}} зарегистрирован(а) как индивидуальный предприниматель под фирменным наименованием «{{form.tradeName}}».',
      },
      en: {
        title: 'Certificate of state registration of an individual entrepreneur',
        statement:
          '{{holder.name}} is registered as an individual entrepreneur under the trade name "{{form.tradeName}}".',
      },
    },
    [
      { label: 'business.trade-name', path: 'form.tradeName' },
      { label: 'business.activity', path: 'form.activityCode' },
      { label: 'business.address', path: 'form.address' },
    ],
  ),
};
