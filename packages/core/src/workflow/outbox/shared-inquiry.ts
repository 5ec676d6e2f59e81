import type { Inquiry } from '../inquiry/types.js';
import type { OutboxDelivery } from './outbox-types.js';

/** Reads an inquiry by id (the workflow engine's `get`). */
export interface InquiryReader {
  get(tenantId: string, inquiryId: string): Promise<Inquiry>;
}

/**
 * A reader whose reads are shared by the subscribers of one delivery attempt: for `inquiry.filed`,
 * core's notifications and its invoicing both need the inquiry, and it is read once (under a key of
 * core's own, `core:inquiry:<tenant>:<id>`). Each caller gets a copy of its own, so none can change
 * what another sees. Without a delivery (a call outside the outbox), `reader`.
 */
export function sharedInquiries(reader: InquiryReader, delivery: OutboxDelivery | undefined): InquiryReader {
  if (!delivery) return reader;
  return {
    get: async (tenantId, inquiryId) =>
      structuredClone(
        await delivery.shared(`core:inquiry:${tenantId}:${inquiryId}`, () => reader.get(tenantId, inquiryId)),
      ),
  };
}
