import { definePlugin } from '@darcha/core';
import { CADASTRE_TRANSLATIONS, cadastreDocuments } from './services/cadastre-documents.js';
import { cadastralPassport } from './services/cadastral-passport.js';
import { registerExtract } from './services/register-extract.js';
import { cadastralPassportWorkflow, registerExtractWorkflow } from './workflows/cadastre-workflows.js';

/**
 * agency-cadastre: the cadastre unit's service pack, reusable by every city: the real-estate
 * register extract and the cadastral passport, built with @darcha/service-kit.
 */
export default definePlugin({
  id: 'agency-cadastre',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  categories: [
    {
      id: 'property.cadastre',
      names: {
        'uz-Latn': 'Ko‘chmas mulk kadastri',
        'uz-Cyrl': 'Кўчмас мулк кадастри',
        ru: 'Кадастр недвижимости',
        en: 'Real-estate cadastre',
      },
    },
  ],
  services: [registerExtract, cadastralPassport],
  workflows: [registerExtractWorkflow, cadastralPassportWorkflow],
  templates: cadastreDocuments,
  translations: CADASTRE_TRANSLATIONS,
});
