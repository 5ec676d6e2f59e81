import { isLocale } from '../i18n/locales.js';
import { DEFAULT_CATEGORIES } from './default-classification.js';
import { categoryInvalid } from './registry.errors.js';
import { CATEGORY_ID_PATTERN } from './service-definition.schema.js';
import type { ServiceCategory } from './types.js';

interface Node {
  category: ServiceCategory;
  /** The plugin that added it; `null` for core's roots. */
  pluginId: string | null;
}

/**
 * The classification tree of one process: core's roots plus the subcategories active plugins add.
 * Ids are dotted paths (`utilities.gas` sits under `utilities`); plugins never add roots. A category
 * that holds services is a leaf for good: children may not be added under it.
 */
export class CategoryTree {
  readonly #nodes = new Map<string, Node>();

  constructor(roots: readonly ServiceCategory[] = DEFAULT_CATEGORIES) {
    for (const category of roots)
      this.#nodes.set(category.id, { category: freeze(category), pluginId: null });
  }

  /**
   * Adds a plugin's categories, all or none. `holdsServices(id)` tells whether a category already
   * has services, which keeps it from getting children.
   */
  add(
    pluginId: string,
    categories: readonly ServiceCategory[],
    holdsServices: (id: string) => boolean,
  ): void {
    const added = new Map<string, ServiceCategory>();
    for (const candidate of categories) {
      const category = this.#checked(pluginId, candidate, added, holdsServices);
      added.set(category.id, category);
    }
    for (const category of added.values()) this.#nodes.set(category.id, { category, pluginId });
  }

  /** Forgets a plugin's categories, except those another plugin's categories or services still use. */
  withdraw(pluginId: string, holdsServices: (id: string) => boolean): void {
    const own = [...this.#nodes.values()]
      .filter((n) => n.pluginId === pluginId)
      .map((n) => n.category.id)
      .sort((a, b) => b.split('.').length - a.split('.').length); // deepest first
    for (const id of own) {
      if (!this.hasChildren(id) && !holdsServices(id)) this.#nodes.delete(id);
    }
  }

  has(id: string): boolean {
    return this.#nodes.has(id);
  }

  hasChildren(id: string): boolean {
    for (const node of this.#nodes.values()) if (node.category.parent === id) return true;
    return false;
  }

  /** Every category, depth first; siblings by `order`, then id. */
  list(): ServiceCategory[] {
    const byParent = new Map<string | undefined, ServiceCategory[]>();
    for (const { category } of this.#nodes.values()) {
      const siblings = byParent.get(category.parent) ?? [];
      siblings.push(category);
      byParent.set(category.parent, siblings);
    }
    const result: ServiceCategory[] = [];
    const walk = (parent: string | undefined): void => {
      const children = (byParent.get(parent) ?? []).sort(
        (a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.id.localeCompare(b.id),
      );
      for (const child of children) {
        result.push(child);
        walk(child.id);
      }
    };
    walk(undefined);
    return result;
  }

  #checked(
    pluginId: string,
    candidate: ServiceCategory,
    added: ReadonlyMap<string, ServiceCategory>,
    holdsServices: (id: string) => boolean,
  ): ServiceCategory {
    const id = typeof candidate?.id === 'string' ? candidate.id : String(candidate?.id);
    const refuse = (reason: string): never => {
      throw categoryInvalid(pluginId, id, reason);
    };
    if (!CATEGORY_ID_PATTERN.test(id)) refuse('the id must be a dotted path of lowercase slugs');
    const cut = id.lastIndexOf('.');
    if (cut < 0)
      refuse('plugins add subcategories only; write it as "<parent>.<name>", e.g. "utilities.gas"');
    const parent = id.slice(0, cut);
    if (candidate.parent !== undefined && candidate.parent !== parent) {
      refuse(`its parent must be "${parent}", the id without its last segment, not "${candidate.parent}"`);
    }
    if (this.#nodes.has(id) || added.has(id)) {
      const owner = this.#nodes.get(id)?.pluginId;
      refuse(
        `the id is taken${owner === undefined ? '' : ` (by ${owner === null ? 'core' : `plugin "${owner}"`})`}`,
      );
    }
    if (!this.#nodes.has(parent) && !added.has(parent)) refuse(`its parent "${parent}" does not exist`);
    if (holdsServices(parent))
      refuse(`its parent "${parent}" already holds services, so it must stay a leaf`);
    const names: unknown = candidate.names;
    const entries = typeof names === 'object' && names !== null ? Object.entries(names) : [];
    if (entries.length === 0 || entries.some(([l, v]) => !isLocale(l) || typeof v !== 'string' || v === '')) {
      refuse(
        'names must give a non-empty text in at least one of uz-Latn, uz-Cyrl, ru, en, and no other key',
      );
    }
    if (candidate.order !== undefined && !Number.isInteger(candidate.order))
      refuse('order must be an integer');
    return freeze({ ...candidate, parent });
  }
}

function freeze(category: ServiceCategory): ServiceCategory {
  return Object.freeze({ ...category, names: Object.freeze({ ...category.names }) });
}
