import type { ServiceDefinition } from '@darcha/core';
import { bhmFee, defineService } from '@darcha/service-kit';
import { PASSPORT_WORKING_DAYS, cadastralPassportWorkflow } from '../workflows/cadastre-workflows.js';
import { CADASTRE_FORM, CADASTRE_UI, TITLE_DOCUMENT } from './cadastre-form.js';

/**
 * The cadastral passport (services.md): for individuals and legal entities, on the property data;
 * *assumed* 10 working days; 1.25 BHM in the standard case, with the social discounts.
 */
export const cadastralPassport: ServiceDefinition = defineService({
  code: 'cadastre.cadastral-passport',
  category: 'property.cadastre',
  names: {
    'uz-Latn': 'Ko‘chmas mulkning kadastr pasporti',
    'uz-Cyrl': 'Кўчмас мулкнинг кадастр паспорти',
    ru: 'Кадастровый паспорт объекта недвижимости',
    en: 'Cadastral passport of a property',
  },
  descriptions: {
    'uz-Latn': 'Ko‘chmas mulk o‘lchanadi va uning kadastr pasporti tayyorlanadi.',
    'uz-Cyrl': 'Кўчмас мулк ўлчанади ва унинг кадастр паспорти тайёрланади.',
    ru: 'Объект обмеряют и составляют его кадастровый паспорт.',
    en: 'The property is surveyed and its cadastral passport drawn up.',
  },
  form: CADASTRE_FORM,
  ui: CADASTRE_UI,
  documents: [TITLE_DOCUMENT],
  result: { document: 'cadastral-passport', template: 'agency-cadastre/cadastral-passport' },
  fee: bhmFee(1.25), // the standard case (services.md)
  sla: { unit: 'working_days', value: PASSPORT_WORKING_DAYS }, // *assumed* (services.md)
  workflow: cadastralPassportWorkflow.key,
  keywords: {
    'uz-Latn': ['kadastr', 'pasport'],
    ru: ['кадастр', 'паспорт', 'техпаспорт'],
    en: ['cadastre', 'passport'],
  },
});
