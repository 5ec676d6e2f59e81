import { cityAgency, defineCityPack } from '@darcha/city-kit';
import type { LocalizedText } from '@darcha/core';

const NAMES: LocalizedText = { 'uz-Latn': 'Jizzax', 'uz-Cyrl': 'Жиззах', ru: 'Джизак', en: 'Djizak' };

/**
 * Djizak's OSS (opened December 2011 with LGSP-2): a state unitary enterprise under the city
 * khokimiyat. Its own salaried front office receives every inquiry, consults, routes it to the
 * agency's back office and hands the result back. Free information and consultation (employment,
 * non-budgetary pensions, education, insurance, business start-up, utility debts); paid services for
 * self-financing: training-room rental, computer services, help with electronic reports.
 */
export const djizak = defineCityPack({
  id: 'city-djizak',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  tenant: {
    id: 'djizak',
    kind: 'city',
    parentId: 'uz.jizzakh-region',
    names: NAMES,
    settings: { inquiries: { trackingPrefix: 'DJZ' } },
  },
  operatingModel: 'unitary-enterprise',
  ossName: {
    'uz-Latn': 'Jizzax shahar «Yagona darcha» markazi DUK',
    'uz-Cyrl': 'Жиззах шаҳар «Ягона дарча» маркази ДУК',
    ru: 'ГУП «Центр Единое окно» г. Джизак',
    en: 'Djizak One-Stop-Shop (state unitary enterprise)',
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
