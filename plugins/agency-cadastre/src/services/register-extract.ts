import type { ServiceDefinition } from '@darcha/core';
import { defineService } from '@darcha/service-kit';
import { EXTRACT_WORKING_DAYS, registerExtractWorkflow } from '../workflows/cadastre-workflows.js';
import { CADASTRE_FORM, CADASTRE_UI, TITLE_DOCUMENT } from './cadastre-form.js';
import { EXTRACT_FEE } from './extract-fee.js';

/**
 * The real-estate register extract (services.md): for individuals and legal entities, on the title
 * documents; *assumed* 5 working days; the fee by applicant, property type and floor area.
 */
export const registerExtract: ServiceDefinition = defineService({
  code: 'cadastre.register-extract',
  category: 'property.cadastre',
  names: {
    'uz-Latn': 'Ko‘chmas mulk reyestridan ko‘chirma',
    'uz-Cyrl': 'Кўчмас мулк реестридан кўчирма',
    ru: 'Выписка из реестра прав на недвижимость',
    en: 'Real-estate register extract',
  },
  descriptions: {
    'uz-Latn': 'Ko‘chmas mulkka bo‘lgan huquqlar haqida reyestrdan rasmiy ko‘chirma beriladi.',
    'uz-Cyrl': 'Кўчмас мулкка бўлган ҳуқуқлар ҳақида реестрдан расмий кўчирма берилади.',
    ru: 'Официальная выписка из реестра о правах на объект недвижимости.',
    en: 'An official extract from the register of the rights to a property.',
  },
  form: CADASTRE_FORM,
  ui: CADASTRE_UI,
  documents: [TITLE_DOCUMENT],
  result: { document: 'register-extract', template: 'agency-cadastre/register-extract' },
  fee: EXTRACT_FEE,
  sla: { unit: 'working_days', value: EXTRACT_WORKING_DAYS }, // *assumed* (services.md)
  workflow: registerExtractWorkflow.key,
  keywords: {
    'uz-Latn': ['kadastr', 'ko‘chirma', 'mulk'],
    ru: ['кадастр', 'выписка', 'недвижимость'],
    en: ['cadastre', 'extract', 'property'],
  },
});
