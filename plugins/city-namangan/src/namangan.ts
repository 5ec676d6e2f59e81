import { cityAgency, defineCityPack } from '@darcha/city-kit';
import type { LocalizedText } from '@darcha/core';

const NAMES: LocalizedText = { 'uz-Latn': 'Namangan', 'uz-Cyrl': 'Наманган', ru: 'Наманган', en: 'Namangan' };

/**
 * Namangan's OSS (opened December 2011 with LGSP-2): a state unitary enterprise under the city
 * khokimiyat. Its own salaried front office receives every inquiry, consults, routes it to the
 * agency's back office and hands the result back. Free information and consultation (employment,
 * non-budgetary pensions, education, insurance, business start-up, utility debts); paid services for
 * self-financing: training-room rental, computer services, help with electronic reports.
 */
export const namangan = defineCityPack({
  id: 'city-namangan',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  tenant: {
    id: 'namangan',
    kind: 'city',
    parentId: 'uz.namangan-region',
    names: NAMES,
    settings: { inquiries: { trackingPrefix: 'NMG' } },
  },
  operatingModel: 'unitary-enterprise',
  ossName: {
    'uz-Latn': 'Namangan shahar «Yagona darcha» markazi DUK',
    'uz-Cyrl': 'Наманган шаҳар «Ягона дарча» маркази ДУК',
    ru: 'ГУП «Центр Единое окно» г. Наманган',
    en: 'Namangan One-Stop-Shop (state unitary enterprise)',
  },
  agencies: [
    // The OSS itself: its paid services, its information desk and its e-report help.
    cityAgency('oss', 'oss', NAMES),
    cityAgency('info', 'oss-info', NAMES),
    cityAgency('tax', 'oss-reports', NAMES, {
      names: {
        'uz-Latn': 'Yagona darcha: elektron hisobotlar bo‘yicha yordam',
        'uz-Cyrl': 'Ягона дарча: электрон ҳисоботлар бўйича ёрдам',
        ru: 'Единое окно: помощь с электронной отчётностью',
        en: 'One-Stop-Shop: e-report help',
      },
      offers: ['tax.e-report-help'],
    }),
    // The back offices the front office routes to.
    cityAgency('tax', 'tax-inspection', NAMES, { offers: ['tax.certificate'] }),
    cityAgency('employment', 'employment-centre', NAMES),
    cityAgency('chamber', 'chamber-consulting', NAMES),
    cityAgency('gas', 'gorgas', NAMES),
    cityAgency('electricity', 'gorelektroset', NAMES),
    cityAgency('water', 'gorvodokanal', NAMES),
  ],
  dependsOn: [
    'oss-centre',
    'agency-information',
    'agency-tax',
    'agency-employment',
    'agency-chamber',
    'agency-gas',
    'agency-electricity',
    'agency-water',
  ].map((id) => ({ id, range: '^0.1.0' })),
});
