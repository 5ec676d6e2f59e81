import { utilityBasics } from '../utility-kit/index.js';

/**
 * Gorgas's connection, no-debt certificate and debt information, built by the utility kit that the
 * electricity and water packs share.
 */
export const gasBasics = utilityBasics({
  pluginId: 'agency-gas',
  area: 'gas',
  category: 'utilities.gas',
  connection: {
    names: {
      'uz-Latn': 'Gaz tarmog‘iga ulanish',
      'uz-Cyrl': 'Газ тармоғига уланиш',
      ru: 'Подключение к газовой сети',
      en: 'Gas connection',
    },
    descriptions: {
      'uz-Latn': 'Texnik shartlar beriladi, so‘ng uy yoki bino gaz tarmog‘iga ulanadi.',
      'uz-Cyrl': 'Техник шартлар берилади, сўнг уй ёки бино газ тармоғига уланади.',
      ru: 'Выдаются технические условия, затем дом или здание подключается к газовой сети.',
      en: 'Technical conditions are issued, then the house or building is connected to the gas network.',
    },
    keywords: { 'uz-Latn': ['gaz', 'ulanish'], ru: ['газ', 'подключение'], en: ['gas', 'connection'] },
    // *assumed*: services.md gives no deadline for a gas connection; 5 + 10 working days.
    reviewDays: 5,
    connectionDays: 10,
    fields: {
      appliances: {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { enum: ['stove', 'water-heater', 'boiler'] },
      },
    },
    document: {
      'uz-Latn': {
        title: 'Gaz tarmog‘iga ulanish dalolatnomasi',
        statement: '{{holder.name}} mulki ({{form.address}}) gaz tarmog‘iga ulandi.',
      },
      'uz-Cyrl': {
        title: 'Газ тармоғига уланиш далолатномаси',
        statement: '{{holder.name}} мулки ({{form.address}}) газ тармоғига уланди.',
      },
      ru: {
        title: 'Акт подключения к газовой сети',
        statement: 'Объект заявителя {{holder.name}} ({{form.address}}) подключён к газовой сети.',
      },
      en: {
        title: 'Gas connection act',
        statement: 'The property of {{holder.name}} ({{form.address}}) is connected to the gas network.',
      },
    },
  },
  noDebtCertificate: {
    names: {
      'uz-Latn': 'Gaz uchun qarzdorlik yo‘qligi haqida ma’lumotnoma',
      'uz-Cyrl': 'Газ учун қарздорлик йўқлиги ҳақида маълумотнома',
      ru: 'Справка об отсутствии задолженности за газ',
      en: 'Certificate of no gas debt',
    },
    descriptions: {
      'uz-Latn': 'Hisob raqami bo‘yicha gaz uchun qarz yo‘qligini tasdiqlaydi (uy-joy sotish, ijara uchun).',
      'uz-Cyrl': 'Ҳисоб рақами бўйича газ учун қарз йўқлигини тасдиқлайди (уй-жой сотиш, ижара учун).',
      ru: 'Подтверждает отсутствие долга за газ по лицевому счёту (для продажи жилья, аренды).',
      en: 'Confirms that the account owes nothing for gas (for a sale or a lease of the home).',
    },
    keywords: {
      'uz-Latn': ['gaz', 'qarz', 'ma’lumotnoma'],
      ru: ['газ', 'долг', 'справка'],
      en: ['gas', 'debt'],
    },
    document: {
      'uz-Latn': {
        title: 'Gaz uchun qarzdorlik yo‘qligi haqida ma’lumotnoma',
        statement: '{{form.account}} hisob raqami bo‘yicha {{date issuedAt}} holatiga gaz uchun qarz yo‘q.',
      },
      'uz-Cyrl': {
        title: 'Газ учун қарздорлик йўқлиги ҳақида маълумотнома',
        statement: '{{form.account}} ҳисоб рақами бўйича {{date issuedAt}} ҳолатига газ учун қарз йўқ.',
      },
      ru: {
        title: 'Справка об отсутствии задолженности за газ',
        statement: 'По лицевому счёту {{form.account}} задолженности за газ на {{date issuedAt}} нет.',
      },
      en: {
        title: 'Certificate of no gas debt',
        statement: 'Account {{form.account}} owes nothing for gas as of {{date issuedAt}}.',
      },
    },
  },
  debtInformation: {
    names: {
      'uz-Latn': 'Gaz uchun qarzdorlik haqida ma’lumot',
      'uz-Cyrl': 'Газ учун қарздорлик ҳақида маълумот',
      ru: 'Сведения о задолженности за газ',
      en: 'Gas debt information',
    },
    descriptions: {
      'uz-Latn': 'Hisob raqami bo‘yicha qarz miqdori haqida bepul maslahat.',
      'uz-Cyrl': 'Ҳисоб рақами бўйича қарз миқдори ҳақида бепул маслаҳат.',
      ru: 'Бесплатная консультация о сумме долга по лицевому счёту.',
      en: 'A free consultation on what the account owes.',
    },
    keywords: { 'uz-Latn': ['gaz', 'qarz'], ru: ['газ', 'долг'], en: ['gas', 'debt', 'balance'] },
  },
});
