export { default } from './plugin.js';
export { STARTUP_TOPICS, startupConsultation } from './services/startup-consultation.js';
export { startupConsultationWorkflow } from './workflows/startup-consultation.js';
