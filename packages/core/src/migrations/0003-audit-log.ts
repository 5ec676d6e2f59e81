import { enableTenantIsolation } from '../db/tenant-table.js';
import { HOST_ROLE, type Migration } from '../db/types.js';

/**
 * The first tenant table: each city's append-only log of administrative actions (who did what to
 * which record). The app role may read and append, never change or delete; the host role may
 * append, for host-side changes to a tenant.
 */
export const auditLog: Migration = {
  name: '0003_audit_log',
  async up(knex) {
    await knex.schema.createTable('audit_log', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.text('actor').notNullable();
      t.text('action').notNullable();
      t.text('subject_type');
      t.text('subject_id');
      t.jsonb('details').notNullable().defaultTo('{}');
      t.text('request_id');
      t.primary(['tenant_id', 'id']);
      t.index(['tenant_id', 'at']);
      t.index(['tenant_id', 'subject_type', 'subject_id']);
    });
    await enableTenantIsolation(knex, 'audit_log', ['select', 'insert']);
    // Host-side changes (suspending a tenant) are audited in the same transaction, still under RLS.
    await knex.raw(`grant insert on audit_log to ${HOST_ROLE}`);
  },
};
