import type { ServiceDefinition } from '@darcha/core';
import { defineService } from '@darcha/service-kit';
import { CONFIRMATION_WORKING_DAYS, roomRentalWorkflow } from '../workflows/room-rental-workflow.js';
import { ROOM_RENTAL_FEE } from './oss-fees.js';
import { ROOM_RENTAL_FORM, ROOM_RENTAL_UI } from './room-rental-form.js';

/** The code of the training-room rental. */
export const ROOM_RENTAL_CODE = 'oss.room-rental';

/**
 * The training-room rental (services.md; the 2014 workshop: Djizak and Namangan rent out their
 * training room for seminars and trainings to finance themselves): for anyone, by the hour, the
 * booking confirmed by the front office within one working day.
 */
export const roomRental: ServiceDefinition = defineService({
  code: ROOM_RENTAL_CODE,
  category: 'oss-services.rooms',
  names: {
    'uz-Latn': 'O‘quv xonasini soatbay ijaraga olish',
    'uz-Cyrl': 'Ўқув хонасини соатбай ижарага олиш',
    ru: 'Почасовая аренда учебного зала',
    en: 'Training-room rental by the hour',
  },
  descriptions: {
    'uz-Latn':
      'Seminar yoki trening uchun markazning o‘quv xonasini soatbay band qilish; bandlov bir ish kuni ichida tasdiqlanadi.',
    'uz-Cyrl':
      'Семинар ёки тренинг учун марказнинг ўқув хонасини соатбай банд қилиш; бандлов бир иш куни ичида тасдиқланади.',
    ru: 'Бронирование учебного зала центра для семинара или тренинга с почасовой оплатой; бронь подтверждается в течение одного рабочего дня.',
    en: 'Book the centre’s training room by the hour for a seminar or a training; the booking is confirmed within one working day.',
  },
  form: ROOM_RENTAL_FORM,
  ui: ROOM_RENTAL_UI,
  fee: ROOM_RENTAL_FEE,
  sla: { unit: 'working_days', value: CONFIRMATION_WORKING_DAYS }, // services.md
  workflow: roomRentalWorkflow.key,
  keywords: {
    'uz-Latn': ['xona', 'ijara', 'seminar', 'trening', 'zal'],
    'uz-Cyrl': ['хона', 'ижара', 'семинар', 'тренинг', 'зал'],
    ru: ['аренда', 'зал', 'семинар', 'тренинг', 'помещение'],
    en: ['room', 'rental', 'seminar', 'training', 'hall'],
  },
});
