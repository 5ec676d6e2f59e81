import type { Inquiry } from '../inquiry/types.js';
import type { OutboxDelivery } from './outbox-types.js';

/** Reads an inquiry by id (the workflow engine's `get`). */
export interface InquiryReader {
  get(tenantId: string, inquiryId: string): Promise<Inquiry>;
}

/**
 * A reader whose reads are shared by the subscribers of one delivery attempt: for `inquiry.filed`,
 * core's notifications and its invoicing both need the inquiry, and it is read once. The inquiry
 * is shared, so neither may change it. Without a delivery (a call outside the outbox), `reader`.
 */
export function sharedInquiries(reader: InquiryReader, delivery: OutboxDelivery | undefined): InquiryReader {
  if (!delivery) return reader;
  return {
    get: (tenantId, inquiryId) =>
      delivery.shared(`inquiry:${tenantId}:${inquiryId}`, () => reader.get(tenantId, inquiryId)),
  };
}
