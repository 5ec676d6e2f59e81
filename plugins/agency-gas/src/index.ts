export { default } from './plugin.js';
export { gasBasics } from './services/gas-basics.js';
export { cylinderSupply } from './services/cylinder-supply.js';
export { meterReadingDispute } from './services/meter-reading-dispute.js';
export { cylinderSupplyWorkflow, CYLINDER_STAGES } from './workflows/cylinder-supply.js';
export { meterReadingDisputeWorkflow } from './workflows/meter-reading-dispute.js';
// The utility kit (utility-specific parts on @darcha/service-kit), for the electricity and water packs
// (which declare `dependsOn: agency-gas`).
export * from './utility-kit/index.js';
