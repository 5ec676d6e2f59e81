import { PostgresDocumentService } from '../../src/documents/postgres-document-service.js';
import { ContributionRegistry } from '../../src/plugins/contribution-registry.js';
import { definePlugin } from '../../src/plugins/define-plugin.js';
import { PostgresAgencyDirectory } from '../../src/registry/postgres-agency-directory.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';
import type { Inquiry } from '../../src/workflow/inquiry/types.js';
import type { OutboxEvent } from '../../src/workflow/outbox/outbox-types.js';
import { GAS_NO_DEBT, openEngineFixture, type EngineFixture } from '../workflow/engine/engine-fixture.js';

/** The gas plugin's own certificate, in two locales only (the rest fall back). */
export const GAS_CERTIFICATE = {
  'uz-Latn':
    '<h1>Qarzdorlik yo‘q</h1><p>{{holder.name}}, hisob {{form.account}}, {{date issuedAt}}</p>' +
    '<p>{{[agency-gas/account-label] form.account}}</p>',
  ru: '<h1>Справка об отсутствии задолженности</h1><p>{{holder.name}}, счёт {{form.account}}, {{date issuedAt}}</p>',
};

export interface DocumentsFixture extends EngineFixture {
  documents: PostgresDocumentService;
  tenants: PostgresTenantRegistry;
  contributions: ContributionRegistry;
  /** Files a gas no-debt certificate inquiry in `tenantId` and walks it to `ready`; returns the effect event. */
  issueViaWorkflow(options?: {
    tenantId?: string;
    applicant?: Partial<Inquiry['applicant']>;
  }): Promise<{ inquiry: Inquiry; effect: OutboxEvent }>;
}

export async function openDocumentsFixture(options: { publicUrl?: string } = {}): Promise<DocumentsFixture> {
  const base = await openEngineFixture();
  const tenants = new PostgresTenantRegistry(base.db);
  const contributions = new ContributionRegistry();
  contributions.add(
    definePlugin({
      id: 'agency-gas',
      version: '1.0.0',
      kind: 'agency',
      engines: { darcha: '^1.0.0' },
      templates: { 'agency-gas/no-debt-certificate': GAS_CERTIFICATE },
      helpers: { 'agency-gas/account-label': (value: unknown) => `№ ${String(value)}` },
    }),
  );
  const documents = new PostgresDocumentService({
    db: base.db,
    tenants,
    services: base.services,
    agencies: new PostgresAgencyDirectory(base.db),
    inquiries: base.engine,
    contributions,
    clock: base.clock.read,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  const fixture: DocumentsFixture = {
    ...base,
    documents,
    tenants,
    contributions,
    async issueViaWorkflow({ tenantId = 'chirchik', applicant = {} } = {}) {
      const officer =
        tenantId === 'chirchik'
          ? base.actors.officer
          : {
              ...base.actors.officer,
              id: (
                await base.staff.create(tenantId, {
                  displayName: 'officer',
                  roles: ['back_office'],
                  agencyCodes: ['gorgas'],
                })
              ).id,
            };
      const filing = base.filing({ serviceCode: GAS_NO_DEBT.code });
      const filed = await base.engine.file(
        tenantId,
        { ...filing, applicant: { ...filing.applicant, ...applicant } as Inquiry['applicant'] },
        base.actors.operator,
      );
      let inquiry = filed.inquiry;
      inquiry = (await base.engine.claim(tenantId, inquiry.id, inquiry.version, officer)).inquiry;
      inquiry = (
        await base.engine.transition(
          tenantId,
          inquiry.id,
          { action: 'take_in_review', expectedVersion: inquiry.version },
          officer,
        )
      ).inquiry;
      inquiry = (
        await base.engine.transition(
          tenantId,
          inquiry.id,
          { action: 'issue_certificate', expectedVersion: inquiry.version, data: { debt: 0 } },
          officer,
        )
      ).inquiry;
      const row = (await base.db.withTenant(tenantId, (trx) =>
        trx('outbox_events')
          .where({ tenant_id: tenantId, inquiry_id: inquiry.id, type: 'workflow.effect' })
          .whereRaw(`payload->>'effect' = 'core/issue-document'`)
          .first(),
      )) as { id: string; type: string; payload: Record<string, unknown>; created_at: Date };
      const effect: OutboxEvent = {
        id: row.id,
        tenantId,
        type: row.type,
        inquiryId: inquiry.id,
        payload: row.payload,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: row.created_at,
        lastError: null,
        deliveredTo: [],
        createdAt: row.created_at,
        deliveredAt: null,
      };
      return { inquiry, effect };
    },
  };
  return fixture;
}
