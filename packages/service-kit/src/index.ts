/**
 * @darcha/service-kit: builders for agency service packs: the staged workflow with payment,
 * rejection and appeal; the information workflow; closed forms with Darcha's formats; BHM fees with
 * the legal discounts; document templates; names in the four locales.
 */
export { defineService, type ServiceDefaults, type ServiceText } from './define-service.js';
export {
  DOCUMENT_TRANSLATIONS,
  documentTemplate,
  mergeTranslations,
  type DocumentField,
  type DocumentText,
} from './document-template.js';
export { SOCIAL_DISCOUNTS, bhmFee } from './fees.js';
export {
  ADDRESS_FIELD,
  CADASTRE_FIELD,
  PHONE_FIELD,
  PINFL_FIELD,
  TIN_FIELD,
  formUi,
  serviceForm,
  type ServiceFormSpec,
} from './form-fields.js';
export { informationWorkflow } from './information-workflow.js';
export { serviceKitErrors } from './service-kit.errors.js';
export { stagedWorkflow, type StagedWorkflowSpec, type WorkStage } from './staged-workflow.js';
export { WORKFLOW_NAMES } from './workflow-names.js';
