import type { EffectFunction } from '../plugins/contributions.js';
import type { FeeQuote } from '../fees/fee-types.js';
import { SYSTEM_ACTOR } from '../workflow/inquiry/types.js';
import type { OutboxSubscriber } from '../workflow/outbox/outbox-types.js';
import type { PaymentService } from './types.js';

/** The workflow effect that makes the inquiry's invoice (`effects: ['core/create-invoice']`). */
export const CREATE_INVOICE_EFFECT = 'core/create-invoice';

/** Runs `core/create-invoice`: idempotent, since an inquiry has at most one open invoice. */
export function createInvoiceEffect(payments: Pick<PaymentService, 'ensureInvoice'>): EffectFunction {
  return async ({ tenantId, inquiry }) => {
    const { id } = inquiry as { id: string };
    await payments.ensureInvoice(tenantId, id, SYSTEM_ACTOR);
  };
}

/**
 * Makes the invoice when an inquiry is filed, unless its fee says `invoiceAt: 'effect'` (then the
 * workflow's `core/create-invoice` does) or it is free. Redelivery is harmless: `ensureInvoice`
 * returns the open invoice.
 */
export function invoiceOnFilingSubscriber(input: {
  payments: Pick<PaymentService, 'ensureInvoice' | 'invoiceFor'>;
  quote: (tenantId: string, inquiryId: string) => Promise<FeeQuote>;
}): OutboxSubscriber {
  return {
    name: 'core:invoice-on-filing',
    handles: (type) => type === 'inquiry.filed',
    async deliver(event) {
      if (!event.inquiryId) return;
      // Any invoice, even one cancelled since: this event's work is done.
      if (await input.payments.invoiceFor(event.tenantId, event.inquiryId)) return;
      const quote = await input.quote(event.tenantId, event.inquiryId);
      if (quote.free || quote.invoiceAt === 'effect') return;
      await input.payments.ensureInvoice(event.tenantId, event.inquiryId, SYSTEM_ACTOR);
    },
  };
}
