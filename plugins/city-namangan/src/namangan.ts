import { SELF_FINANCING_OSS_PACKS, defineCityPack, selfFinancingOssAgencies } from '@darcha/city-kit';
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
  agencies: selfFinancingOssAgencies(NAMES),
  dependsOn: [...SELF_FINANCING_OSS_PACKS],
});
