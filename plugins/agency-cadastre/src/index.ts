export { default } from './plugin.js';
export { AREA_FIELD, CADASTRE_FORM, PROPERTY_TYPES } from './services/cadastre-form.js';
export { CADASTRE_TRANSLATIONS, cadastreDocuments } from './services/cadastre-documents.js';
export { cadastralPassport } from './services/cadastral-passport.js';
export { EXTRACT_FEE, EXTRACT_FEE_SCHEDULE } from './services/extract-fee.js';
export { registerExtract } from './services/register-extract.js';
export {
  EXTRACT_WORKING_DAYS,
  PASSPORT_WORKING_DAYS,
  cadastralPassportWorkflow,
  registerExtractWorkflow,
} from './workflows/cadastre-workflows.js';
