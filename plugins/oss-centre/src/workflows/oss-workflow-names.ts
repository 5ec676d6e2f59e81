import type { LocalizedText } from '@darcha/core';

/** Names of the pack's own states and actions, in the four locales (the shared ones are the kit's). */
export const OSS_WORKFLOW_NAMES = {
  roomRental: {
    'uz-Latn': 'O‘quv xonasi ijarasi',
    'uz-Cyrl': 'Ўқув хонаси ижараси',
    ru: 'Аренда учебного зала',
    en: 'Training-room rental',
  },
  computerServices: {
    'uz-Latn': 'Kompyuter xizmatlari',
    'uz-Cyrl': 'Компьютер хизматлари',
    ru: 'Компьютерные услуги',
    en: 'Computer services',
  },
  requested: {
    'uz-Latn': 'Bandlov tasdiqlanishi kutilmoqda',
    'uz-Cyrl': 'Бандлов тасдиқланиши кутилмоқда',
    ru: 'Ожидает подтверждения брони',
    en: 'Awaiting booking confirmation',
  },
  confirmBooking: {
    'uz-Latn': 'Bandlovni tasdiqlash',
    'uz-Cyrl': 'Бандловни тасдиқлаш',
    ru: 'Подтвердить бронь',
    en: 'Confirm the booking',
  },
  booked: {
    'uz-Latn': 'Xona band qilindi',
    'uz-Cyrl': 'Хона банд қилинди',
    ru: 'Зал забронирован',
    en: 'Room booked',
  },
  sessionHeld: {
    'uz-Latn': 'Mashg‘ulot o‘tkazildi',
    'uz-Cyrl': 'Машғулот ўтказилди',
    ru: 'Мероприятие проведено',
    en: 'Session held',
  },
  cancelBooking: {
    'uz-Latn': 'Bandlovni bekor qilish',
    'uz-Cyrl': 'Бандловни бекор қилиш',
    ru: 'Отменить бронь',
    en: 'Cancel the booking',
  },
  withdrawn: {
    'uz-Latn': 'Bandlov bekor qilindi',
    'uz-Cyrl': 'Бандлов бекор қилинди',
    ru: 'Бронь отменена',
    en: 'Booking cancelled',
  },
  inWork: {
    'uz-Latn': 'Bajarilmoqda',
    'uz-Cyrl': 'Бажарилмоқда',
    ru: 'Выполняется',
    en: 'In progress',
  },
  doneHandedOver: {
    'uz-Latn': 'Bajarildi va topshirildi',
    'uz-Cyrl': 'Бажарилди ва топширилди',
    ru: 'Выполнено и выдано',
    en: 'Done and handed over',
  },
} as const satisfies Record<string, LocalizedText>;
