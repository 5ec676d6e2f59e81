import type { Migration } from '../db/types.js';

/** Placeholder for invoices, payments, receipts and refunds; filled in by the change that builds it. */
export const payments: Migration = {
  name: '0016_payments',
  async up() {},
};
