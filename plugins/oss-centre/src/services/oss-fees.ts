import { SCHEDULE_RULE, type FeeSchedule, type ServiceFee } from '@darcha/core';
import { SOCIAL_DISCOUNTS } from '@darcha/service-kit';

/**
 * The centre's own tariffs. No source gives them (services.md: "paid per hour (*assumed* tariff)"),
 * so every amount here is *assumed*, as a multiple of the BHM in force on the filing date so that it
 * follows the BHM, and every fee is `tenantOverridable`: a city sets its own price list in its catalog
 * entry. The 50% discount of the social register and disability groups I and II applies as it does
 * to state fees (*assumed*: the law speaks of state services; the centre extends it to its own).
 */

/** One hour of a room: 0.1 BHM (41,200 soums with the 2025 BHM). *Assumed*. */
export const ROOM_HOUR_BHM = 0.1;

/** The room's fee: per hour booked, read from the form's `hours`. */
export const ROOM_RENTAL_FEE_SCHEDULE = {
  amount: { bhm: ROOM_HOUR_BHM },
  perUnit: {
    field: '/hours',
    unit: 'hour',
    unitNames: { 'uz-Latn': 'soat', 'uz-Cyrl': 'соат', ru: 'час', en: 'hour' },
    min: 1,
    max: 8,
  },
  discounts: SOCIAL_DISCOUNTS,
  // Invoiced when the front office confirms the booking (`core/create-invoice`), not at filing.
  invoiceAt: 'effect',
  payableDays: 7, // the workflow cancels an unpaid booking sooner (2 working days)
} satisfies FeeSchedule;

/** The kinds of computer work and their unit. */
export const COMPUTER_JOBS = {
  printing: 'page',
  scanning: 'page',
  typing: 'page',
  internet: 'hour',
} as const;

/** A kind of computer work. */
export type ComputerJob = keyof typeof COMPUTER_JOBS;

/**
 * Per page or per hour by the kind of work (*assumed*, at 2025's BHM): printing and scanning 0.002
 * BHM a page (824 soums), typing 0.01 BHM a page (4,120), internet access 0.015 BHM an hour (6,180).
 * The tier picks the price of one unit; `perUnit` multiplies it by the form's `quantity`.
 */
export const COMPUTER_SERVICES_FEE_SCHEDULE = {
  tiers: [
    {
      id: 'printing',
      names: {
        'uz-Latn': 'chop etish, sahifa',
        'uz-Cyrl': 'чоп этиш, саҳифа',
        ru: 'печать, страница',
        en: 'printing, per page',
      },
      when: [{ field: '/kind', equals: 'printing' }],
      amount: { bhm: 0.002 },
    },
    {
      id: 'scanning',
      names: {
        'uz-Latn': 'skanerlash, sahifa',
        'uz-Cyrl': 'сканерлаш, саҳифа',
        ru: 'сканирование, страница',
        en: 'scanning, per page',
      },
      when: [{ field: '/kind', equals: 'scanning' }],
      amount: { bhm: 0.002 },
    },
    {
      id: 'typing',
      names: {
        'uz-Latn': 'matn terish, sahifa',
        'uz-Cyrl': 'матн териш, саҳифа',
        ru: 'набор текста, страница',
        en: 'typing, per page',
      },
      when: [{ field: '/kind', equals: 'typing' }],
      amount: { bhm: 0.01 },
    },
    {
      id: 'internet',
      names: {
        'uz-Latn': 'internet, soat',
        'uz-Cyrl': 'интернет, соат',
        ru: 'доступ в интернет, час',
        en: 'internet access, per hour',
      },
      when: [{ field: '/kind', equals: 'internet' }],
      amount: { bhm: 0.015 },
    },
  ],
  perUnit: { field: '/quantity', unit: 'unit', min: 1, max: 500 },
  discounts: SOCIAL_DISCOUNTS,
} satisfies FeeSchedule;

/** The room's fee as the service definition holds it. */
export const ROOM_RENTAL_FEE: ServiceFee = {
  free: false,
  rule: SCHEDULE_RULE,
  params: ROOM_RENTAL_FEE_SCHEDULE,
  tenantOverridable: true,
};
/** The computer services' fee as the service definition holds it. */
export const COMPUTER_SERVICES_FEE: ServiceFee = {
  free: false,
  rule: SCHEDULE_RULE,
  params: COMPUTER_SERVICES_FEE_SCHEDULE,
  tenantOverridable: true,
};
