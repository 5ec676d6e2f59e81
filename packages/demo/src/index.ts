/**
 * @darcha/demo: the demo of the three cities (Chirchik, Djizak, Namangan) with their packs, sign-in
 * accounts and a believable history; what `npm start` and `darcha seed demo` run.
 */
export { seedDemoAccounts, type DemoAccount } from './demo-accounts.js';
export { DEMO_CITIES } from './demo-cities.js';
export { enableDemoPacks, seedDemoTenants } from './demo-tenants.js';
export { describeAccounts, prepareDemo } from './prepare-demo.js';
export {
  DEMO_HISTORIES,
  HISTORIC_BASE_AMOUNTS,
  SECONDED_STAFF_KINDS,
  UNITARY_ENTERPRISE_KINDS,
  addHistoricBaseAmounts,
  hasHistory,
  seedCityHistory,
  seedDemoHistory,
  type CityHistoryResult,
  type CityHistorySpec,
  type HistoryProgress,
  type SeedHistoryOptions,
  type SkippedService,
} from './history/index.js';
