import { SELF_FINANCING_OSS_PACKS, defineCityPack, selfFinancingOssAgencies } from '@darcha/city-kit';
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
  agencies: selfFinancingOssAgencies(NAMES),
  dependsOn: [...SELF_FINANCING_OSS_PACKS],
});
