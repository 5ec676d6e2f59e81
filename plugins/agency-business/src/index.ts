export { default } from './plugin.js';
export { FOUNDER_SHARES_GUARD, founderSharesGuard } from './guards/founder-shares.guard.js';
export { BUSINESS_TRANSLATIONS, businessDocuments } from './services/business-documents.js';
export { ACTIVITY_CODE_FIELD, ENTREPRENEUR_FORM, ENTREPRENEUR_UI } from './services/entrepreneur-form.js';
export { entrepreneurRegistration } from './services/entrepreneur-registration.js';
export { FOUNDERS_FIELD, FOUNDER_FIELD, MAX_FOUNDERS, sharesMakeWhole } from './services/founders.js';
export { CHARTER_CAPITAL_FIELD, LLC_DOCUMENTS, LLC_FORM, LLC_UI, NAME_FIELD } from './services/llc-form.js';
export { llcRegistration } from './services/llc-registration.js';
export {
  ENTREPRENEUR_FEE,
  ENTREPRENEUR_FEE_SCHEDULE,
  LLC_FEE,
  LLC_FEE_SCHEDULE,
} from './services/registration-fees.js';
export { refineStage, type StageRefinement } from './workflows/refine-stage.js';
export {
  ENTREPRENEUR_WORKING_DAYS,
  LLC_MINUTES,
  entrepreneurRegistrationWorkflow,
  llcRegistrationWorkflow,
} from './workflows/registration-workflows.js';
