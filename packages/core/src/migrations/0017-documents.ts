import type { Migration } from '../db/types.js';

/** Placeholder for issued documents and their templates; filled in by the change that builds it. */
export const documents: Migration = {
  name: '0017_documents',
  async up() {},
};
