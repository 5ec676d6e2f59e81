import { defaultCalendar, type CalendarDefinition, type CreateTenantInput } from '@darcha/core';
import { uzbekistanHolidays } from './uzbekistan-holidays.js';

/** The country's tenant: where the BHM table and the national calendar live. */
export const UZBEKISTAN: CreateTenantInput = {
  id: 'uz',
  kind: 'country',
  names: { 'uz-Latn': 'O‘zbekiston', 'uz-Cyrl': 'Ўзбекистон', ru: 'Узбекистан', en: 'Uzbekistan' },
};

/** The regions of the first cities (a region's tenant id is `uz.<slug>`). */
export const UZBEKISTAN_REGIONS: readonly CreateTenantInput[] = [
  {
    id: 'uz.tashkent-region',
    kind: 'region',
    parentId: 'uz',
    names: {
      'uz-Latn': 'Toshkent viloyati',
      'uz-Cyrl': 'Тошкент вилояти',
      ru: 'Ташкентская область',
      en: 'Tashkent region',
    },
  },
  {
    id: 'uz.jizzakh-region',
    kind: 'region',
    parentId: 'uz',
    names: {
      'uz-Latn': 'Jizzax viloyati',
      'uz-Cyrl': 'Жиззах вилояти',
      ru: 'Джизакская область',
      en: 'Jizzakh region',
    },
  },
  {
    id: 'uz.namangan-region',
    kind: 'region',
    parentId: 'uz',
    names: {
      'uz-Latn': 'Namangan viloyati',
      'uz-Cyrl': 'Наманган вилояти',
      ru: 'Наманганская область',
      en: 'Namangan region',
    },
  },
];

/**
 * The national calendar, set on the country's tenant and inherited by every region and city that
 * has none of its own: Asia/Tashkent, Monday to Friday 09:00-13:00 and 14:00-18:00, the public
 * holidays of 2013-2027.
 */
export function uzbekistanCalendar(): CalendarDefinition {
  return { ...defaultCalendar('Asia/Tashkent'), holidays: uzbekistanHolidays() };
}
