import type { CalendarHoliday, LocalizedText } from '@darcha/core';

const FIXED: { monthDay: string; names: LocalizedText }[] = [
  {
    monthDay: '01-01',
    names: { 'uz-Latn': 'Yangi yil', 'uz-Cyrl': 'Янги йил', ru: 'Новый год', en: 'New Year' },
  },
  {
    monthDay: '03-08',
    names: {
      'uz-Latn': 'Xalqaro xotin-qizlar kuni',
      'uz-Cyrl': 'Халқаро хотин-қизлар куни',
      ru: 'Международный женский день',
      en: "International Women's Day",
    },
  },
  { monthDay: '03-21', names: { 'uz-Latn': 'Navro‘z', 'uz-Cyrl': 'Наврўз', ru: 'Навруз', en: 'Navruz' } },
  {
    monthDay: '05-09',
    names: {
      'uz-Latn': 'Xotira va qadrlash kuni',
      'uz-Cyrl': 'Хотира ва қадрлаш куни',
      ru: 'День памяти и почестей',
      en: 'Day of Remembrance and Honour',
    },
  },
  {
    monthDay: '09-01',
    names: {
      'uz-Latn': 'Mustaqillik kuni',
      'uz-Cyrl': 'Мустақиллик куни',
      ru: 'День независимости',
      en: 'Independence Day',
    },
  },
  {
    monthDay: '10-01',
    names: {
      'uz-Latn': 'O‘qituvchi va murabbiylar kuni',
      'uz-Cyrl': 'Ўқитувчи ва мураббийлар куни',
      ru: 'День учителя и наставника',
      en: "Teachers' Day",
    },
  },
  {
    monthDay: '12-08',
    names: {
      'uz-Latn': 'Konstitutsiya kuni',
      'uz-Cyrl': 'Конституция куни',
      ru: 'День Конституции',
      en: 'Constitution Day',
    },
  },
];

const RAMAZON: LocalizedText = {
  'uz-Latn': 'Ramazon hayiti',
  'uz-Cyrl': 'Рамазон ҳайити',
  ru: 'Рамазан хайит',
  en: 'Eid al-Fitr',
};
const QURBON: LocalizedText = {
  'uz-Latn': 'Qurbon hayiti',
  'uz-Cyrl': 'Қурбон ҳайити',
  ru: 'Курбан хайит',
  en: 'Eid al-Adha',
};

/**
 * The two Hayit holidays move with the lunar calendar and are fixed by decree each year. These are
 * the dates of the astronomical calendar; where a decree chose a neighbouring day they are
 * *assumed* and a city administrator corrects them in the calendar.
 */
const HAYIT: Record<number, [ramazon: string, qurbon: string]> = {
  2013: ['08-08', '10-15'],
  2014: ['07-28', '10-04'],
  2015: ['07-17', '09-24'],
  2016: ['07-06', '09-12'],
  2017: ['06-26', '09-01'],
  2018: ['06-15', '08-21'],
  2019: ['06-05', '08-12'],
  2020: ['05-24', '07-31'],
  2021: ['05-13', '07-20'],
  2022: ['05-02', '07-09'],
  2023: ['04-21', '06-28'],
  2024: ['04-10', '06-16'],
  2025: ['03-30', '06-06'],
  2026: ['03-20', '05-27'],
  2027: ['03-10', '05-16'],
};

/** The first and last years {@link uzbekistanHolidays} knows the Hayit dates of. */
export const HOLIDAY_YEARS = { from: 2013, to: 2027 } as const;

/**
 * Uzbekistan's public holidays (Labour Code, art. 132) from `from` to `to` inclusive: the seven
 * fixed days and the two Hayits. A Hayit on a fixed holiday (Qurbon hayit on Independence Day in
 * 2017) is listed once, with both names. Moved working days are decreed yearly and not included.
 */
export function uzbekistanHolidays(
  from: number = HOLIDAY_YEARS.from,
  to: number = HOLIDAY_YEARS.to,
): CalendarHoliday[] {
  const holidays = new Map<string, CalendarHoliday>();
  const add = (date: string, names: LocalizedText) => {
    const existing = holidays.get(date);
    holidays.set(date, { date, names: existing ? joinNames(existing.names ?? {}, names) : names });
  };
  for (let year = Math.max(from, HOLIDAY_YEARS.from); year <= Math.min(to, HOLIDAY_YEARS.to); year++) {
    for (const { monthDay, names } of FIXED) add(`${year}-${monthDay}`, names);
    const [ramazon, qurbon] = HAYIT[year]!;
    add(`${year}-${ramazon}`, RAMAZON);
    add(`${year}-${qurbon}`, QURBON);
  }
  return [...holidays.values()].sort((a, b) => a.date.localeCompare(b.date));
}

function joinNames(a: LocalizedText, b: LocalizedText): LocalizedText {
  const joined: LocalizedText = { ...a };
  for (const [locale, name] of Object.entries(b) as [keyof LocalizedText, string][]) {
    joined[locale] = a[locale] ? `${a[locale]}; ${name}` : name;
  }
  return joined;
}
