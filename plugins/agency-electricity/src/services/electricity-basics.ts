import { utilityBasics } from '@darcha/plugin-agency-gas';

/** Gorelektroset's connection, no-debt certificate and debt information, built by the shared utility kit. */
export const electricityBasics = utilityBasics({
  pluginId: 'agency-electricity',
  area: 'electricity',
  category: 'utilities.electricity',
  connection: {
    names: {
      'uz-Latn': 'Elektr tarmog‘iga ulanish',
      'uz-Cyrl': 'Электр тармоғига уланиш',
      ru: 'Подключение к электрической сети',
      en: 'Electricity connection',
    },
    descriptions: {
      'uz-Latn': 'Texnik shartlar beriladi, so‘ng obyekt elektr tarmog‘iga ulanadi. Onlayn ariza bepul.',
      'uz-Cyrl': 'Техник шартлар берилади, сўнг объект электр тармоғига уланади. Онлайн ариза бепул.',
      ru: 'Выдаются технические условия, затем объект подключается к электросети. Бесплатно через онлайн-платформу.',
      en: 'Technical conditions are issued, then the property is connected to the grid. Free through the online platform.',
    },
    keywords: {
      'uz-Latn': ['elektr', 'svet', 'ulanish'],
      ru: ['электричество', 'свет', 'подключение'],
      en: ['electricity', 'power', 'connection'],
    },
    // *assumed* 10 working days in all (services.md): 5 for the technical conditions, 5 to connect.
    reviewDays: 5,
    connectionDays: 5,
    fields: { requestedPowerKw: { type: 'number', exclusiveMinimum: 0, maximum: 1000 } },
    document: {
      'uz-Latn': {
        title: 'Elektr tarmog‘iga ulanish dalolatnomasi',
        statement:
          '{{holder.name}} obyekti ({{form.address}}) {{form.requestedPowerKw}} kVt quvvat bilan elektr tarmog‘iga ulandi.',
      },
      'uz-Cyrl': {
        title: 'Электр тармоғига уланиш далолатномаси',
        statement:
          '{{holder.name}} объекти ({{form.address}}) {{form.requestedPowerKw}} кВт қувват билан электр тармоғига уланди.',
      },
      ru: {
        title: 'Акт подключения к электрической сети',
        statement:
          'Объект заявителя {{holder.name}} ({{form.address}}) подключён к электросети, мощность {{form.requestedPowerKw}} кВт.',
      },
      en: {
        title: 'Electricity connection act',
        statement:
          'The property of {{holder.name}} ({{form.address}}) is connected to the grid for {{form.requestedPowerKw}} kW.',
      },
    },
  },
  noDebtCertificate: {
    names: {
      'uz-Latn': 'Elektr energiyasi uchun qarzdorlik yo‘qligi haqida ma’lumotnoma',
      'uz-Cyrl': 'Электр энергияси учун қарздорлик йўқлиги ҳақида маълумотнома',
      ru: 'Справка об отсутствии задолженности за электроэнергию',
      en: 'Certificate of no electricity debt',
    },
    descriptions: {
      'uz-Latn': 'Hisob raqami bo‘yicha elektr energiyasi uchun qarz yo‘qligini tasdiqlaydi.',
      'uz-Cyrl': 'Ҳисоб рақами бўйича электр энергияси учун қарз йўқлигини тасдиқлайди.',
      ru: 'Подтверждает отсутствие долга за электроэнергию по лицевому счёту.',
      en: 'Confirms that the account owes nothing for electricity.',
    },
    keywords: {
      'uz-Latn': ['elektr', 'qarz', 'ma’lumotnoma'],
      ru: ['электроэнергия', 'долг', 'справка'],
      en: ['electricity', 'debt'],
    },
    document: {
      'uz-Latn': {
        title: 'Elektr energiyasi uchun qarzdorlik yo‘qligi haqida ma’lumotnoma',
        statement:
          '{{form.account}} hisob raqami bo‘yicha {{date issuedAt}} holatiga elektr energiyasi uchun qarz yo‘q.',
      },
      'uz-Cyrl': {
        title: 'Электр энергияси учун қарздорлик йўқлиги ҳақида маълумотнома',
        statement:
          '{{form.account}} ҳисоб рақами бўйича {{date issuedAt}} ҳолатига электр энергияси учун қарз йўқ.',
      },
      ru: {
        title: 'Справка об отсутствии задолженности за электроэнергию',
        statement:
          'По лицевому счёту {{form.account}} задолженности за электроэнергию на {{date issuedAt}} нет.',
      },
      en: {
        title: 'Certificate of no electricity debt',
        statement: 'Account {{form.account}} owes nothing for electricity as of {{date issuedAt}}.',
      },
    },
  },
  debtInformation: {
    names: {
      'uz-Latn': 'Elektr energiyasi uchun qarzdorlik haqida ma’lumot',
      'uz-Cyrl': 'Электр энергияси учун қарздорлик ҳақида маълумот',
      ru: 'Сведения о задолженности за электроэнергию',
      en: 'Electricity debt information',
    },
    descriptions: {
      'uz-Latn': 'Hisob raqami bo‘yicha qarz miqdori haqida bepul maslahat.',
      'uz-Cyrl': 'Ҳисоб рақами бўйича қарз миқдори ҳақида бепул маслаҳат.',
      ru: 'Бесплатная консультация о сумме долга по лицевому счёту.',
      en: 'A free consultation on what the account owes.',
    },
    keywords: { 'uz-Latn': ['elektr', 'qarz'], ru: ['электроэнергия', 'долг'], en: ['electricity', 'debt'] },
  },
});
