import type { Locale } from '@darcha/core';

/** The verify page's words, per locale. */
export interface PageTexts {
  language: string;
  title: string;
  valid: string;
  revoked: string;
  issuer: string;
  type: string;
  issuedAt: string;
  holder: string;
  revokedAt: string;
  reason: string;
  note: string;
  notFoundTitle: string;
  notFound: string;
  unavailableTitle: string;
  unavailable: string;
}

export const PAGE_TEXTS: Record<Locale, PageTexts> = {
  'uz-Latn': {
    language: "O'zbekcha",
    title: 'Hujjatni tekshirish',
    valid: 'Hujjat haqiqiy',
    revoked: 'Hujjat bekor qilingan',
    issuer: 'Bergan tashkilot',
    type: 'Hujjat turi',
    issuedAt: 'Berilgan sana',
    holder: 'Egasi (bosh harflar)',
    revokedAt: 'Bekor qilingan sana',
    reason: 'Sababi',
    note: "Hujjatdagi ma'lumotlarni asl nusxa bilan solishtiring: bu sahifa faqat bosh harflarni ko'rsatadi.",
    notFoundTitle: 'Hujjat topilmadi',
    notFound:
      "Bu kod bilan hujjat topilmadi. Kodni QR-kod ostida yozilganidek kiriting va manzildagi shahar to'g'riligini tekshiring.",
    unavailableTitle: 'Xizmat vaqtincha ishlamayapti',
    unavailable: "Birozdan so'ng qayta urinib ko'ring.",
  },
  'uz-Cyrl': {
    language: 'Ўзбекча',
    title: 'Ҳужжатни текшириш',
    valid: 'Ҳужжат ҳақиқий',
    revoked: 'Ҳужжат бекор қилинган',
    issuer: 'Берган ташкилот',
    type: 'Ҳужжат тури',
    issuedAt: 'Берилган сана',
    holder: 'Эгаси (бош ҳарфлар)',
    revokedAt: 'Бекор қилинган сана',
    reason: 'Сабаби',
    note: 'Ҳужжатдаги маълумотларни асл нусха билан солиштиринг: бу саҳифа фақат бош ҳарфларни кўрсатади.',
    notFoundTitle: 'Ҳужжат топилмади',
    notFound:
      'Бу код билан ҳужжат топилмади. Кодни QR-код остида ёзилганидек киритинг ва манзилдаги шаҳар тўғрилигини текширинг.',
    unavailableTitle: 'Хизмат вақтинча ишламаяпти',
    unavailable: 'Бироздан сўнг қайта уриниб кўринг.',
  },
  ru: {
    language: 'Русский',
    title: 'Проверка документа',
    valid: 'Документ действителен',
    revoked: 'Документ аннулирован',
    issuer: 'Выдан',
    type: 'Тип документа',
    issuedAt: 'Дата выдачи',
    holder: 'Владелец (инициалы)',
    revokedAt: 'Дата аннулирования',
    reason: 'Причина',
    note: 'Сверьте данные с оригиналом документа: эта страница показывает только инициалы.',
    notFoundTitle: 'Документ не найден',
    notFound:
      'Документ с таким кодом не найден. Введите код так, как он напечатан под QR-кодом, и проверьте город в адресе.',
    unavailableTitle: 'Сервис временно недоступен',
    unavailable: 'Попробуйте ещё раз чуть позже.',
  },
  en: {
    language: 'English',
    title: 'Document verification',
    valid: 'This document is valid',
    revoked: 'This document was revoked',
    issuer: 'Issued by',
    type: 'Document type',
    issuedAt: 'Date of issue',
    holder: 'Holder (initials)',
    revokedAt: 'Revoked on',
    reason: 'Reason',
    note: 'Compare the details with the original document: this page shows initials only.',
    notFoundTitle: 'Document not found',
    notFound:
      'No document has this code. Type the code as printed under the QR code, and check the city in the address.',
    unavailableTitle: 'Temporarily unavailable',
    unavailable: 'Please try again in a moment.',
  },
};

const TYPE_NAMES: Record<string, Record<Locale, string>> = {
  certificate: { 'uz-Latn': "Ma'lumotnoma", 'uz-Cyrl': 'Маълумотнома', ru: 'Справка', en: 'Certificate' },
  extract: { 'uz-Latn': "Ko'chirma", 'uz-Cyrl': 'Кўчирма', ru: 'Выписка', en: 'Extract' },
  permit: { 'uz-Latn': 'Ruxsatnoma', 'uz-Cyrl': 'Рухсатнома', ru: 'Разрешение', en: 'Permit' },
  licence: { 'uz-Latn': 'Litsenziya', 'uz-Cyrl': 'Лицензия', ru: 'Лицензия', en: 'Licence' },
};

/** A document type's name in a locale; an unknown type is shown as it is. */
export function documentTypeName(kind: string, locale: Locale): string {
  return TYPE_NAMES[kind]?.[locale] ?? kind;
}
