import { expect } from 'chai';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import { CategoryTree } from '../../src/registry/category-tree.js';
import { DEFAULT_CATEGORIES } from '../../src/registry/default-classification.js';
import { LOCALES } from '../../src/i18n/locales.js';

const none = (): boolean => false;

function expectRefused(work: () => void, fragment: string): void {
  try {
    work();
  } catch (error) {
    expect(isDarchaError(error, 'DARCHA_REGISTRY_CATEGORY_INVALID'), String(error)).to.equal(true);
    expect((error as Error).message).to.include(fragment);
    return;
  }
  expect.fail('expected DARCHA_REGISTRY_CATEGORY_INVALID');
}

describe('classification tree', () => {
  it("starts with core's seven roots, named in every locale", () => {
    const tree = new CategoryTree();
    expect(tree.list().map((c) => c.id)).to.deep.equal([
      'utilities',
      'social-protection',
      'business',
      'property',
      'documents',
      'information',
      'oss-services',
    ]);
    for (const category of DEFAULT_CATEGORIES)
      expect(Object.keys(category.names)).to.have.members([...LOCALES]);
  });

  it('adds subcategories under existing ones, also under one added in the same call', () => {
    const tree = new CategoryTree();
    tree.add(
      'agency-gas',
      [
        { id: 'utilities.gas', names: { en: 'Gas' } },
        { id: 'utilities.gas.cylinders', names: { en: 'Gas cylinders' } },
      ],
      none,
    );
    expect(tree.list().slice(0, 3)).to.deep.equal([
      DEFAULT_CATEGORIES[0],
      { id: 'utilities.gas', parent: 'utilities', names: { en: 'Gas' } },
      { id: 'utilities.gas.cylinders', parent: 'utilities.gas', names: { en: 'Gas cylinders' } },
    ]);
    expect(tree.hasChildren('utilities')).to.equal(true);
    expect(tree.hasChildren('utilities.gas.cylinders')).to.equal(false);
  });

  it('refuses an unknown parent, a duplicate id, a new root and a parent that contradicts the id', () => {
    const tree = new CategoryTree();
    tree.add('agency-gas', [{ id: 'utilities.gas', names: { en: 'Gas' } }], none);
    expectRefused(
      () => tree.add('x', [{ id: 'transport.taxi', names: { en: 'Taxi' } }], none),
      'parent "transport" does not exist',
    );
    expectRefused(
      () => tree.add('agency-gas2', [{ id: 'utilities.gas', names: { en: 'Gas' } }], none),
      'taken (by plugin "agency-gas")',
    );
    expectRefused(() => tree.add('x', [{ id: 'utilities', names: { en: 'U' } }], none), 'subcategories only');
    expectRefused(
      () => tree.add('x', [{ id: 'transport', names: { en: 'Transport' } }], none),
      'subcategories only',
    );
    expectRefused(
      () => tree.add('x', [{ id: 'utilities.water', parent: 'property', names: { en: 'Water' } }], none),
      'its parent must be "utilities"',
    );
    expectRefused(() => tree.add('x', [{ id: 'utilities.water', names: {} }], none), 'names');
  });

  it('adds all of a call or nothing', () => {
    const tree = new CategoryTree();
    expectRefused(
      () =>
        tree.add(
          'agency-water',
          [
            { id: 'utilities.water', names: { en: 'Water' } },
            { id: 'utilities.water', names: { en: 'Water' } },
          ],
          none,
        ),
      'taken',
    );
    expect(tree.has('utilities.water')).to.equal(false);
  });

  it('refuses a child under a category that already holds services', () => {
    const tree = new CategoryTree();
    expectRefused(
      () =>
        tree.add('x', [{ id: 'oss-services.rooms', names: { en: 'Rooms' } }], (id) => id === 'oss-services'),
      'already holds services',
    );
  });

  it("withdraws a plugin's categories unless others still use them", () => {
    const tree = new CategoryTree();
    tree.add('agency-gas', [{ id: 'utilities.gas', names: { en: 'Gas' } }], none);
    tree.add('city-chirchik', [{ id: 'utilities.gas.local', names: { en: 'Local gas' } }], none);
    tree.withdraw('agency-gas', none);
    expect(tree.has('utilities.gas')).to.equal(true);
    tree.withdraw('city-chirchik', none);
    tree.withdraw('agency-gas', none);
    expect(tree.has('utilities.gas')).to.equal(false);
    expect(tree.has('utilities')).to.equal(true);
  });
});
