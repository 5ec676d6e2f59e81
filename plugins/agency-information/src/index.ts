export { default } from './plugin.js';
export { EDUCATION_TOPICS, educationInfo } from './services/education.js';
export { GENERAL_TOPICS, generalInfo } from './services/general.js';
export { INFO_CATEGORY, infoService, type InfoServiceSpec } from './services/info-service.js';
export { INSURANCE_TOPICS, insuranceInfo } from './services/insurance.js';
export { UTILITY_DEBT_TOPICS, utilityDebtsInfo } from './services/utility-debts.js';
export { informationDeskWorkflow } from './workflows/consultation.js';
