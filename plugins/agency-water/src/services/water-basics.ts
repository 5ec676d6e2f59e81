import { utilityBasics } from '@darcha/plugin-agency-gas';

/** Gorvodokanal's connection, no-debt certificate and debt information, built by the shared utility kit. */
export const waterBasics = utilityBasics({
  pluginId: 'agency-water',
  area: 'water',
  category: 'utilities.water',
  connection: {
    names: {
      'uz-Latn': 'Suv ta’minoti va kanalizatsiyaga ulanish',
      'uz-Cyrl': 'Сув таъминоти ва канализацияга уланиш',
      ru: 'Подключение к водопроводу и канализации',
      en: 'Water and sewerage connection',
    },
    descriptions: {
      'uz-Latn':
        'Texnik shartlar beriladi, so‘ng obyekt suv ta’minoti yoki kanalizatsiya tarmog‘iga ulanadi.',
      'uz-Cyrl': 'Техник шартлар берилади, сўнг объект сув таъминоти ёки канализация тармоғига уланади.',
      ru: 'Выдаются технические условия, затем объект подключается к водопроводу или канализации.',
      en: 'Technical conditions are issued, then the property is connected to the water or sewerage network.',
    },
    keywords: {
      'uz-Latn': ['suv', 'kanalizatsiya', 'ulanish'],
      ru: ['вода', 'водопровод', 'канализация'],
      en: ['water', 'sewerage', 'connection'],
    },
    // *assumed*: services.md gives no deadline for a water connection; 5 + 5 working days.
    reviewDays: 5,
    connectionDays: 5,
    fields: { networks: { enum: ['water', 'sewerage', 'both'] } },
    document: {
      'uz-Latn': {
        title: 'Suv ta’minoti tarmog‘iga ulanish dalolatnomasi',
        statement: '{{holder.name}} obyekti ({{form.address}}) tarmoqqa ulandi.',
      },
      'uz-Cyrl': {
        title: 'Сув таъминоти тармоғига уланиш далолатномаси',
        statement: '{{holder.name}} объекти ({{form.address}}) тармоққа уланди.',
      },
      ru: {
        title: 'Акт подключения к водопроводной сети',
        statement: 'Объект заявителя {{holder.name}} ({{form.address}}) подключён к сети.',
      },
      en: {
        title: 'Water connection act',
        statement: 'The property of {{holder.name}} ({{form.address}}) is connected to the network.',
      },
    },
  },
  noDebtCertificate: {
    names: {
      'uz-Latn': 'Ichimlik suvi uchun qarzdorlik yo‘qligi haqida ma’lumotnoma',
      'uz-Cyrl': 'Ичимлик суви учун қарздорлик йўқлиги ҳақида маълумотнома',
      ru: 'Справка об отсутствии задолженности за воду',
      en: 'Certificate of no water debt',
    },
    descriptions: {
      'uz-Latn': 'Hisob raqami bo‘yicha suv va kanalizatsiya uchun qarz yo‘qligini tasdiqlaydi.',
      'uz-Cyrl': 'Ҳисоб рақами бўйича сув ва канализация учун қарз йўқлигини тасдиқлайди.',
      ru: 'Подтверждает отсутствие долга за воду и канализацию по лицевому счёту.',
      en: 'Confirms that the account owes nothing for water and sewerage.',
    },
    keywords: {
      'uz-Latn': ['suv', 'qarz', 'ma’lumotnoma'],
      ru: ['вода', 'долг', 'справка'],
      en: ['water', 'debt'],
    },
    document: {
      'uz-Latn': {
        title: 'Ichimlik suvi uchun qarzdorlik yo‘qligi haqida ma’lumotnoma',
        statement: '{{form.account}} hisob raqami bo‘yicha {{date issuedAt}} holatiga suv uchun qarz yo‘q.',
      },
      'uz-Cyrl': {
        title: 'Ичимлик суви учун қарздорлик йўқлиги ҳақида маълумотнома',
        statement: '{{form.account}} ҳисоб рақами бўйича {{date issuedAt}} ҳолатига сув учун қарз йўқ.',
      },
      ru: {
        title: 'Справка об отсутствии задолженности за воду',
        statement: 'По лицевому счёту {{form.account}} задолженности за воду на {{date issuedAt}} нет.',
      },
      en: {
        title: 'Certificate of no water debt',
        statement: 'Account {{form.account}} owes nothing for water as of {{date issuedAt}}.',
      },
    },
  },
  debtInformation: {
    names: {
      'uz-Latn': 'Suv uchun qarzdorlik haqida ma’lumot',
      'uz-Cyrl': 'Сув учун қарздорлик ҳақида маълумот',
      ru: 'Сведения о задолженности за воду',
      en: 'Water debt information',
    },
    descriptions: {
      'uz-Latn': 'Hisob raqami bo‘yicha qarz miqdori haqida bepul maslahat.',
      'uz-Cyrl': 'Ҳисоб рақами бўйича қарз миқдори ҳақида бепул маслаҳат.',
      ru: 'Бесплатная консультация о сумме долга по лицевому счёту.',
      en: 'A free consultation on what the account owes.',
    },
    keywords: { 'uz-Latn': ['suv', 'qarz'], ru: ['вода', 'долг'], en: ['water', 'debt'] },
  },
});
