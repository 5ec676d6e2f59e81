/** The demo history: a believable past of inquiries, payments and ratings for the demo's cities. */
export { HISTORIC_BASE_AMOUNTS, addHistoricBaseAmounts } from './historic-base-amounts.js';
export { HISTORY_SUBJECT, hasHistory, historySubject } from './history-marker.js';
export type {
  CityHistoryResult,
  CityHistorySpec,
  HistoryProgress,
  SeedHistoryOptions,
} from './history-types.js';
export { NoHistoryServicesError, seedCityHistory } from './seed-city-history.js';
export { DEMO_HISTORIES, seedDemoHistory } from './seed-demo-history.js';
export { SECONDED_STAFF_KINDS, TILT_BOUNDS, UNITARY_ENTERPRISE_KINDS } from './service-mix.js';
export type { SkippedService } from './service-profiles.js';
