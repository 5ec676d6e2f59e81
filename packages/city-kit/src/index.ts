/**
 * @darcha/city-kit: city packs (one city's OSS: its agencies under local names, the catalog, the
 * operating model with its routing, calendar, branding and demo staff) and the tenant hierarchy
 * and public holidays of Uzbekistan.
 */
export { applyCityPack, checkCityPack } from './apply-city-pack.js';
export { cityKitErrors } from './city-kit.errors.js';
export type { CityAgency, CityPackSpec, DemoStaffMember, OperatingModel } from './city-pack.types.js';
export { defineCityPack, type CityPack } from './define-city-pack.js';
export { OPERATING_MODEL_SETTINGS, demoStaffFor } from './operating-models.js';
export { UZBEKISTAN, UZBEKISTAN_REGIONS, uzbekistanCalendar } from './uzbekistan.js';
export { HOLIDAY_YEARS, uzbekistanHolidays } from './uzbekistan-holidays.js';
export { AGENCY_TYPES, cityAgency, type AgencyType } from './agency-types.js';
export { SELF_FINANCING_OSS_PACKS, selfFinancingOssAgencies } from './self-financing-oss.js';
