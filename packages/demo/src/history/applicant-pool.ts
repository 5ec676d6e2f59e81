import type { Applicant, Locale } from '@darcha/core';
import type { SeededRandom } from './seeded-random.js';

const SURNAMES = [
  'Karimov',
  'Rahimov',
  'Tursunov',
  'Yusupov',
  'Abdullayev',
  'Saidov',
  'Aliyev',
  'Ismoilov',
  'Mirzayev',
  'Xolmatov',
  'Nazarov',
  'Ergashev',
  'Qodirov',
  'Sobirov',
  'Toshpulatov',
  'Umarov',
  'Jurayev',
  'Hasanov',
  'Sharipov',
  'Azimov',
  'Fayzullayev',
  'Raximberdiyev',
  'Normatov',
  'Islomov',
];
const MEN = [
  'Aziz',
  'Bobur',
  'Sherzod',
  'Jasur',
  'Otabek',
  'Rustam',
  'Anvar',
  'Dilshod',
  'Farhod',
  'Ulugbek',
  'Sardor',
  'Bahodir',
  'Akmal',
  'Nodir',
  'Timur',
  'Ravshan',
];
const WOMEN = [
  'Dilnoza',
  'Nilufar',
  'Gulnora',
  'Malika',
  'Shahnoza',
  'Zarina',
  'Madina',
  'Feruza',
  'Nodira',
  'Kamola',
  'Dildora',
  'Sevara',
  'Lola',
  'Mohira',
];
const FIRMS = [
  'Savdo',
  'Qurilish',
  'Servis',
  'Agro',
  'Tekstil',
  'Invest',
  'Trans',
  'Oziq-ovqat',
  'Mebel',
  'Farm',
  'Texnika',
  'Kimyo',
];

/** The languages of the history's applicants, by share: *assumed* (more Uzbek than Russian, few English). */
const LOCALES: readonly (readonly [Locale, number])[] = [
  ['uz-Latn', 42],
  ['uz-Cyrl', 22],
  ['ru', 34],
  ['en', 2],
];

/**
 * The people and businesses of a city who come to its OSS: a fixed pool, so that many applicants
 * come more than once (Chirchik: 35,000 inquiries from about 32,000-36,000 subscribers). Each has a
 * PINFL or TIN, a name, a phone and a language; an individual may be a sole trader with a TIN too.
 */
export class ApplicantPool {
  readonly #people: Applicant[] = [];
  readonly #businesses: Applicant[] = [];
  readonly #random: SeededRandom;

  /** `size` people and a tenth as many businesses, named in the city's language mix. */
  constructor(random: SeededRandom, size: number, cityName: string) {
    this.#random = random;
    const pinfls = new Set<string>();
    const tins = new Set<string>();
    const unique = (seen: Set<string>, make: () => string): string => {
      let value = make();
      while (seen.has(value)) value = make();
      seen.add(value);
      return value;
    };
    for (let i = 0; i < Math.max(1, size); i++) {
      const woman = random.chance(0.5);
      const surname = random.pick(SURNAMES);
      // A PINFL starts with the sex and century digit (3/4: born in the 1900s), then the birth date.
      const pinfl = unique(pinfls, () => `${woman ? 4 : 3}${random.digits(13)}`);
      this.#people.push({
        type: 'individual',
        pinfl,
        lastName: woman ? `${surname}a` : surname,
        firstName: random.pick(woman ? WOMEN : MEN),
        phone: `+9989${random.pick(['0', '1', '3', '4', '7', '8', '9'])}${random.digits(7)}`,
        locale: random.weighted(LOCALES),
      });
    }
    for (let i = 0; i < Math.max(1, Math.ceil(size / 10)); i++) {
      const person = this.#people[i % this.#people.length]!;
      if (person.type !== 'individual') continue;
      const tin = unique(tins, () => `${random.pick(['2', '3'])}${random.digits(8)}`);
      this.#businesses.push({
        type: 'legal_entity',
        tin,
        name: `«${cityName} ${random.pick(FIRMS)}${random.chance(0.3) ? ` ${random.int(1, 9)}` : ''}» MChJ`,
        representative: {
          pinfl: person.pinfl,
          lastName: person.lastName,
          firstName: person.firstName,
          position: random.pick(['direktor', 'bosh hisobchi', 'ishonchli vakil']),
        },
        phone: person.phone!,
        locale: random.pick(['uz-Latn', 'ru'] as const),
      });
    }
  }

  /** An applicant of the type, chosen at random (people come back more often than businesses). */
  next(type: 'individual' | 'legal_entity'): Applicant {
    return this.#random.pick(type === 'individual' ? this.#people : this.#businesses);
  }
}
