import type { CreateTenantInput } from '@darcha/core';

/** The country a test host creates for the cities (and regions) given without a parent. */
export const TEST_COUNTRY_ID = 'test';

const TEST_COUNTRY: CreateTenantInput = {
  id: TEST_COUNTRY_ID,
  kind: 'country',
  names: {
    'uz-Latn': 'Test mamlakati',
    'uz-Cyrl': 'Тест мамлакати',
    ru: 'Тестовая страна',
    en: 'Test country',
  },
};

/**
 * The tenants to create, parents first. A plain id becomes a city under the country `test`; a region
 * or city given as an input without `parentId` sits under `test` too. `test` itself is added when
 * any tenant needs it and it is not among the inputs.
 *
 * @example
 * testTenantInputs(['chirchik', { id: 'tashkent-region', kind: 'region', names: { en: 'Tashkent region' } }]);
 * // [test (country), chirchik (city under test), tashkent-region (region under test)]
 */
export function testTenantInputs(tenants: readonly (string | CreateTenantInput)[]): CreateTenantInput[] {
  const inputs = tenants.map((tenant): CreateTenantInput => {
    if (typeof tenant === 'string') return cityInput(tenant);
    if (tenant.kind !== 'country' && tenant.parentId === undefined)
      return { ...tenant, parentId: TEST_COUNTRY_ID };
    return tenant;
  });
  const needsCountry =
    inputs.some((input) => input.parentId === TEST_COUNTRY_ID) &&
    !inputs.some((input) => input.id === TEST_COUNTRY_ID);
  return parentsFirst(needsCountry ? [TEST_COUNTRY, ...inputs] : inputs);
}

/** Problems with the tenants option, before anything is created. */
export function testTenantProblems(tenants: readonly (string | CreateTenantInput)[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const tenant of tenants) {
    const id = typeof tenant === 'string' ? tenant : tenant?.id;
    if (typeof tenant === 'string' && tenant === TEST_COUNTRY_ID) {
      problems.push(
        `tenant "${TEST_COUNTRY_ID}" is the country the test host creates; give your city another id`,
      );
    }
    if (seen.has(id)) problems.push(`tenant "${id}" is listed twice`);
    seen.add(id);
  }
  return problems;
}

function cityInput(id: string): CreateTenantInput {
  return {
    id,
    kind: 'city',
    parentId: TEST_COUNTRY_ID,
    names: { 'uz-Latn': id, 'uz-Cyrl': id, ru: id, en: id },
  };
}

/** Stable order in which every input comes after its parent, when its parent is also an input. */
function parentsFirst(inputs: readonly CreateTenantInput[]): CreateTenantInput[] {
  const pending = [...inputs];
  const ordered: CreateTenantInput[] = [];
  while (pending.length > 0) {
    const index = pending.findIndex((input) => !pending.some((other) => other.id === input.parentId));
    // A cycle among the inputs: create them as given and let the tenant registry refuse them.
    ordered.push(...pending.splice(index < 0 ? 0 : index, index < 0 ? pending.length : 1));
  }
  return ordered;
}
