import { LOCALES, type Locale, type TemplateSources, type Translations } from '@darcha/core';
import { serviceKitErrors } from './service-kit.errors.js';

/** The words of one document in one locale: its title and the sentence it certifies (may use `{{ }}`). */
export interface DocumentText {
  title: string;
  statement: string;
}

/**
 * Labels every kit document prints, by locale; a pack contributes them as (part of) its `translations`
 * (add the labels of its own {@link DocumentField}s with {@link mergeTranslations}).
 */
export const DOCUMENT_TRANSLATIONS: Translations = {
  'uz-Latn': {
    'document.holder': 'Arizachi',
    'document.tracking': 'Murojaat raqami',
    'document.serial': 'Hujjat raqami',
    'document.issued': 'Berilgan sana',
    'document.agency': 'Tashkilot',
  },
  'uz-Cyrl': {
    'document.holder': 'Аризачи',
    'document.tracking': 'Мурожаат рақами',
    'document.serial': 'Ҳужжат рақами',
    'document.issued': 'Берилган сана',
    'document.agency': 'Ташкилот',
  },
  ru: {
    'document.holder': 'Заявитель',
    'document.tracking': 'Номер обращения',
    'document.serial': 'Номер документа',
    'document.issued': 'Дата выдачи',
    'document.agency': 'Организация',
  },
  en: {
    'document.holder': 'Applicant',
    'document.tracking': 'Inquiry number',
    'document.serial': 'Document number',
    'document.issued': 'Date of issue',
    'document.agency': 'Agency',
  },
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * One more line a document prints when the inquiry has the value: the translation key of its label
 * and the template path of the value (`form.cadastreNumber`).
 */
export interface DocumentField {
  label: string;
  path: string;
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const LABEL = /^[A-Za-z0-9_.-]+$/;

/** The handlebars source of one document in one locale (escaped `{{ }}` only). */
function source(text: DocumentText, fields: readonly DocumentField[]): string {
  const title = text.title.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
  return `<h1>${title}</h1>
<p class="statement">${text.statement}</p>
<dl>
  <dt>{{t "document.holder"}}</dt><dd>{{holder.name}}</dd>
${fields.map((f) => `  {{#if ${f.path}}}<dt>{{t "${f.label}"}}</dt><dd>{{${f.path}}}</dd>{{/if}}\n`).join('')}  <dt>{{t "document.tracking"}}</dt><dd>{{trackingNumber}}</dd>
  <dt>{{t "document.serial"}}</dt><dd>{{serial}}</dd>
  <dt>{{t "document.issued"}}</dt><dd>{{date issuedAt}}</dd>
  {{#if agency}}<dt>{{t "document.agency"}}</dt><dd>{{agency.name}}</dd>{{/if}}
</dl>
<p class="issuer">{{tenant.name}}</p>
`;
}

/**
 * A document template in the four locales, as a plugin's `templates` entry holds it: the title, the
 * statement, the holder, the given `fields` the inquiry has, the tracking and serial numbers, the
 * date of issue, the agency and the issuing city.
 *
 * @example
 * documentTemplate(EXTRACT_TEXT, [{ label: 'cadastre.number', path: 'form.cadastreNumber' }]);
 */
export function documentTemplate(
  text: Record<Locale, DocumentText>,
  fields: readonly DocumentField[] = [],
): TemplateSources[string] {
  for (const field of fields) {
    if (!PATH.test(field.path) || !LABEL.test(field.label)) {
      throw serviceKitErrors.documentFieldInvalid(field);
    }
  }
  return Object.fromEntries(LOCALES.map((locale) => [locale, source(text[locale], fields)]));
}

/** Several packs' or kits' translations merged, later keys winning, locale by locale. */
export function mergeTranslations(...parts: Translations[]): Translations {
  const merged: Translations = {};
  for (const part of parts) {
    for (const [locale, words] of Object.entries(part) as [Locale, Record<string, string>][]) {
      merged[locale] = { ...merged[locale], ...words };
    }
  }
  return merged;
}
