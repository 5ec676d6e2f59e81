import { LOCALES, type Locale, type TemplateSources, type Translations } from '@darcha/core';

/** The words of one document in one locale: its title and the sentence it certifies (may use `{{ }}`). */
export interface DocumentText {
  title: string;
  statement: string;
}

/** Labels the utility documents print, by locale; a pack contributes them as its `translations`. */
export const DOCUMENT_TRANSLATIONS: Translations = {
  'uz-Latn': {
    'document.holder': 'Arizachi',
    'document.account': 'Hisob raqami',
    'document.tracking': 'Murojaat raqami',
    'document.serial': 'Hujjat raqami',
    'document.issued': 'Berilgan sana',
    'document.agency': 'Tashkilot',
  },
  'uz-Cyrl': {
    'document.holder': 'Аризачи',
    'document.account': 'Ҳисоб рақами',
    'document.tracking': 'Мурожаат рақами',
    'document.serial': 'Ҳужжат рақами',
    'document.issued': 'Берилган сана',
    'document.agency': 'Ташкилот',
  },
  ru: {
    'document.holder': 'Заявитель',
    'document.account': 'Лицевой счёт',
    'document.tracking': 'Номер обращения',
    'document.serial': 'Номер документа',
    'document.issued': 'Дата выдачи',
    'document.agency': 'Организация',
  },
  en: {
    'document.holder': 'Applicant',
    'document.account': 'Account',
    'document.tracking': 'Inquiry number',
    'document.serial': 'Document number',
    'document.issued': 'Date of issue',
    'document.agency': 'Agency',
  },
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** The handlebars source of one utility document in one locale (escaped `{{ }}` only). */
function source(text: DocumentText): string {
  const title = text.title.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
  return `<h1>${title}</h1>
<p class="statement">${text.statement}</p>
<dl>
  <dt>{{t "document.holder"}}</dt><dd>{{holder.name}}</dd>
  {{#if form.account}}<dt>{{t "document.account"}}</dt><dd>{{form.account}}</dd>{{/if}}
  <dt>{{t "document.tracking"}}</dt><dd>{{trackingNumber}}</dd>
  <dt>{{t "document.serial"}}</dt><dd>{{serial}}</dd>
  <dt>{{t "document.issued"}}</dt><dd>{{date issuedAt}}</dd>
  {{#if agency}}<dt>{{t "document.agency"}}</dt><dd>{{agency.name}}</dd>{{/if}}
</dl>
<p class="issuer">{{tenant.name}}</p>
`;
}

/** A document template in the four locales, as a plugin's `templates` entry holds it. */
export function documentTemplate(text: Record<Locale, DocumentText>): TemplateSources[string] {
  return Object.fromEntries(LOCALES.map((locale) => [locale, source(text[locale])]));
}
