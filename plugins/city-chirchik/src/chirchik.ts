import { cityAgency, defineCityPack, uzbekistanCalendar, type CityAgency } from '@darcha/city-kit';
import type { LocalizedText } from '@darcha/core';

const NAMES: LocalizedText = { 'uz-Latn': 'Chirchiq', 'uz-Cyrl': 'Чирчиқ', ru: 'Чирчик', en: 'Chirchik' };

/** Agencies whose activity no source describes: the pack records their consultations as information. */
const infoAgency = (code: string, names: LocalizedText, offers: string[]): CityAgency => ({
  code,
  kind: 'info',
  names,
  offers,
});

/**
 * Chirchik's OSS (opened August 2011, modelled on the Sergeli pilot): eleven agencies second their
 * own officers to the hall; each receives, works and hands over its own agency's inquiries.
 */
export const chirchik = defineCityPack({
  id: 'city-chirchik',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  tenant: {
    id: 'chirchik',
    kind: 'city',
    parentId: 'uz.tashkent-region',
    names: NAMES,
    settings: { inquiries: { trackingPrefix: 'CHR' } },
  },
  operatingModel: 'seconded-staff',
  ossName: {
    'uz-Latn': 'Chirchiq shahar «Yagona darcha» markazi',
    'uz-Cyrl': 'Чирчиқ шаҳар «Ягона дарча» маркази',
    ru: 'Центр «Единое окно» г. Чирчик',
    en: 'Chirchik One-Stop-Shop',
  },
  agencies: [
    cityAgency('gas', 'gorgas', NAMES),
    cityAgency('electricity', 'gorelektroset', NAMES),
    cityAgency('water', 'gorvodokanal', NAMES),
    cityAgency('tax', 'tax-inspection', NAMES),
    cityAgency('employment', 'employment-centre', NAMES),
    cityAgency('business', 'registration-inspection', NAMES),
    cityAgency('chamber', 'chamber-consulting', NAMES),
    cityAgency('cadastre', 'cadastre-unit', NAMES),
    // *assumed*: the article names LLC "Chirkom" without its trade; taken to be the communal
    // (housing maintenance) company, whose desk answers questions on utility debts.
    infoAgency(
      'chirkom',
      { 'uz-Latn': '«Chirkom» MChJ', 'uz-Cyrl': '«Чирком» МЧЖ', ru: 'ООО «Чирком»', en: 'LLC Chirkom' },
      ['info.utility-debts'],
    ),
    // *assumed*: "Chirchik Universal Plus" is named without its trade; its desk gives general information.
    infoAgency(
      'universal-plus',
      {
        'uz-Latn': '«Chirchiq Universal Plyus»',
        'uz-Cyrl': '«Чирчиқ Универсал Плюс»',
        ru: '«Чирчик Универсал Плюс»',
        en: 'Chirchik Universal Plus',
      },
      ['info.general'],
    ),
    cityAgency('bank', 'ipoteka-bank', NAMES),
  ],
  // *assumed*: the hall also opens on Saturday mornings (services.md: "some centres open Saturday").
  calendar: {
    ...uzbekistanCalendar(),
    workingWeek: { ...uzbekistanCalendar().workingWeek, sat: [['09:00', '13:00']] },
  },
  dependsOn: [
    'agency-gas',
    'agency-electricity',
    'agency-water',
    'agency-tax',
    'agency-employment',
    'agency-business',
    'agency-chamber',
    'agency-cadastre',
    'agency-bank',
    'agency-information',
  ].map((id) => ({ id, range: '^0.1.0' })),
});
