import type { Migration } from '../db/types.js';

/** Placeholder for ratings and their reviews; filled in by the change that builds it. */
export const ratings: Migration = {
  name: '0019_ratings',
  async up() {},
};
