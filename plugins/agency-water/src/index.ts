export { default } from './plugin.js';
export { meterVerification } from './services/meter-verification.js';
export { waterBasics } from './services/water-basics.js';
export { wellMeterSealing } from './services/well-meter-sealing.js';
export { meterVerificationWorkflow, wellMeterSealingWorkflow } from './workflows/paid-meter-work.js';
