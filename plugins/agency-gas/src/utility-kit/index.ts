export { DOCUMENT_TRANSLATIONS, documentTemplate, type DocumentText } from './document-template.js';
export { informationWorkflow } from './information-workflow.js';
export { stagedWorkflow, type StagedWorkflowSpec, type WorkStage } from './staged-workflow.js';
export { utilityBasics, type ServiceText, type UtilityBasicsSpec } from './utility-basics.js';
export { SOCIAL_DISCOUNTS, bhmFee } from './utility-fees.js';
export { utilityService } from './utility-service.js';
export {
  ACCOUNT_FIELD,
  ADDRESS_FIELD,
  CADASTRE_FIELD,
  METER_SERIAL_FIELD,
  PHONE_FIELD,
  utilityForm,
  utilityUi,
  type UtilityFormSpec,
} from './utility-form.js';
export { WORKFLOW_NAMES } from './workflow-names.js';
