import { searchKey } from '../i18n/search-key.js';
import type { CatalogQuery, CatalogService } from './types.js';
import { compareStrings as compare } from '../util/compare-strings.js';

/**
 * Filters a tenant's offered services by a query and orders them. Text matches in every locale at
 * once: the query and the services' names, descriptions and keywords are compared as search keys
 * (lowercase, Cyrillic transliterated to Uzbek Latin, apostrophes dropped), so "qarzdorlik" and
 * "қарздорлик" find the same service. Every word of the query must occur somewhere in the service's
 * texts. Results come best name match first (the whole query at the start of a name, then inside a
 * name, then all words in one name, then elsewhere), then by code.
 */
export function searchCatalog(services: readonly CatalogService[], query: CatalogQuery): CatalogService[] {
  const filtered = services.filter((s) => matchesFilters(s, query));
  const phrase = searchKey(query.text ?? '');
  if (phrase === '') return [...filtered].sort((a, b) => compare(a.serviceCode, b.serviceCode));
  const words = phrase.split(' ');
  const ranked: { service: CatalogService; rank: number }[] = [];
  for (const service of filtered) {
    const names = nameKeys(service);
    const haystack = [...names, ...otherKeys(service)].join(' ');
    if (!words.every((word) => haystack.includes(word))) continue;
    ranked.push({ service, rank: Math.min(...names.map((name) => nameRank(name, phrase, words))) });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || compare(a.service.serviceCode, b.service.serviceCode))
    .map((r) => r.service);
}

function matchesFilters(service: CatalogService, query: CatalogQuery): boolean {
  const { definition } = service;
  if (query.category !== undefined) {
    const inside =
      definition.category === query.category || definition.category.startsWith(`${query.category}.`);
    if (!inside) return false;
  }
  if (query.agencyCode !== undefined && service.agencyCode !== query.agencyCode) return false;
  if (query.applicantType !== undefined && !definition.applicantTypes.includes(query.applicantType))
    return false;
  if (query.kind !== undefined && definition.kind !== query.kind) return false;
  if (query.channel !== undefined && !definition.channels.includes(query.channel)) return false;
  return true;
}

/** The tenant's names and the definition's own (a city's renaming should not hide the usual name). */
function nameKeys(service: CatalogService): string[] {
  const texts = [...Object.values(service.names), ...Object.values(service.definition.names)];
  return [...new Set(texts.filter((t): t is string => typeof t === 'string').map(searchKey))];
}

function otherKeys({ definition }: CatalogService): string[] {
  const texts = [
    ...Object.values(definition.descriptions ?? {}),
    ...Object.values(definition.keywords ?? {}).flat(),
  ];
  return texts.filter((t): t is string => typeof t === 'string').map(searchKey);
}

/** 0: the name starts with the query; 1: the query starts a word of the name; 2: inside the name;
 * 3: every word in this name; 4: the words matched elsewhere. */
function nameRank(name: string, phrase: string, words: readonly string[]): number {
  if (name.startsWith(phrase)) return 0;
  if (` ${name}`.includes(` ${phrase}`)) return 1;
  if (name.includes(phrase)) return 2;
  if (words.every((word) => name.includes(word))) return 3;
  return 4;
}
