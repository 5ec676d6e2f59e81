/**
 * Uzbek Cyrillic (and Russian) letters to the Latin letters of the Uzbek alphabet, for search only.
 * Apostrophe letters (oʻ, gʻ) lose the apostrophe in search keys, so "o'z", "oʻz" and "ўз" all meet.
 */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'x',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ў: 'o',
  қ: 'q',
  ғ: 'g',
  ҳ: 'h',
};

/** Every apostrophe-like character used in Uzbek Latin text. */
const APOSTROPHES = /['`ʻʼ‘’´]/g;

/**
 * The form of a text that search compares: lowercase, Cyrillic transliterated to Uzbek Latin,
 * apostrophes and diacritics dropped, `ye` read as `e` (Cyrillic `е` is written `ye` at the start
 * of a word in Latin), whitespace collapsed. Both the query and the indexed text go through it, so
 * "Gaz", "газ" and "ГАЗ" are the same key, as are "O‘zbekiston" and "Ўзбекистон".
 */
export function searchKey(text: string): string {
  // Transliterate first: NFKD would split ў, й and ё into a base letter and a breve or diaeresis.
  let latin = '';
  for (const char of text.normalize('NFC').toLowerCase()) latin += CYRILLIC_TO_LATIN[char] ?? char;
  return latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(APOSTROPHES, '')
    .replace(/\bye/g, 'e')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
