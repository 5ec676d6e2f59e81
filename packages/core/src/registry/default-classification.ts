import type { ServiceCategory } from './types.js';

/**
 * Core's classification tree: the roots every installation has. The 2014 workshop asked to
 * "classify public services"; these are the groups the OSS halls of Chirchik, Djizak and Namangan
 * served. Plugins add the leaves below them (`utilities.gas`, `property.cadastre`), and services sit
 * in leaves only.
 */
export const DEFAULT_CATEGORIES: readonly ServiceCategory[] = Object.freeze(
  [
    {
      id: 'utilities',
      order: 1,
      names: {
        'uz-Latn': 'Kommunal xizmatlar',
        'uz-Cyrl': 'Коммунал хизматлар',
        ru: 'Коммунальные услуги',
        en: 'Utilities',
      },
    },
    {
      id: 'social-protection',
      order: 2,
      names: {
        'uz-Latn': 'Ijtimoiy himoya va bandlik',
        'uz-Cyrl': 'Ижтимоий ҳимоя ва бандлик',
        ru: 'Социальная защита и занятость',
        en: 'Social protection and employment',
      },
    },
    {
      id: 'business',
      order: 3,
      names: {
        'uz-Latn': 'Biznes va tadbirkorlik',
        'uz-Cyrl': 'Бизнес ва тадбиркорлик',
        ru: 'Бизнес и предпринимательство',
        en: 'Business and entrepreneurship',
      },
    },
    {
      id: 'property',
      order: 4,
      names: {
        'uz-Latn': 'Mulk va yer',
        'uz-Cyrl': 'Мулк ва ер',
        ru: 'Недвижимость и земля',
        en: 'Property and land',
      },
    },
    {
      id: 'documents',
      order: 5,
      names: {
        'uz-Latn': "Hujjatlar va ma'lumotnomalar",
        'uz-Cyrl': 'Ҳужжатлар ва маълумотномалар',
        ru: 'Документы и справки',
        en: 'Documents and certificates',
      },
    },
    {
      id: 'information',
      order: 6,
      names: {
        'uz-Latn': 'Axborot va maslahat',
        'uz-Cyrl': 'Ахборот ва маслаҳат',
        ru: 'Информация и консультации',
        en: 'Information and consultation',
      },
    },
    {
      id: 'oss-services',
      order: 7,
      names: {
        'uz-Latn': 'Yagona darcha markazining pullik xizmatlari',
        'uz-Cyrl': 'Ягона дарча марказининг пуллик хизматлари',
        ru: 'Платные услуги центра «единого окна»',
        en: "The one-stop shop's own paid services",
      },
    },
  ].map((category) => Object.freeze({ ...category, names: Object.freeze(category.names) })),
);
