import type { Applicant, IndividualApplicant, Locale } from '@darcha/core';
import type { SeededRandom } from './seeded-random.js';

// The same kind of people as the demo's history (packages/demo/src/history/applicant-pool.ts):
// Uzbek names, a PINFL starting with the sex and century digit, +998 phones, the city's language mix.
const SURNAMES = ['Karimov', 'Rahimov', 'Tursunov', 'Yusupov', 'Abdullayev', 'Saidov', 'Aliyev', 'Ismoilov'];
const MORE_SURNAMES = [
  'Mirzayev',
  'Nazarov',
  'Ergashev',
  'Qodirov',
  'Sobirov',
  'Umarov',
  'Jurayev',
  'Azimov',
];
const MEN = ['Aziz', 'Bobur', 'Sherzod', 'Jasur', 'Otabek', 'Rustam', 'Anvar', 'Dilshod', 'Farhod', 'Sardor'];
const WOMEN = ['Dilnoza', 'Nilufar', 'Gulnora', 'Malika', 'Shahnoza', 'Zarina', 'Madina', 'Feruza', 'Kamola'];
const FIRMS = ['Savdo', 'Qurilish', 'Servis', 'Agro', 'Tekstil', 'Invest', 'Trans', 'Mebel', 'Farm'];
const LOCALES: readonly (readonly [Locale, number])[] = [
  ['uz-Latn', 42],
  ['uz-Cyrl', 22],
  ['ru', 34],
  ['en', 2],
];

/**
 * A city's applicants: a fixed pool, so that people come back (as in the demo), a tenth of them
 * businesses. `key` is what search looks them up by (PINFL or TIN).
 */
export class ApplicantPool {
  readonly #applicants: Applicant[] = [];
  readonly #random: SeededRandom;

  constructor(random: SeededRandom, size: number, cityName: string) {
    this.#random = random;
    for (let i = 0; i < Math.max(1, size); i++) {
      const woman = random.chance(0.5);
      const surname = random.pick(random.chance(0.5) ? SURNAMES : MORE_SURNAMES);
      const person: IndividualApplicant = {
        type: 'individual',
        pinfl: `${woman ? 4 : 3}${random.digits(13)}`,
        lastName: woman ? `${surname}a` : surname,
        firstName: random.pick(woman ? WOMEN : MEN),
        phone: `+9989${random.pick(['0', '1', '3', '4', '7', '9'])}${random.digits(7)}`,
        locale: random.weighted(LOCALES),
      };
      this.#applicants.push(i % 10 === 9 ? business(random, person, cityName) : person);
    }
  }

  next(): Applicant {
    return this.#random.pick(this.#applicants);
  }

  /** A PINFL or TIN that some inquiry of the city was filed with. */
  someKey(): string {
    return applicantKey(this.next());
  }
}

export function applicantKey(applicant: Applicant): string {
  return applicant.type === 'individual' ? applicant.pinfl : applicant.tin;
}

function business(random: SeededRandom, person: IndividualApplicant, city: string): Applicant {
  return {
    type: 'legal_entity',
    tin: `${random.pick(['2', '3'])}${random.digits(8)}`,
    name: `«${city} ${random.pick(FIRMS)}» MChJ`,
    representative: {
      pinfl: person.pinfl,
      lastName: person.lastName,
      firstName: person.firstName,
      position: random.pick(['direktor', 'bosh hisobchi', 'ishonchli vakil']),
    },
    phone: person.phone!,
    locale: random.pick(['uz-Latn', 'ru'] as const),
  };
}
