import type { FieldUiHint, JsonSchema } from '@darcha/core';
import { PHONE_FIELD, formUi, serviceForm } from '@darcha/service-kit';
import { MAX_CAPACITY, ROOM_CODE_PATTERN } from '../rooms/room-settings.js';
import { CLOSING_HOUR, MAX_HOURS, OPENING_HOUR } from '../rooms/room-slots.js';
import { withWidgets } from './form-widgets.js';

/**
 * For each start hour from which {@link MAX_HOURS} would run past closing time, the most hours a
 * session starting then may last (from 11:00 at most 7, from 17:00 one).
 */
const ENDS_BY_CLOSING: JsonSchema[] = [];
for (let start = OPENING_HOUR; start < CLOSING_HOUR; start++) {
  if (start + MAX_HOURS <= CLOSING_HOUR) continue;
  ENDS_BY_CLOSING.push({
    if: { properties: { startHour: { const: start } }, required: ['startHour'] },
    then: { properties: { hours: { maximum: CLOSING_HOUR - start } } },
  });
}

/**
 * The booking form: who books (PINFL or TIN), the room's code, the date (`YYYY-MM-DD`), the start
 * hour (09 to 17) and the number of hours (1 to 8, the session ending by 18:00), the purpose, the
 * participants (the room's capacity is checked when the booking is confirmed: it is the city's
 * setting) and a phone.
 */
export const ROOM_RENTAL_FORM: JsonSchema = {
  ...serviceForm({
    identity: 'either',
    properties: {
      room: { type: 'string', pattern: ROOM_CODE_PATTERN },
      date: { type: 'string', format: 'date' },
      startHour: { type: 'integer', minimum: OPENING_HOUR, maximum: CLOSING_HOUR - 1 },
      hours: { type: 'integer', minimum: 1, maximum: MAX_HOURS },
      purpose: { type: 'string', minLength: 3, maxLength: 300 },
      participants: { type: 'integer', minimum: 1, maximum: MAX_CAPACITY },
      phone: PHONE_FIELD,
    },
    required: ['room', 'date', 'startHour', 'hours', 'purpose', 'participants', 'phone'],
  }),
  allOf: ENDS_BY_CLOSING,
};

/** The form's display hints, in order, with help on the room, the hours and the participants. */
export const ROOM_RENTAL_UI: Record<string, FieldUiHint> = withWidgets(
  formUi(
    [
      'applicantType',
      'pinfl',
      'tin',
      'room',
      'date',
      'startHour',
      'hours',
      'participants',
      'purpose',
      'phone',
    ],
    {
      room: {
        'uz-Latn': 'Xona kodi (masalan, training-room); bo‘sh soatlarni markaz sahifasida ko‘ring',
        'uz-Cyrl': 'Хона коди (масалан, training-room); бўш соатларни марказ саҳифасида кўринг',
        ru: 'Код зала (например, training-room); свободные часы показаны на странице центра',
        en: 'The room code (e.g. training-room); the centre’s page shows the free hours',
      },
      startHour: {
        'uz-Latn': 'Boshlanish soati, 9 dan 17 gacha (Toshkent vaqti)',
        'uz-Cyrl': 'Бошланиш соати, 9 дан 17 гача (Тошкент вақти)',
        ru: 'Час начала, с 9 до 17 (ташкентское время)',
        en: 'Start hour, 9 to 17 (Tashkent time)',
      },
      hours: {
        'uz-Latn': '1 dan 8 soatgacha; mashg‘ulot soat 18:00 gacha tugashi kerak',
        'uz-Cyrl': '1 дан 8 соатгача; машғулот соат 18:00 гача тугаши керак',
        ru: 'От 1 до 8 часов; занятие должно закончиться к 18:00',
        en: '1 to 8 hours; the session must end by 18:00',
      },
      participants: {
        'uz-Latn': 'Ishtirokchilar soni xona sig‘imidan oshmasligi kerak',
        'uz-Cyrl': 'Иштирокчилар сони хона сиғимидан ошмаслиги керак',
        ru: 'Число участников не больше вместимости зала',
        en: 'No more participants than the room seats',
      },
    },
  ),
  { date: 'date', startHour: 'number', hours: 'number', participants: 'number', purpose: 'textarea' },
);
