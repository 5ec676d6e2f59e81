// Angren's city pack: everything a regional IT team writes to bring a fourth city onto Darcha.
// The agencies' services come from the agency packs it depends on; this file only says who the city
// is, how its One-Stop-Shop works and which agencies sit in its hall.
import { cityAgency, defineCityPack } from '@darcha/city-kit';

const NAMES = { 'uz-Latn': 'Angren', 'uz-Cyrl': 'Ангрен', ru: 'Ангрен', en: 'Angren' };

export const angren = defineCityPack({
  id: 'city-angren',
  version: '0.1.0',
  // The city's tenant, under the Tashkent region; tracking numbers read ANG-2026-000001.
  tenant: {
    id: 'angren',
    kind: 'city',
    parentId: 'uz.tashkent-region',
    names: NAMES,
    settings: { inquiries: { trackingPrefix: 'ANG' } },
  },
  // The OSS's own front office receives every inquiry and routes it to the agencies' back offices.
  operatingModel: 'unitary-enterprise',
  ossName: {
    'uz-Latn': 'Angren shahar «Yagona darcha» markazi',
    'uz-Cyrl': 'Ангрен шаҳар «Ягона дарча» маркази',
    ru: 'Центр «Единое окно» г. Ангрен',
    en: 'Angren One-Stop-Shop',
  },
  agencies: [
    cityAgency('gas', 'gorgas', NAMES),
    cityAgency('electricity', 'gorelektroset', NAMES),
    cityAgency('water', 'gorvodokanal', NAMES),
    cityAgency('cadastre', 'cadastre', NAMES),
  ],
  // No calendar of its own: Angren inherits Uzbekistan's (public holidays) through its region.
  dependsOn: ['agency-gas', 'agency-electricity', 'agency-water', 'agency-cadastre'].map((id) => ({
    id,
    range: '^0.1.0',
  })),
});

export default angren.plugin;
