import type { Locale, TemplateSources } from '@darcha/core';
import {
  DOCUMENT_TRANSLATIONS,
  documentTemplate,
  mergeTranslations,
  type DocumentText,
} from '@darcha/service-kit';

/** The kit's document labels and the utility account's, by locale; the utility packs' `translations`. */
export const UTILITY_DOCUMENT_TRANSLATIONS = mergeTranslations(DOCUMENT_TRANSLATIONS, {
  'uz-Latn': { 'document.account': 'Hisob raqami' },
  'uz-Cyrl': { 'document.account': 'Ҳисоб рақами' },
  ru: { 'document.account': 'Лицевой счёт' },
  en: { 'document.account': 'Account' },
});

/** A utility document: the kit's {@link documentTemplate} with the account when the form has one. */
export function utilityDocumentTemplate(text: Record<Locale, DocumentText>): TemplateSources[string] {
  return documentTemplate(text, [{ label: 'document.account', path: 'form.account' }]);
}
