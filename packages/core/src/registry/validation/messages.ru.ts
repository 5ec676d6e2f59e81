import type { ErrorObject } from 'ajv';
import ruModule from 'ajv-i18n/localize/ru/index.js';
import type { Localize } from 'ajv-i18n/localize/types.js';
import type { FormatMessages } from './message-catalog.js';

/**
 * ajv-i18n's Russian localizer. The package is CommonJS (`module.exports = function localize_ru`)
 * but its types say `export default`: tsc (nodenext) types the default import as `{ default: Localize }`,
 * while Node (and tsx) hand over the function itself, which has no `default`. Take whichever is there.
 * The same mismatch makes `import localize from 'ajv-i18n'; localize.ru(...)` fail to compile, and
 * `localize.default.ru(...)` compile but throw at run time.
 */
const localizeRu: Localize = typeof ruModule === 'function' ? ruModule : ruModule.default;

/** Russian for a standard keyword, from ajv-i18n; `error` itself is left as it was. */
export function ajvI18nRu(error: ErrorObject): string {
  const copy = { ...error };
  localizeRu([copy]);
  return copy.message ?? '';
}

/**
 * Russian messages for Darcha's formats. They say "должно", as ajv-i18n does for every keyword (the
 * implied subject is "значение", the value), so one answer never mixes genders.
 */
export const ruFormats: FormatMessages = {
  pinfl: 'должно быть 14-значным ПИНФЛ',
  tin: 'должно быть 9-значным ИНН',
  'cadastre-number': 'должно быть кадастровым номером вида 10:01:02:03:04:0005:0006:007',
  'uz-phone': 'должно быть номером телефона: +998 и 9 цифр без пробелов',
  'utility-account': 'должно быть номером лицевого счёта из 6–12 цифр',
  'postal-code': 'должно быть 6-значным почтовым индексом',
};
