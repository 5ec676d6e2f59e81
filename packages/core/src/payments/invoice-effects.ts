import type { EffectFunction } from '../plugins/contributions.js';
import type { FeeQuote } from '../fees/fee-types.js';
import { SYSTEM_ACTOR } from '../workflow/inquiry/types.js';
import type { FeeInquiry } from '../fees/fee-service.js';
import type { OutboxSubscriber } from '../workflow/outbox/outbox-types.js';
import { sharedInquiries, type InquiryReader } from '../workflow/outbox/shared-inquiry.js';
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
 * workflow's `core/create-invoice` does) or it is free. The quote comes first, so a free service
 * (most of them) costs one read of the inquiry, which the notifications subscriber shares in the
 * same delivery. Redelivery is harmless: an inquiry that has an invoice already is left alone, and
 * `ensureInvoice` returns the open invoice.
 */
export function invoiceOnFilingSubscriber(input: {
  payments: Pick<PaymentService, 'ensureInvoice' | 'invoiceFor'>;
  inquiries: InquiryReader;
  quote: (tenantId: string, inquiry: FeeInquiry) => Promise<FeeQuote>;
}): OutboxSubscriber {
  return {
    name: 'core:invoice-on-filing',
    handles: (type) => type === 'inquiry.filed',
    async deliver(event, delivery) {
      if (!event.inquiryId) return;
      const inquiry = await sharedInquiries(input.inquiries, delivery).get(event.tenantId, event.inquiryId);
      // Any invoice, even one cancelled since: this event's work is done.
      const invoiced = async () => (await input.payments.invoiceFor(event.tenantId, inquiry.id)) !== null;
      let quote: FeeQuote;
      try {
        quote = await input.quote(event.tenantId, inquiry);
      } catch (error) {
        // A fee that cannot be quoted any more (its service withdrawn since) is no reason to retry
        // an event whose invoice was made.
        if (await invoiced().catch(() => false)) return;
        throw error;
      }
      if (quote.free || quote.invoiceAt === 'effect' || (await invoiced())) return;
      await input.payments.ensureInvoice(event.tenantId, inquiry.id, SYSTEM_ACTOR);
    },
  };
}
