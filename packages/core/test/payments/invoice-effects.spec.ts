import { expect } from 'chai';
import { freeQuote } from '../../src/fees/quote-fee.js';
import type { FeeQuote } from '../../src/fees/fee-types.js';
import { invoiceOnFilingSubscriber } from '../../src/payments/invoice-effects.js';
import type { Invoice } from '../../src/payments/types.js';
import type { Inquiry } from '../../src/workflow/inquiry/types.js';
import { deliverOutboxEvent } from '../../src/workflow/outbox/deliver-outbox-event.js';
import type { OutboxEvent, OutboxSubscriber } from '../../src/workflow/outbox/outbox-types.js';
import { sharedInquiries } from '../../src/workflow/outbox/shared-inquiry.js';
import { outboxEvent } from '../workflow/outbox/fixtures.js';

const INQUIRY_ID = '5b1e3c9a-0d6f-4c52-9a55-2b1a7f0c1c9e';

function filed(): OutboxEvent {
  return outboxEvent({ inquiryId: INQUIRY_ID, payload: { inquiryId: INQUIRY_ID } });
}

const paid: FeeQuote = { ...freeQuote('gas.connection', 1, '2026-11-30'), free: false, total: 75_000 };

/** The subscriber on fakes that record what they were asked. */
function subject(quote: () => Promise<FeeQuote>, existing: Invoice | null = null) {
  const calls: string[] = [];
  const inquiry = { id: INQUIRY_ID, serviceCode: 'gas.connection', serviceVersion: 1 } as Inquiry;
  const inquiries = {
    get: async (tenantId: string, id: string) => {
      calls.push(`read ${tenantId}/${id}`);
      return inquiry;
    },
  };
  const subscriber = invoiceOnFilingSubscriber({
    inquiries,
    quote: async () => {
      calls.push('quote');
      return quote();
    },
    payments: {
      invoiceFor: async () => {
        calls.push('invoiceFor');
        return existing;
      },
      ensureInvoice: async () => {
        calls.push('ensureInvoice');
        return {} as Invoice;
      },
    },
  });
  return { subscriber, calls, inquiries };
}

describe('the invoice-on-filing subscriber', () => {
  it('leaves a free service at the quote, without looking for invoices', async () => {
    const { subscriber, calls } = subject(async () => freeQuote('gas.debt-information', 1, '2026-11-30'));
    await subscriber.deliver(filed());
    expect(calls).to.deep.equal([`read chirchik/${INQUIRY_ID}`, 'quote']);
  });

  it('invoices a paid service that has no invoice yet, and not one that has', async () => {
    const fresh = subject(async () => paid);
    await fresh.subscriber.deliver(filed());
    expect(fresh.calls.slice(1)).to.deep.equal(['quote', 'invoiceFor', 'ensureInvoice']);

    const again = subject(async () => paid, { id: 'inv-1' } as Invoice);
    await again.subscriber.deliver(filed());
    expect(again.calls.slice(1)).to.deep.equal(['quote', 'invoiceFor']);
  });

  it('leaves an event whose fee cannot be quoted any more alone once its invoice exists, else fails it', async () => {
    const unquotable = async (): Promise<FeeQuote> => {
      throw new Error('service withdrawn');
    };
    const invoiced = subject(unquotable, { id: 'inv-1' } as Invoice);
    await invoiced.subscriber.deliver(filed());
    expect(invoiced.calls.slice(1)).to.deep.equal(['quote', 'invoiceFor']);

    const not = subject(unquotable);
    let failure: unknown;
    await not.subscriber.deliver(filed()).catch((error: unknown) => (failure = error));
    expect((failure as Error).message).to.equal('service withdrawn');
  });

  it('shares its read of the inquiry with the other subscribers of the delivery', async () => {
    const { subscriber, calls, inquiries } = subject(async () => paid, { id: 'inv-1' } as Invoice);
    const notifier: OutboxSubscriber = {
      name: 'core:notifications',
      handles: () => true,
      deliver: async (event, delivery) => {
        await sharedInquiries(inquiries, delivery).get(event.tenantId, event.inquiryId!);
      },
    };

    const attempt = await deliverOutboxEvent(filed(), [subscriber, notifier], 1000);

    expect(attempt.failures).to.deep.equal([]);
    expect(calls.filter((c) => c.startsWith('read'))).to.have.length(1);
  });
});
