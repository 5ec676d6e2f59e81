import type { TemplateSources, Translations } from '@darcha/core';
import {
  DOCUMENT_TRANSLATIONS,
  documentTemplate,
  mergeTranslations,
  type DocumentField,
} from '@darcha/service-kit';

/** The property lines both certificates print. */
const PROPERTY_FIELDS: DocumentField[] = [
  { label: 'cadastre.number', path: 'form.cadastreNumber' },
  { label: 'cadastre.address', path: 'form.address' },
  { label: 'cadastre.area', path: 'form.area' },
];

/** The kit's document labels and the property's, by locale: the pack's `translations`. */
export const CADASTRE_TRANSLATIONS: Translations = mergeTranslations(DOCUMENT_TRANSLATIONS, {
  'uz-Latn': {
    'cadastre.number': 'Kadastr raqami',
    'cadastre.address': 'Manzil',
    'cadastre.area': 'Maydoni, m²',
  },
  'uz-Cyrl': {
    'cadastre.number': 'Кадастр рақами',
    'cadastre.address': 'Манзил',
    'cadastre.area': 'Майдони, м²',
  },
  ru: { 'cadastre.number': 'Кадастровый номер', 'cadastre.address': 'Адрес', 'cadastre.area': 'Площадь, м²' },
  en: {
    'cadastre.number': 'Cadastre number',
    'cadastre.address': 'Address',
    'cadastre.area': 'Floor area, m²',
  },
});

/** The register extract and the cadastral passport, in the four locales. */
export const cadastreDocuments: TemplateSources = {
  'agency-cadastre/register-extract': documentTemplate(
    {
      'uz-Latn': {
        title: 'Ko‘chmas mulk reyestridan ko‘chirma',
        statement:
          '{{form.cadastreNumber}} kadastr raqamli ko‘chmas mulkka bo‘lgan huquqlar reyestrda qayd etilgan.',
      },
      'uz-Cyrl': {
        title: 'Кўчмас мулк реестридан кўчирма',
        statement:
          '{{form.cadastreNumber}} кадастр рақамли кўчмас мулкка бўлган ҳуқуқлар реестрда қайд этилган.',
      },
      ru: {
        title: 'Выписка из реестра прав на недвижимое имущество',
        statement:
          'Права на объект недвижимости с кадастровым номером {{form.cadastreNumber}} зарегистрированы в реестре.',
      },
      en: {
        title: 'Real-estate register extract',
        statement:
          'The rights to the property with cadastre number {{form.cadastreNumber}} are entered in the register.',
      },
    },
    PROPERTY_FIELDS,
  ),
  'agency-cadastre/cadastral-passport': documentTemplate(
    {
      'uz-Latn': {
        title: 'Kadastr pasporti',
        statement: '{{form.cadastreNumber}} kadastr raqamli ko‘chmas mulk o‘lchandi va pasportlashtirildi.',
      },
      'uz-Cyrl': {
        title: 'Кадастр паспорти',
        statement: '{{form.cadastreNumber}} кадастр рақамли кўчмас мулк ўлчанди ва паспортлаштирилди.',
      },
      ru: {
        title: 'Кадастровый паспорт',
        statement:
          'Объект недвижимости с кадастровым номером {{form.cadastreNumber}} обмерен и паспортизирован.',
      },
      en: {
        title: 'Cadastral passport',
        statement:
          'The property with cadastre number {{form.cadastreNumber}} has been surveyed and its passport drawn up.',
      },
    },
    PROPERTY_FIELDS,
  ),
};
