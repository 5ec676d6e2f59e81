import { enableTenantIsolation } from '../db/tenant-table.js';
import type { Migration } from '../db/types.js';

/**
 * Invoices, payments, receipts and refunds, all tenant tables. Money is integer soums (`bigint`).
 * - `invoices`: one per inquiry at a time (a partial unique index admits at most one `issued` or
 *   `paid` invoice per inquiry), with the lines and the whole fee quote as they were when it was
 *   issued; `paid_amount` and `refunded_amount` are kept by the payment service and stay within
 *   `total`. Status: issued -> paid | cancelled | expired.
 * - `payments`: desk payments (cash, card) are confirmed at once; provider payments start `pending`
 *   and are confirmed (or failed) by the provider's callback. `(provider_id, provider_reference)` is
 *   unique per tenant, so a replayed callback finds the same row; a confirmed payment has a receipt
 *   number, unique per tenant.
 * - `receipt_counters`: the last receipt number per tenant and year, taken in the payment's own
 *   transaction, so numbers are gap-free (a rolled-back payment rolls the counter back too).
 * - `refunds`: requested by a cashier, approved or rejected by someone else; only approved refunds
 *   count in `refunded_amount`.
 */
export const payments: Migration = {
  name: '0016_payments',
  async up(knex) {
    await knex.schema.createTable('invoices', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.uuid('inquiry_id').notNullable();
      t.text('service_code').notNullable();
      t.integer('service_version').notNullable();
      t.text('agency_code');
      t.text('status').notNullable();
      t.text('currency').notNullable().defaultTo('UZS');
      t.bigInteger('total').notNullable();
      t.bigInteger('paid_amount').notNullable().defaultTo(0);
      t.bigInteger('refunded_amount').notNullable().defaultTo(0);
      t.jsonb('lines').notNullable();
      t.jsonb('quote').notNullable();
      t.boolean('partial_allowed').notNullable().defaultTo(false);
      t.timestamp('issued_at', { useTz: true }).notNullable();
      t.timestamp('due_at', { useTz: true }).notNullable();
      t.timestamp('paid_at', { useTz: true });
      t.timestamp('cancelled_at', { useTz: true });
      t.text('cancelled_by');
      t.text('cancel_reason');
      t.timestamp('expired_at', { useTz: true });
      t.text('created_by').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'id']);
      t.foreign(['tenant_id', 'inquiry_id']).references(['tenant_id', 'id']).inTable('inquiries');
      t.index(['tenant_id', 'inquiry_id']);
      t.index(['tenant_id', 'status', 'due_at']);
      t.index(['tenant_id', 'issued_at']);
    });
    await knex.raw(`
      alter table invoices
        add constraint invoices_status_check check (status in ('issued', 'paid', 'cancelled', 'expired')),
        add constraint invoices_currency_check check (currency = 'UZS'),
        add constraint invoices_total_check check (total >= 0),
        add constraint invoices_paid_amount_check check (paid_amount >= 0 and paid_amount <= total),
        add constraint invoices_refunded_amount_check check (refunded_amount >= 0 and refunded_amount <= paid_amount),
        add constraint invoices_lines_check check (jsonb_typeof(lines) = 'array'),
        add constraint invoices_quote_check check (jsonb_typeof(quote) = 'object'),
        add constraint invoices_paid_check check (status <> 'paid' or (paid_at is not null and paid_amount = total)),
        add constraint invoices_cancelled_check check (
          status <> 'cancelled' or (cancelled_at is not null and cancel_reason is not null))
    `);
    await knex.raw(
      `create unique index invoices_open_per_inquiry on invoices (tenant_id, inquiry_id) where status in ('issued', 'paid')`,
    );

    await knex.schema.createTable('payments', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.uuid('invoice_id').notNullable();
      t.uuid('inquiry_id').notNullable();
      t.text('method').notNullable();
      t.text('provider_id');
      t.text('provider_reference');
      t.text('redirect_url');
      t.text('status').notNullable();
      t.text('currency').notNullable().defaultTo('UZS');
      t.bigInteger('amount').notNullable();
      t.bigInteger('refunded_amount').notNullable().defaultTo(0);
      t.text('receipt_number');
      t.integer('receipt_year');
      t.text('received_by');
      t.text('started_by').notNullable();
      t.timestamp('started_at', { useTz: true }).notNullable();
      t.timestamp('confirmed_at', { useTz: true });
      t.timestamp('failed_at', { useTz: true });
      t.text('failure_reason');
      t.primary(['tenant_id', 'id']);
      t.foreign(['tenant_id', 'invoice_id']).references(['tenant_id', 'id']).inTable('invoices');
      t.foreign(['tenant_id', 'inquiry_id']).references(['tenant_id', 'id']).inTable('inquiries');
      t.unique(['tenant_id', 'provider_id', 'provider_reference'], {
        indexName: 'payments_provider_reference_unique',
      });
      t.unique(['tenant_id', 'receipt_number'], { indexName: 'payments_receipt_number_unique' });
      t.index(['tenant_id', 'invoice_id']);
      t.index(['tenant_id', 'inquiry_id']);
      t.index(['tenant_id', 'confirmed_at']);
    });
    await knex.raw(`
      alter table payments
        add constraint payments_method_check check (method in ('cash', 'card', 'provider')),
        add constraint payments_status_check check (status in ('pending', 'confirmed', 'failed')),
        add constraint payments_currency_check check (currency = 'UZS'),
        add constraint payments_amount_check check (amount > 0),
        add constraint payments_refunded_amount_check check (refunded_amount >= 0 and refunded_amount <= amount),
        add constraint payments_provider_check check (
          (method = 'provider') = (provider_id is not null and provider_reference is not null)),
        add constraint payments_confirmed_check check (
          (status = 'confirmed') = (confirmed_at is not null and receipt_number is not null and receipt_year is not null))
    `);

    await knex.schema.createTable('receipt_counters', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.integer('year').notNullable();
      t.integer('last').notNullable();
      t.primary(['tenant_id', 'year']);
    });
    await knex.raw(
      `alter table receipt_counters add constraint receipt_counters_last_check check (last >= 1)`,
    );

    await knex.schema.createTable('refunds', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.uuid('payment_id').notNullable();
      t.uuid('invoice_id').notNullable();
      t.bigInteger('amount').notNullable();
      t.text('reason').notNullable();
      t.text('status').notNullable();
      t.text('requested_by').notNullable();
      t.timestamp('requested_at', { useTz: true }).notNullable();
      t.text('decided_by');
      t.timestamp('decided_at', { useTz: true });
      t.text('decision_note');
      t.primary(['tenant_id', 'id']);
      t.foreign(['tenant_id', 'payment_id']).references(['tenant_id', 'id']).inTable('payments');
      t.foreign(['tenant_id', 'invoice_id']).references(['tenant_id', 'id']).inTable('invoices');
      t.index(['tenant_id', 'payment_id']);
      t.index(['tenant_id', 'invoice_id']);
      t.index(['tenant_id', 'status', 'decided_at']);
    });
    await knex.raw(`
      alter table refunds
        add constraint refunds_amount_check check (amount > 0),
        add constraint refunds_reason_check check (length(btrim(reason)) between 1 and 1000),
        add constraint refunds_status_check check (status in ('requested', 'approved', 'rejected')),
        add constraint refunds_decision_check check (
          (status = 'requested') = (decided_at is null and decided_by is null)),
        add constraint refunds_four_eyes_check check (decided_by is null or decided_by <> requested_by)
    `);

    await enableTenantIsolation(knex, 'invoices', ['select', 'insert', 'update']);
    await enableTenantIsolation(knex, 'payments', ['select', 'insert', 'update']);
    await enableTenantIsolation(knex, 'receipt_counters', ['select', 'insert', 'update']);
    await enableTenantIsolation(knex, 'refunds', ['select', 'insert', 'update']);
  },
};
