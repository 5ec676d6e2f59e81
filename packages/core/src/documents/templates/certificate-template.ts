import type { TemplateSources } from '../../plugins/contributions.js';
import { LOCALES, type Locale } from '../../i18n/locales.js';

/** The key of the generic certificate every service without its own template gets. */
export const CERTIFICATE_TEMPLATE = 'core/certificate';

const LABELS: Record<
  Locale,
  Record<'title' | 'intro' | 'service' | 'holder' | 'tracking' | 'issued' | 'agency' | 'issuer', string>
> = {
  'uz-Latn': {
    title: "Ma'lumotnoma",
    intro: "Ushbu ma'lumotnoma quyidagi davlat xizmati natijasida berildi.",
    service: 'Xizmat',
    holder: 'Oluvchi',
    tracking: 'Murojaat raqami',
    issued: 'Berilgan sana',
    agency: 'Tashkilot',
    issuer: 'Davlat xizmatlari markazi',
  },
  'uz-Cyrl': {
    title: 'Маълумотнома',
    intro: 'Ушбу маълумотнома қуйидаги давлат хизмати натижасида берилди.',
    service: 'Хизмат',
    holder: 'Олувчи',
    tracking: 'Мурожаат рақами',
    issued: 'Берилган сана',
    agency: 'Ташкилот',
    issuer: 'Давлат хизматлари маркази',
  },
  ru: {
    title: 'Справка',
    intro: 'Настоящая справка выдана по результатам следующей государственной услуги.',
    service: 'Услуга',
    holder: 'Получатель',
    tracking: 'Номер обращения',
    issued: 'Дата выдачи',
    agency: 'Организация',
    issuer: 'Центр государственных услуг',
  },
  en: {
    title: 'Certificate',
    intro: 'This certificate is issued as the result of the following public service.',
    service: 'Service',
    holder: 'Holder',
    tracking: 'Inquiry number',
    issued: 'Date of issue',
    agency: 'Agency',
    issuer: 'Public services centre',
  },
};

function source(locale: Locale): string {
  const l = LABELS[locale];
  return `<h1>${l.title}</h1>
<p>${l.intro}</p>
<dl>
  <dt>${l.service}</dt><dd>{{service.name}}</dd>
  <dt>${l.holder}</dt><dd>{{holder.name}}</dd>
  <dt>${l.tracking}</dt><dd>{{trackingNumber}}</dd>
  <dt>${l.issued}</dt><dd>{{date issuedAt}}</dd>
  {{#if agency}}<dt>${l.agency}</dt><dd>{{agency.name}}</dd>{{/if}}
  {{#each fields}}<dt>{{label}}</dt><dd>{{value}}</dd>
  {{/each}}
</dl>
<p class="issuer">{{tenant.name}} — ${l.issuer}</p>
`;
}

/** `core/certificate` in every locale. Its data: see {@link CertificateContext}. */
export const CERTIFICATE_SOURCES: TemplateSources = {
  [CERTIFICATE_TEMPLATE]: Object.fromEntries(LOCALES.map((locale) => [locale, source(locale)])),
};

/** The title of a certificate in a locale (the page's `<title>`). */
export function certificateTitle(locale: Locale): string {
  return LABELS[locale].title;
}
