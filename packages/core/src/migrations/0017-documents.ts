import { enableTenantIsolation } from '../db/tenant-table.js';
import type { Migration } from '../db/types.js';

/**
 * Issued documents and what shapes them, all tenant tables:
 * - `document_branding`: one row per tenant at most: logo (a `data:` URI), header lines and the
 *   signatory per locale, printed on every document of the city;
 * - `document_templates`: a tenant's own version of a template, per key and locale (checked by
 *   compiling before it is saved);
 * - `document_serial_counters`: the last serial number per year; issuing increments it in its own
 *   transaction, so serials are gap-free (a rolled-back issue rolls the counter back too);
 * - `issued_documents`: certificates as issued: serial, the SHA-256 of the verification code (the
 *   code itself is printed, never kept in a column), the holder's initials for the public verify
 *   page, the data and the rendered HTML as they were, the effect that issued it (idempotency) and
 *   the revocation. Rows are never deleted (no delete grant).
 */
export const documents: Migration = {
  name: '0017_documents',
  async up(knex) {
    await knex.schema.createTable('document_branding', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('logo');
      t.jsonb('header').notNullable().defaultTo('{}');
      t.jsonb('signatory').notNullable().defaultTo('{}');
      t.text('updated_by').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id']);
    });
    await knex.raw(`
      alter table document_branding
        add constraint document_branding_logo_check
          check (logo is null or (logo ~ '^data:image/(png|jpeg|svg\\+xml);base64,' and length(logo) <= 400000))
    `);

    await knex.schema.createTable('document_templates', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.text('key').notNullable();
      t.text('locale').notNullable();
      t.text('source').notNullable();
      t.text('updated_by').notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.primary(['tenant_id', 'key', 'locale']);
    });
    await knex.raw(`
      alter table document_templates
        add constraint document_templates_locale_check check (locale in ('uz-Latn', 'uz-Cyrl', 'ru', 'en')),
        add constraint document_templates_source_check check (length(source) between 1 and 100000)
    `);

    await knex.schema.createTable('document_serial_counters', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.integer('year').notNullable();
      t.integer('last_value').notNullable();
      t.primary(['tenant_id', 'year']);
    });

    await knex.schema.createTable('issued_documents', (t) => {
      t.text('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable().defaultTo(knex.raw('gen_random_uuid()'));
      t.uuid('inquiry_id').notNullable();
      t.text('kind').notNullable();
      t.text('template_key').notNullable();
      t.text('locale').notNullable();
      t.text('serial').notNullable();
      t.text('code_hash').notNullable();
      t.text('holder_initials').notNullable();
      t.jsonb('data').notNullable();
      t.text('html').notNullable();
      t.timestamp('issued_at', { useTz: true }).notNullable();
      t.text('issued_by').notNullable();
      t.uuid('effect_id');
      t.timestamp('revoked_at', { useTz: true });
      t.text('revoked_by');
      t.text('revoke_reason');
      t.primary(['tenant_id', 'id']);
      t.unique(['tenant_id', 'serial'], { indexName: 'issued_documents_serial_unique' });
      t.unique(['tenant_id', 'code_hash'], { indexName: 'issued_documents_code_unique' });
      t.unique(['tenant_id', 'effect_id'], { indexName: 'issued_documents_effect_unique' });
      t.foreign(['tenant_id', 'inquiry_id']).references(['tenant_id', 'id']).inTable('inquiries');
      t.index(['tenant_id', 'inquiry_id', 'issued_at']);
    });
    await knex.raw(`
      alter table issued_documents
        add constraint issued_documents_code_hash_check check (code_hash ~ '^[0-9a-f]{64}$'),
        add constraint issued_documents_locale_check check (locale in ('uz-Latn', 'uz-Cyrl', 'ru', 'en')),
        add constraint issued_documents_revocation_check check (
          (revoked_at is null and revoked_by is null and revoke_reason is null)
          or (revoked_at is not null and revoked_by is not null and revoke_reason is not null))
    `);

    await enableTenantIsolation(knex, 'document_branding', ['select', 'insert', 'update']);
    await enableTenantIsolation(knex, 'document_templates');
    await enableTenantIsolation(knex, 'document_serial_counters', ['select', 'insert', 'update']);
    await enableTenantIsolation(knex, 'issued_documents', ['select', 'insert', 'update']);
  },
};
