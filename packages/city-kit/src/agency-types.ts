import type { Locale, LocalizedText } from '@darcha/core';
import type { CityAgency } from './city-pack.types.js';

/**
 * The agency types of an Uzbek city's OSS, with their usual names per locale; `{city}` is the
 * city's name in that locale. `kind` matches the `agencyKind` of the agency packs' services.
 */
export const AGENCY_TYPES = {
  gas: {
    kind: 'gas',
    names: {
      'uz-Latn': '{city} shahar gaz ta’minoti (Gorgaz)',
      'uz-Cyrl': '{city} шаҳар газ таъминоти (Горгаз)',
      ru: 'Горгаз г. {city}',
      en: '{city} city gas supply (Gorgas)',
    },
  },
  electricity: {
    kind: 'electricity',
    names: {
      'uz-Latn': '{city} shahar elektr tarmoqlari (Gorelektroset)',
      'uz-Cyrl': '{city} шаҳар электр тармоқлари (Горэлектросеть)',
      ru: 'Горэлектросеть г. {city}',
      en: '{city} city electricity network (Gorelektroset)',
    },
  },
  water: {
    kind: 'water',
    names: {
      'uz-Latn': '{city} shahar suv ta’minoti (Gorvodokanal)',
      'uz-Cyrl': '{city} шаҳар сув таъминоти (Горводоканал)',
      ru: 'Горводоканал г. {city}',
      en: '{city} city water supply (Gorvodokanal)',
    },
  },
  tax: {
    kind: 'tax',
    names: {
      'uz-Latn': '{city} shahar davlat soliq inspeksiyasi',
      'uz-Cyrl': '{city} шаҳар давлат солиқ инспекцияси',
      ru: 'Государственная налоговая инспекция г. {city}',
      en: '{city} city tax inspection',
    },
  },
  employment: {
    kind: 'employment',
    names: {
      'uz-Latn': '{city} shahar bandlikka ko‘maklashish va aholini ijtimoiy himoya qilish markazi',
      'uz-Cyrl': '{city} шаҳар бандликка кўмаклашиш ва аҳолини ижтимоий ҳимоя қилиш маркази',
      ru: 'Центр содействия занятости и социальной защиты населения г. {city}',
      en: '{city} centre for employment support and social protection',
    },
  },
  business: {
    kind: 'business',
    names: {
      'uz-Latn': '{city} shahar xususiy korxonalarni ro‘yxatdan o‘tkazish inspeksiyasi',
      'uz-Cyrl': '{city} шаҳар хусусий корхоналарни рўйхатдан ўтказиш инспекцияси',
      ru: 'Инспекция по регистрации субъектов предпринимательства г. {city}',
      en: '{city} inspection for registration of private enterprises',
    },
  },
  chamber: {
    kind: 'chamber',
    names: {
      'uz-Latn': 'Savdo-sanoat palatasining {city} konsalting markazi',
      'uz-Cyrl': 'Савдо-саноат палатасининг {city} консалтинг маркази',
      ru: 'Консалтинговый центр Торгово-промышленной палаты, г. {city}',
      en: 'Chamber of Commerce and Industry consulting centre, {city}',
    },
  },
  cadastre: {
    kind: 'cadastre',
    names: {
      'uz-Latn': '{city} shahar kadastr bo‘limi',
      'uz-Cyrl': '{city} шаҳар кадастр бўлими',
      ru: 'Кадастровое подразделение г. {city}',
      en: '{city} cadastre unit',
    },
  },
  bank: {
    kind: 'bank',
    names: {
      'uz-Latn': '«Ipoteka-bank» {city} filiali',
      'uz-Cyrl': '«Ипотека-банк» {city} филиали',
      ru: 'Филиал АИКБ «Ипотека-банк», г. {city}',
      en: 'IPOTEKA bank, {city} branch',
    },
  },
  info: {
    kind: 'info',
    names: {
      'uz-Latn': '{city} Yagona darcha markazi axborot xizmati',
      'uz-Cyrl': '{city} Ягона дарча маркази ахборот хизмати',
      ru: 'Информационная служба Центра «Единое окно», г. {city}',
      en: '{city} One-Stop-Shop information desk',
    },
  },
  oss: {
    kind: 'oss',
    names: {
      'uz-Latn': '{city} shahar Yagona darcha markazi DUK',
      'uz-Cyrl': '{city} шаҳар Ягона дарча маркази ДУК',
      ru: 'ГУП «Центр Единое окно» г. {city}',
      en: '{city} One-Stop-Shop (state unitary enterprise)',
    },
  },
} as const satisfies Record<string, { kind: string; names: LocalizedText }>;

export type AgencyType = keyof typeof AGENCY_TYPES;

/**
 * A city's agency of a known type, named after the city in each locale.
 *
 * @example
 * cityAgency('gas', 'gorgas', CHIRCHIK.names) // kind 'gas', "Горгаз г. Чирчик" ...
 */
export function cityAgency(
  type: AgencyType,
  code: string,
  cityNames: LocalizedText,
  extra: Partial<Omit<CityAgency, 'code' | 'kind'>> = {},
): CityAgency {
  const { kind, names } = AGENCY_TYPES[type];
  const local: LocalizedText = {};
  for (const [locale, template] of Object.entries(names) as [Locale, string][]) {
    local[locale] = template.replaceAll('{city}', cityNames[locale] ?? cityNames.en ?? code);
  }
  return { code, kind, names: local, ...extra };
}
