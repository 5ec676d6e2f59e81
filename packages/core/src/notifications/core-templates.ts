import type { Locale } from '../i18n/locales.js';

/**
 * Core's message templates, per template key and locale: plain text with Handlebars fields
 * (`{{trackingNumber}}`), never HTML-escaped. `subject` heads an email; an SMS is the `body` alone,
 * so bodies stay short. Tenants may replace the text of any of them per locale
 * (`notification_templates`); plugins bring their own keys (`<plugin-id>/<name>`) for the workflow
 * effect `core/notify-applicant`.
 *
 * Fields every inquiry template gets: `trackingNumber`, `service` (the service's name in the
 * locale), `status` (the public status in the locale), `city`. Others per key: `amount`
 * (formatted soums) for invoices and payments, `serial` for documents, `code` for sign-in codes.
 */
export interface MessageTemplate {
  subject: string;
  body: string;
}

/** The keys of core's templates. */
export const CORE_TEMPLATE_KEYS = [
  'inquiry.filed',
  'inquiry.status-changed',
  'inquiry.action-required',
  'inquiry.ready',
  'inquiry.completed',
  'inquiry.rejected',
  'invoice.issued',
  'payment.received',
  'payment.refunded',
  'document.issued',
  'phone-code',
] as const;
export type CoreTemplateKey = (typeof CORE_TEMPLATE_KEYS)[number];

export function isCoreTemplateKey(key: string): key is CoreTemplateKey {
  return (CORE_TEMPLATE_KEYS as readonly string[]).includes(key);
}

type Catalog = Record<CoreTemplateKey, MessageTemplate>;

const UZ_LATN: Catalog = {
  'inquiry.filed': {
    subject: 'Arizangiz qabul qilindi: {{trackingNumber}}',
    body: 'Arizangiz qabul qilindi. Raqami: {{trackingNumber}}. Xizmat: {{service}}. Holatini shu raqam bilan kuzatishingiz mumkin.',
  },
  'inquiry.status-changed': {
    subject: 'Ariza {{trackingNumber}}: {{status}}',
    body: 'Ariza {{trackingNumber}} holati: {{status}}.',
  },
  'inquiry.action-required': {
    subject: 'Ariza {{trackingNumber}}: sizdan harakat talab qilinadi',
    body: "Ariza {{trackingNumber}} bo'yicha sizdan harakat talab qilinadi. Portalni tekshiring yoki Davlat xizmatlari markaziga murojaat qiling.",
  },
  'inquiry.ready': {
    subject: 'Ariza {{trackingNumber}}: natija tayyor',
    body: "Ariza {{trackingNumber}} bo'yicha natija tayyor. Uni olishingiz mumkin.",
  },
  'inquiry.completed': {
    subject: 'Ariza {{trackingNumber}} bajarildi',
    body: 'Ariza {{trackingNumber}} ({{service}}) bajarildi.',
  },
  'inquiry.rejected': {
    subject: 'Ariza {{trackingNumber}} rad etildi',
    body: 'Ariza {{trackingNumber}} rad etildi. Sababini portalda yoki markazda bilib olishingiz mumkin.',
  },
  'invoice.issued': {
    subject: "Ariza {{trackingNumber}}: to'lov {{amount}} so'm",
    body: "Ariza {{trackingNumber}} uchun to'lov: {{amount}} so'm.",
  },
  'payment.received': {
    subject: "Ariza {{trackingNumber}}: to'lov qabul qilindi",
    body: "Ariza {{trackingNumber}} uchun {{amount}} so'm to'lov qabul qilindi.",
  },
  'payment.refunded': {
    subject: "Ariza {{trackingNumber}}: to'lov qaytarildi",
    body: "Ariza {{trackingNumber}} uchun {{amount}} so'm qaytarildi.",
  },
  'document.issued': {
    subject: 'Ariza {{trackingNumber}}: hujjat berildi',
    body: "Ariza {{trackingNumber}} bo'yicha hujjat berildi: {{serial}}.",
  },
  'phone-code': {
    subject: 'Tasdiqlash kodi',
    body: 'Tasdiqlash kodi: {{code}}. Uni hech kimga bermang.',
  },
};

const UZ_CYRL: Catalog = {
  'inquiry.filed': {
    subject: 'Аризангиз қабул қилинди: {{trackingNumber}}',
    body: 'Аризангиз қабул қилинди. Рақами: {{trackingNumber}}. Хизмат: {{service}}. Ҳолатини шу рақам билан кузатишингиз мумкин.',
  },
  'inquiry.status-changed': {
    subject: 'Ариза {{trackingNumber}}: {{status}}',
    body: 'Ариза {{trackingNumber}} ҳолати: {{status}}.',
  },
  'inquiry.action-required': {
    subject: 'Ариза {{trackingNumber}}: сиздан ҳаракат талаб қилинади',
    body: 'Ариза {{trackingNumber}} бўйича сиздан ҳаракат талаб қилинади. Портални текширинг ёки Давлат хизматлари марказига мурожаат қилинг.',
  },
  'inquiry.ready': {
    subject: 'Ариза {{trackingNumber}}: натижа тайёр',
    body: 'Ариза {{trackingNumber}} бўйича натижа тайёр. Уни олишингиз мумкин.',
  },
  'inquiry.completed': {
    subject: 'Ариза {{trackingNumber}} бажарилди',
    body: 'Ариза {{trackingNumber}} ({{service}}) бажарилди.',
  },
  'inquiry.rejected': {
    subject: 'Ариза {{trackingNumber}} рад этилди',
    body: 'Ариза {{trackingNumber}} рад этилди. Сабабини порталда ёки марказда билиб олишингиз мумкин.',
  },
  'invoice.issued': {
    subject: 'Ариза {{trackingNumber}}: тўлов {{amount}} сўм',
    body: 'Ариза {{trackingNumber}} учун тўлов: {{amount}} сўм.',
  },
  'payment.received': {
    subject: 'Ариза {{trackingNumber}}: тўлов қабул қилинди',
    body: 'Ариза {{trackingNumber}} учун {{amount}} сўм тўлов қабул қилинди.',
  },
  'payment.refunded': {
    subject: 'Ариза {{trackingNumber}}: тўлов қайтарилди',
    body: 'Ариза {{trackingNumber}} учун {{amount}} сўм қайтарилди.',
  },
  'document.issued': {
    subject: 'Ариза {{trackingNumber}}: ҳужжат берилди',
    body: 'Ариза {{trackingNumber}} бўйича ҳужжат берилди: {{serial}}.',
  },
  'phone-code': {
    subject: 'Тасдиқлаш коди',
    body: 'Тасдиқлаш коди: {{code}}. Уни ҳеч кимга берманг.',
  },
};

const RU: Catalog = {
  'inquiry.filed': {
    subject: 'Заявка принята: {{trackingNumber}}',
    body: 'Ваша заявка принята. Номер: {{trackingNumber}}. Услуга: {{service}}. По этому номеру можно узнать её статус.',
  },
  'inquiry.status-changed': {
    subject: 'Заявка {{trackingNumber}}: {{status}}',
    body: 'Статус заявки {{trackingNumber}}: {{status}}.',
  },
  'inquiry.action-required': {
    subject: 'Заявка {{trackingNumber}}: требуется ваше действие',
    body: 'По заявке {{trackingNumber}} требуется ваше действие. Проверьте портал или обратитесь в Центр государственных услуг.',
  },
  'inquiry.ready': {
    subject: 'Заявка {{trackingNumber}}: результат готов',
    body: 'Результат по заявке {{trackingNumber}} готов. Вы можете его получить.',
  },
  'inquiry.completed': {
    subject: 'Заявка {{trackingNumber}} исполнена',
    body: 'Заявка {{trackingNumber}} ({{service}}) исполнена.',
  },
  'inquiry.rejected': {
    subject: 'Заявка {{trackingNumber}} отклонена',
    body: 'Заявка {{trackingNumber}} отклонена. Причину можно узнать на портале или в центре.',
  },
  'invoice.issued': {
    subject: 'Заявка {{trackingNumber}}: к оплате {{amount}} сум',
    body: 'К оплате по заявке {{trackingNumber}}: {{amount}} сум.',
  },
  'payment.received': {
    subject: 'Заявка {{trackingNumber}}: оплата получена',
    body: 'Оплата {{amount}} сум по заявке {{trackingNumber}} получена.',
  },
  'payment.refunded': {
    subject: 'Заявка {{trackingNumber}}: возврат оплаты',
    body: 'По заявке {{trackingNumber}} возвращено {{amount}} сум.',
  },
  'document.issued': {
    subject: 'Заявка {{trackingNumber}}: документ выдан',
    body: 'По заявке {{trackingNumber}} выдан документ № {{serial}}.',
  },
  'phone-code': {
    subject: 'Код подтверждения',
    body: 'Код подтверждения: {{code}}. Никому его не сообщайте.',
  },
};

const EN: Catalog = {
  'inquiry.filed': {
    subject: 'Application received: {{trackingNumber}}',
    body: 'Your application has been received. Number: {{trackingNumber}}. Service: {{service}}. Use this number to follow its status.',
  },
  'inquiry.status-changed': {
    subject: 'Application {{trackingNumber}}: {{status}}',
    body: 'Application {{trackingNumber}} is now: {{status}}.',
  },
  'inquiry.action-required': {
    subject: 'Application {{trackingNumber}}: action required',
    body: 'Application {{trackingNumber}} needs something from you. Check the portal or visit the public service centre.',
  },
  'inquiry.ready': {
    subject: 'Application {{trackingNumber}}: ready',
    body: 'The result of application {{trackingNumber}} is ready for you to collect.',
  },
  'inquiry.completed': {
    subject: 'Application {{trackingNumber}} completed',
    body: 'Application {{trackingNumber}} ({{service}}) has been completed.',
  },
  'inquiry.rejected': {
    subject: 'Application {{trackingNumber}} rejected',
    body: 'Application {{trackingNumber}} has been rejected. The portal or the centre can tell you why.',
  },
  'invoice.issued': {
    subject: 'Application {{trackingNumber}}: {{amount}} UZS to pay',
    body: 'Amount to pay for application {{trackingNumber}}: {{amount}} UZS.',
  },
  'payment.received': {
    subject: 'Application {{trackingNumber}}: payment received',
    body: 'Payment of {{amount}} UZS for application {{trackingNumber}} has been received.',
  },
  'payment.refunded': {
    subject: 'Application {{trackingNumber}}: payment refunded',
    body: '{{amount}} UZS paid for application {{trackingNumber}} has been refunded.',
  },
  'document.issued': {
    subject: 'Application {{trackingNumber}}: document issued',
    body: 'A document has been issued for application {{trackingNumber}}: {{serial}}.',
  },
  'phone-code': {
    subject: 'Confirmation code',
    body: 'Your confirmation code is {{code}}. Do not share it with anyone.',
  },
};

/** Core's templates by locale. */
export const CORE_TEMPLATES: Record<Locale, Catalog> = {
  'uz-Latn': UZ_LATN,
  'uz-Cyrl': UZ_CYRL,
  ru: RU,
  en: EN,
};

/** Sample data a tenant's override must render with (checked when it is saved). */
export const SAMPLE_TEMPLATE_DATA: Record<string, string> = {
  trackingNumber: 'CHR-2026-000123',
  service: 'Gas no-debt certificate',
  status: 'In progress',
  city: 'Chirchiq',
  amount: '74 160',
  serial: 'CHR-2026-00042',
  code: '123456',
};
