import type { TenantTransaction } from '../db/types.js';
import type { ServiceRegistry } from '../registry/contracts.js';
import type { PaymentCheck } from '../workflow/engine/engine-types.js';

/**
 * The workflow engine's `requires: { payment: true }` check, run inside the transition's
 * transaction: the inquiry has a paid invoice; or its service is free and no invoice is open.
 */
export function paymentCheck(services: Pick<ServiceRegistry, 'get'>): PaymentCheck {
  return {
    async isPaid(trx: TenantTransaction, tenantId: string, inquiryId: string): Promise<boolean> {
      const invoices = await trx('invoices')
        .where({ tenant_id: tenantId, inquiry_id: inquiryId })
        .whereIn('status', ['issued', 'paid'])
        .select<Array<{ status: string }>>('status');
      if (invoices.some((i) => i.status === 'paid')) return true;
      if (invoices.length > 0) return false;
      const inquiry = await trx('inquiries')
        .where({ tenant_id: tenantId, id: inquiryId })
        .first<{ service_code: string; service_version: number } | undefined>(
          'service_code',
          'service_version',
        );
      if (!inquiry) return false;
      // The pinned version is in memory while its plugin is active; else the current one decides.
      const definition = await services
        .get(inquiry.service_code, inquiry.service_version)
        .catch(() => services.get(inquiry.service_code));
      return definition.fee.free === true;
    },
  };
}
