// What is utility-specific; the generic builders are in @darcha/service-kit.
export { utilityBasics, type UtilityBasicsSpec } from './utility-basics.js';
export { UTILITY_DOCUMENT_TRANSLATIONS, utilityDocumentTemplate } from './utility-documents.js';
export { ACCOUNT_FIELD, METER_SERIAL_FIELD, utilityUi } from './utility-form.js';
export { utilityService } from './utility-service.js';
