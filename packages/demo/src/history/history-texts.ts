import type { Locale } from '@darcha/core';

/** What a comment of the history says. */
export type TextKind =
  'reject' | 'appeal' | 'answer' | 'decline' | 'note' | 'praise' | 'complaint' | 'resolution';

/**
 * The comments officers and citizens wrote in the history, in the applicant's language: reasons
 * for rejections, appeals, answers of the information desk, rating comments and the supervisors'
 * resolutions of low ratings. Made up for the demo, in the register such notes are written in.
 */
export const HISTORY_TEXTS: Record<TextKind, Record<Locale, readonly string[]>> = {
  reject: {
    'uz-Latn': [
      'Taqdim etilgan hujjatlar to‘liq emas.',
      'Ko‘rsatilgan ma’lumotlar reyestr ma’lumotlariga mos kelmaydi.',
      'Ariza beruvchi mulk egasi emas.',
    ],
    'uz-Cyrl': [
      'Тақдим этилган ҳужжатлар тўлиқ эмас.',
      'Кўрсатилган маълумотлар реестр маълумотларига мос келмайди.',
      'Ариза берувчи мулк эгаси эмас.',
    ],
    ru: [
      'Представлен неполный пакет документов.',
      'Указанные сведения не совпадают с данными реестра.',
      'Заявитель не является собственником объекта.',
    ],
    en: [
      'The documents submitted are incomplete.',
      'The details given do not match the register.',
      'The applicant is not the owner of the property.',
    ],
  },
  appeal: {
    'uz-Latn': ['Yetishmagan hujjatlar taqdim etildi, qayta ko‘rib chiqishni so‘rayman.'],
    'uz-Cyrl': ['Етишмаган ҳужжатлар тақдим этилди, қайта кўриб чиқишни сўрайман.'],
    ru: ['Недостающие документы представлены, прошу пересмотреть заявление.'],
    en: ['The missing documents are now provided; please review the application again.'],
  },
  answer: {
    'uz-Latn': [
      'Hisob raqami bo‘yicha ma’lumot berildi.',
      'Ariza beruvchiga tushuntirish berildi.',
      'Qarzdorlik summasi va to‘lov tartibi tushuntirildi.',
    ],
    'uz-Cyrl': [
      'Ҳисоб рақами бўйича маълумот берилди.',
      'Ариза берувчига тушунтириш берилди.',
      'Қарздорлик суммаси ва тўлов тартиби тушунтирилди.',
    ],
    ru: [
      'Сведения по лицевому счёту предоставлены.',
      'Заявителю даны разъяснения.',
      'Разъяснены сумма задолженности и порядок оплаты.',
    ],
    en: [
      'The account details were given.',
      'The applicant was given an explanation.',
      'The amount owed and how to pay it were explained.',
    ],
  },
  decline: {
    'uz-Latn': ['Bunday hisob raqami topilmadi.'],
    'uz-Cyrl': ['Бундай ҳисоб рақами топилмади.'],
    ru: ['Лицевой счёт с таким номером не найден.'],
    en: ['No account with this number was found.'],
  },
  note: {
    'uz-Latn': ['Bajarildi.'],
    'uz-Cyrl': ['Бажарилди.'],
    ru: ['Выполнено.'],
    en: ['Done.'],
  },
  praise: {
    'uz-Latn': ['Tez va xushmuomala xizmat uchun rahmat!', 'Hammasi tushunarli va o‘z vaqtida.'],
    'uz-Cyrl': ['Тез ва хушмуомала хизмат учун раҳмат!', 'Ҳаммаси тушунарли ва ўз вақтида.'],
    ru: ['Спасибо за быстрое и вежливое обслуживание!', 'Всё понятно и в срок.'],
    en: ['Thank you for the quick and polite service!', 'Everything clear and on time.'],
  },
  complaint: {
    'uz-Latn': ['Juda uzoq kutdim.', 'Natija haqida hech kim xabar bermadi.'],
    'uz-Cyrl': ['Жуда узоқ кутдим.', 'Натижа ҳақида ҳеч ким хабар бермади.'],
    ru: ['Очень долго ждал.', 'О результате никто не сообщил.'],
    en: ['I waited far too long.', 'Nobody told me about the result.'],
  },
  resolution: {
    'uz-Latn': ['Ariza beruvchi bilan bog‘lanildi, xodim bilan suhbat o‘tkazildi.'],
    'uz-Cyrl': ['Ариза берувчи билан боғланилди, ходим билан суҳбат ўтказилди.'],
    ru: ['С заявителем связались, с сотрудником проведена беседа.'],
    en: ['The applicant was contacted and the matter discussed with the officer.'],
  },
};
