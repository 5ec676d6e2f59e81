import type { LocalizedText, PluginDependency } from '@darcha/core';
import { cityAgency } from './agency-types.js';
import type { CityAgency } from './city-pack.types.js';

/**
 * The agencies of a One-Stop-Shop run as a state unitary enterprise on the Djizak and Namangan model
 * (LGSP-2, 2011): the OSS itself (its paid services, its information desk, its help with electronic
 * reports) and the back offices its front office routes to, named after the city.
 */
export function selfFinancingOssAgencies(cityNames: LocalizedText): CityAgency[] {
  return [
    cityAgency('oss', 'oss', cityNames),
    cityAgency('info', 'oss-info', cityNames),
    cityAgency('tax', 'oss-reports', cityNames, {
      names: {
        'uz-Latn': 'Yagona darcha: elektron hisobotlar bo‘yicha yordam',
        'uz-Cyrl': 'Ягона дарча: электрон ҳисоботлар бўйича ёрдам',
        ru: 'Единое окно: помощь с электронной отчётностью',
        en: 'One-Stop-Shop: e-report help',
      },
      offers: ['tax.e-report-help'],
    }),
    cityAgency('tax', 'tax-inspection', cityNames, { offers: ['tax.certificate'] }),
    cityAgency('employment', 'employment-centre', cityNames),
    cityAgency('chamber', 'chamber-consulting', cityNames),
    cityAgency('gas', 'gorgas', cityNames),
    cityAgency('electricity', 'gorelektroset', cityNames),
    cityAgency('water', 'gorvodokanal', cityNames),
  ];
}

/** The packs {@link selfFinancingOssAgencies} draws its services from. */
export const SELF_FINANCING_OSS_PACKS: readonly PluginDependency[] = [
  'oss-centre',
  'agency-information',
  'agency-tax',
  'agency-employment',
  'agency-chamber',
  'agency-gas',
  'agency-electricity',
  'agency-water',
].map((id) => ({ id, range: '^0.1.0' }));
