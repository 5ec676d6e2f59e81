import type { LocalizedText } from '@darcha/core';

/** Names of the states and actions every kit workflow shares, in the four locales. */
export const WORKFLOW_NAMES = {
  submitted: { 'uz-Latn': 'Qabul qilindi', 'uz-Cyrl': 'Қабул қилинди', ru: 'Принято', en: 'Submitted' },
  awaitingPayment: {
    'uz-Latn': "To'lov kutilmoqda",
    'uz-Cyrl': 'Тўлов кутилмоқда',
    ru: 'Ожидает оплаты',
    en: 'Awaiting payment',
  },
  ready: { 'uz-Latn': 'Tayyor', 'uz-Cyrl': 'Тайёр', ru: 'Готово к выдаче', en: 'Ready' },
  completed: { 'uz-Latn': 'Bajarildi', 'uz-Cyrl': 'Бажарилди', ru: 'Исполнено', en: 'Completed' },
  rejected: { 'uz-Latn': 'Rad etildi', 'uz-Cyrl': 'Рад этилди', ru: 'Отказано', en: 'Rejected' },
  cancelled: {
    'uz-Latn': "Bekor qilindi (to'lanmadi)",
    'uz-Cyrl': 'Бекор қилинди (тўланмади)',
    ru: 'Отменено (не оплачено)',
    en: 'Cancelled (not paid)',
  },
  takeInWork: {
    'uz-Latn': 'Ishga olish',
    'uz-Cyrl': 'Ишга олиш',
    ru: 'Взять в работу',
    en: 'Take into work',
  },
  confirmPayment: {
    'uz-Latn': "To'lovni tasdiqlash",
    'uz-Cyrl': 'Тўловни тасдиқлаш',
    ru: 'Подтвердить оплату',
    en: 'Confirm payment',
  },
  expire: {
    'uz-Latn': "Muddatida to'lanmadi",
    'uz-Cyrl': 'Муддатида тўланмади',
    ru: 'Не оплачено в срок',
    en: 'Not paid in time',
  },
  handOver: {
    'uz-Latn': 'Arizachiga topshirish',
    'uz-Cyrl': 'Аризачига топшириш',
    ru: 'Выдать заявителю',
    en: 'Hand over to the applicant',
  },
  reject: { 'uz-Latn': 'Rad etish', 'uz-Cyrl': 'Рад этиш', ru: 'Отказать', en: 'Reject' },
  appeal: { 'uz-Latn': 'Shikoyat qilish', 'uz-Cyrl': 'Шикоят қилиш', ru: 'Обжаловать', en: 'Appeal' },
  answer: { 'uz-Latn': 'Javob berish', 'uz-Cyrl': 'Жавоб бериш', ru: 'Дать ответ', en: 'Answer' },
  answered: { 'uz-Latn': 'Javob berildi', 'uz-Cyrl': 'Жавоб берилди', ru: 'Ответ дан', en: 'Answered' },
  decline: {
    'uz-Latn': "Ma'lumot berib bo'lmaydi",
    'uz-Cyrl': 'Маълумот бериб бўлмайди',
    ru: 'Сведения предоставить нельзя',
    en: 'Cannot be answered',
  },
} as const satisfies Record<string, LocalizedText>;
