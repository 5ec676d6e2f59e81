import { expect } from 'chai';
import type { TestHost } from '@darcha/testing';

/** A service's valid sample and invalid variants, each with the `[field, keyword]` errors it must get. */
export interface FormCases {
  valid: Record<string, unknown>[];
  invalid: { data: Record<string, unknown>; errors: [field: string, keyword: string][] }[];
}

/** One test per service: every valid sample passes, every invalid one fails with exactly its field errors. */
export function describeForms(host: () => TestHost, cases: Record<string, FormCases>): void {
  describe('forms', () => {
    for (const [code, { valid, invalid }] of Object.entries(cases)) {
      it(`${code} accepts valid samples and names the fields of invalid ones`, async () => {
        for (const data of valid) {
          expect(await host().validate(code, data, 'en'), JSON.stringify(data)).to.deep.equal({
            valid: true,
            errors: [],
          });
        }
        for (const { data, errors } of invalid) {
          const result = await host().validate(code, data, 'en');
          expect(result.valid, JSON.stringify(data)).to.equal(false);
          expect(result.errors.map((e) => [e.field, e.keyword])).to.have.deep.members(errors);
        }
      });
    }
  });
}
