/**
 * @darcha/demo: the demo of the three cities (Chirchik, Djizak, Namangan) with their packs, sign-in
 * accounts and a believable history; what `npm start` and `darcha seed demo` run.
 */
export { seedDemoAccounts, type DemoAccount } from './demo-accounts.js';
export { DEMO_CITIES } from './demo-cities.js';
export { enableDemoPacks, seedDemoTenants } from './demo-tenants.js';
export { describeAccounts, prepareDemo } from './prepare-demo.js';
