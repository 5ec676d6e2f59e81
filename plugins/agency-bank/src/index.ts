export { default } from './plugin.js';
export { ACCOUNT_KINDS, ACCOUNT_OPENING_FORM, accountOpening } from './services/account-opening.js';
export { MORTGAGE_TOPICS, mortgageConsultation } from './services/mortgage-consultation.js';
export { APPOINTMENT_WORKING_DAYS, accountOpeningWorkflow } from './workflows/account-opening.js';
export { mortgageConsultationWorkflow } from './workflows/mortgage-consultation.js';
