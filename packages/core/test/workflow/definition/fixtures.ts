import type { WorkflowDefinition, WorkflowReferenceLookup } from '../../../src/workflow/definition/types.js';

/**
 * Two workflows from the domain, as the gas and cadastre agency plugins would publish them; the
 * workflows guide shows them too. Each call returns a fresh copy, so a test may break it freely.
 */

/**
 * A no-debt certificate for gas: the back office takes the application into review (one working day,
 * escalated when breached), checks the account and issues the certificate; the front office hands it
 * over. Either officer role may reject, with a comment.
 */
export function noDebtCertificateWorkflow(): WorkflowDefinition {
  return {
    key: 'agency-gas/no-debt-certificate',
    version: 1,
    names: {
      'uz-Latn': "Gaz uchun qarzdorlik yo'qligi haqida ma'lumotnoma",
      'uz-Cyrl': 'Газ учун қарздорлик йўқлиги ҳақида маълумотнома',
      ru: 'Справка об отсутствии задолженности за газ',
      en: 'No-debt certificate for gas',
    },
    states: {
      submitted: {
        type: 'start',
        publicStatus: 'submitted',
        candidateRole: 'back_office',
        names: { 'uz-Latn': 'Qabul qilindi', 'uz-Cyrl': 'Қабул қилинди', ru: 'Принято', en: 'Submitted' },
      },
      in_review: {
        type: 'normal',
        publicStatus: 'in_progress',
        candidateRole: 'back_office',
        sla: { unit: 'working_days', value: 1, onBreach: 'escalate' },
        names: {
          'uz-Latn': "Ko'rib chiqilmoqda",
          'uz-Cyrl': 'Кўриб чиқилмоқда',
          ru: 'На рассмотрении',
          en: 'In review',
        },
      },
      ready: {
        type: 'normal',
        publicStatus: 'ready',
        candidateRole: 'front_office',
        names: {
          'uz-Latn': "Ma'lumotnoma tayyor",
          'uz-Cyrl': 'Маълумотнома тайёр',
          ru: 'Справка готова',
          en: 'Certificate ready',
        },
      },
      completed: {
        type: 'terminal',
        publicStatus: 'completed',
        names: { 'uz-Latn': 'Topshirildi', 'uz-Cyrl': 'Топширилди', ru: 'Выдано', en: 'Handed over' },
      },
      rejected: {
        type: 'terminal',
        publicStatus: 'rejected',
        names: { 'uz-Latn': 'Rad etildi', 'uz-Cyrl': 'Рад этилди', ru: 'Отказано', en: 'Rejected' },
      },
    },
    transitions: [
      {
        action: 'take_in_review',
        from: ['submitted'],
        to: 'in_review',
        roles: ['back_office'],
        public: true,
        names: {
          'uz-Latn': "Ko'rib chiqishga olish",
          'uz-Cyrl': 'Кўриб чиқишга олиш',
          ru: 'Взять на рассмотрение',
          en: 'Take into review',
        },
      },
      {
        action: 'issue_certificate',
        from: ['in_review'],
        to: 'ready',
        roles: ['back_office'],
        guards: ['core/is-assignee', 'agency-gas/no-debt'],
        effects: [
          { name: 'core/issue-document', template: 'agency-gas/no-debt-certificate' },
          { name: 'core/notify-applicant', template: 'agency-gas/certificate-ready' },
        ],
        public: true,
        names: {
          'uz-Latn': "Ma'lumotnomani rasmiylashtirish",
          'uz-Cyrl': 'Маълумотномани расмийлаштириш',
          ru: 'Оформить справку',
          en: 'Issue the certificate',
        },
      },
      {
        action: 'hand_over',
        from: ['ready'],
        to: 'completed',
        roles: ['front_office'],
        public: true,
        names: {
          'uz-Latn': 'Arizachiga topshirish',
          'uz-Cyrl': 'Аризачига топшириш',
          ru: 'Вручить заявителю',
          en: 'Hand over to the applicant',
        },
      },
      {
        action: 'reject',
        from: ['submitted', 'in_review'],
        to: 'rejected',
        roles: ['back_office', 'supervisor'],
        requires: { comment: true },
        effects: [{ name: 'core/notify-applicant', template: 'agency-gas/rejected' }],
        public: true,
        names: { 'uz-Latn': 'Rad etish', 'uz-Cyrl': 'Рад этиш', ru: 'Отказать', en: 'Reject' },
      },
    ],
  };
}

/**
 * An extract from the real estate register: the applicant pays first (ten working days, or the
 * application is cancelled); a registrar reviews it within the workflow's five working days, and may
 * ask for the technical passport, which stops that clock until the applicant uploads it (again ten
 * working days at most). A rejected applicant may appeal within 15 calendar days, which sends the
 * application back to review.
 */
export function registerExtractWorkflow(): WorkflowDefinition {
  const inReview = {
    'uz-Latn': "Ko'rib chiqilmoqda",
    'uz-Cyrl': 'Кўриб чиқилмоқда',
    ru: 'На рассмотрении',
    en: 'In review',
  };
  return {
    key: 'agency-cadastre/register-extract',
    version: 1,
    names: {
      'uz-Latn': "Ko'chmas mulk reyestridan ko'chirma",
      'uz-Cyrl': 'Кўчмас мулк реестридан кўчирма',
      ru: 'Выписка из реестра недвижимости',
      en: 'Extract from the real estate register',
    },
    roles: ['agency-cadastre/registrar'],
    documents: [
      {
        code: 'technical-passport',
        names: {
          'uz-Latn': 'Texnik pasport',
          'uz-Cyrl': 'Техник паспорт',
          ru: 'Технический паспорт',
          en: 'Technical passport',
        },
      },
    ],
    sla: { unit: 'working_days', value: 5, onBreach: 'notify' },
    states: {
      awaiting_payment: {
        type: 'start',
        publicStatus: 'action_required',
        clock: 'paused',
        candidateRole: 'front_office',
        sla: { unit: 'working_days', value: 10, onBreach: { action: 'expire' } },
        names: {
          'uz-Latn': "To'lov kutilmoqda",
          'uz-Cyrl': 'Тўлов кутилмоқда',
          ru: 'Ожидает оплаты',
          en: 'Awaiting payment',
        },
      },
      in_review: {
        type: 'normal',
        publicStatus: 'in_progress',
        candidateRole: 'agency-cadastre/registrar',
        sla: { unit: 'working_days', value: 5, onBreach: 'escalate' },
        names: inReview,
      },
      waiting_for_documents: {
        type: 'normal',
        publicStatus: 'action_required',
        clock: 'paused',
        candidateRole: 'citizen',
        sla: { unit: 'working_days', value: 10, onBreach: { action: 'expire' } },
        names: {
          'uz-Latn': 'Hujjatlar kutilmoqda',
          'uz-Cyrl': 'Ҳужжатлар кутилмоқда',
          ru: 'Ожидаются документы',
          en: 'Waiting for documents',
        },
      },
      issued: {
        type: 'terminal',
        publicStatus: 'completed',
        names: {
          'uz-Latn': "Ko'chirma berildi",
          'uz-Cyrl': 'Кўчирма берилди',
          ru: 'Выписка выдана',
          en: 'Extract issued',
        },
      },
      rejected: {
        type: 'terminal',
        publicStatus: 'rejected',
        names: { 'uz-Latn': 'Rad etildi', 'uz-Cyrl': 'Рад этилди', ru: 'Отказано', en: 'Rejected' },
      },
      cancelled: {
        type: 'terminal',
        publicStatus: 'rejected',
        names: {
          'uz-Latn': 'Bekor qilindi',
          'uz-Cyrl': 'Бекор қилинди',
          ru: 'Аннулировано',
          en: 'Cancelled',
        },
      },
    },
    transitions: [
      {
        action: 'confirm_payment',
        from: ['awaiting_payment'],
        to: 'in_review',
        roles: ['system', 'front_office'],
        requires: { payment: true },
        public: true,
        names: {
          'uz-Latn': "To'lovni tasdiqlash",
          'uz-Cyrl': 'Тўловни тасдиқлаш',
          ru: 'Подтвердить оплату',
          en: 'Confirm payment',
        },
      },
      {
        action: 'request_documents',
        from: ['in_review'],
        to: 'waiting_for_documents',
        roles: ['agency-cadastre/registrar'],
        requires: { comment: true },
        effects: [{ name: 'core/notify-applicant', template: 'agency-cadastre/documents-requested' }],
        public: true,
        names: {
          'uz-Latn': "Hujjatlarni so'rash",
          'uz-Cyrl': 'Ҳужжатларни сўраш',
          ru: 'Запросить документы',
          en: 'Request documents',
        },
      },
      {
        action: 'submit_documents',
        from: ['waiting_for_documents'],
        to: 'in_review',
        roles: ['citizen', 'front_office'],
        requires: { documents: ['technical-passport'] },
        public: true,
        names: {
          'uz-Latn': 'Hujjatlarni topshirish',
          'uz-Cyrl': 'Ҳужжатларни топшириш',
          ru: 'Представить документы',
          en: 'Submit documents',
        },
      },
      {
        action: 'issue_extract',
        from: ['in_review'],
        to: 'issued',
        roles: ['agency-cadastre/registrar'],
        guards: ['agency-cadastre/object-registered'],
        effects: [
          { name: 'core/issue-document', template: 'agency-cadastre/register-extract' },
          'agency-cadastre/record-extract-issue',
        ],
        public: true,
        names: {
          'uz-Latn': "Ko'chirma berish",
          'uz-Cyrl': 'Кўчирма бериш',
          ru: 'Выдать выписку',
          en: 'Issue the extract',
        },
      },
      {
        action: 'reject',
        from: ['in_review', 'waiting_for_documents'],
        to: 'rejected',
        roles: ['agency-cadastre/registrar', 'supervisor'],
        requires: { comment: true },
        effects: [{ name: 'core/notify-applicant', template: 'agency-cadastre/rejected' }],
        public: true,
        names: { 'uz-Latn': 'Rad etish', 'uz-Cyrl': 'Рад этиш', ru: 'Отказать', en: 'Reject' },
      },
      {
        action: 'expire',
        from: ['awaiting_payment', 'waiting_for_documents'],
        to: 'cancelled',
        roles: ['system'],
        public: true,
        names: {
          'uz-Latn': "Muddati o'tgani sababli bekor qilish",
          'uz-Cyrl': 'Муддати ўтгани сабабли бекор қилиш',
          ru: 'Аннулировать по истечении срока',
          en: 'Cancel when the deadline passes',
        },
      },
      {
        action: 'appeal',
        from: ['rejected'],
        to: 'in_review',
        roles: ['citizen'],
        within: { days: 15, unit: 'calendar_days', of: 'rejection' },
        requires: { comment: true },
        public: true,
        names: { 'uz-Latn': 'Shikoyat qilish', 'uz-Cyrl': 'Шикоят қилиш', ru: 'Обжаловать', en: 'Appeal' },
      },
    ],
  };
}

/** What the gas and cadastre plugins register: the guards, effects and templates the fixtures use. */
export const fixtureContributions = {
  guards: ['agency-gas/no-debt', 'agency-cadastre/object-registered'],
  effects: ['agency-cadastre/record-extract-issue'],
  templates: [
    'agency-gas/no-debt-certificate',
    'agency-gas/certificate-ready',
    'agency-gas/rejected',
    'agency-cadastre/register-extract',
    'agency-cadastre/documents-requested',
    'agency-cadastre/rejected',
  ],
  roles: ['agency-cadastre/registrar'],
} as const;

/** A lookup that knows {@link fixtureContributions}; `withRoles` adds `hasRole`. */
export function fixtureLookup(withRoles = false): WorkflowReferenceLookup {
  const has = (list: readonly string[]) => (name: string) => list.includes(name);
  const lookup: WorkflowReferenceLookup = {
    hasGuard: has(fixtureContributions.guards),
    hasEffect: has(fixtureContributions.effects),
    hasTemplate: has(fixtureContributions.templates),
  };
  return withRoles ? { ...lookup, hasRole: has(fixtureContributions.roles) } : lookup;
}
