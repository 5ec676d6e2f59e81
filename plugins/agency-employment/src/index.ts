export { default } from './plugin.js';
export { CHILD_FIELD, CHILD_ALLOWANCE_FORM } from './services/child-allowance-form.js';
export { childAllowance } from './services/child-allowance.js';
export { consultationForm } from './services/consultation-form.js';
export {
  CHILD_ALLOWANCE_MONTHS,
  EMPLOYMENT_TRANSLATIONS,
  employmentDocuments,
} from './services/employment-documents.js';
export { JOB_TOPICS, jobConsultation } from './services/job-consultation.js';
export { PENSION_TOPICS, pensionConsultation } from './services/pension-consultation.js';
export { EDUCATION_LEVELS, LEAVING_REASONS, UNEMPLOYED_FORM } from './services/unemployed-form.js';
export { unemployedRegistration } from './services/unemployed-registration.js';
export {
  CHILD_ALLOWANCE_DECISION_TEMPLATE,
  CHILD_ALLOWANCE_WORKING_DAYS,
  childAllowanceWorkflow,
} from './workflows/child-allowance.js';
export { employmentConsultationWorkflow } from './workflows/consultation.js';
export {
  UNEMPLOYED_DECISION_TEMPLATE,
  UNEMPLOYED_REVIEW_WORKING_DAYS,
  VISIT_WORKING_DAYS,
  unemployedRegistrationWorkflow,
} from './workflows/unemployed-registration.js';
export { visitFirst, type VisitSpec } from './workflows/visit-first.js';
