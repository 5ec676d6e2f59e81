import type { Migration } from '../db/types.js';

/** Placeholder for fees (the BHM table); filled in by the change that builds it. */
export const baseAmounts: Migration = {
  name: '0015_base_amounts',
  async up() {},
};
