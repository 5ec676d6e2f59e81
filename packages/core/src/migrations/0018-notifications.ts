import type { Migration } from '../db/types.js';

/** Placeholder for notification messages; filled in by the change that builds it. */
export const notifications: Migration = {
  name: '0018_notifications',
  async up() {},
};
