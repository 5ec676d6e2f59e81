import type { EventHandler } from '@darcha/core';
import { ROOM_RENTAL_CODE } from '../services/room-rental.js';
import { ROOM_HOLDING_STATES } from '../workflows/room-rental-workflow.js';
import { releaseSlots } from './room-bookings.js';

/** The part of an `inquiry.transitioned` payload the handler reads. */
interface TransitionedPayload {
  inquiryId: string;
  serviceCode: string;
  to: string;
  version: number;
}

/**
 * On `inquiry.transitioned`: when a room-rental inquiry moves to a state that holds no hours
 * (rejected, withdrawn, cancelled for not paying), frees the hours it held. Idempotent (delivered at
 * least once), and it frees only hours held before that transition, so a late delivery cannot free
 * a newer hold of the same inquiry (after an appeal).
 */
export const releaseBookingOnClose: EventHandler = async (event) => {
  const payload = event.payload as Partial<TransitionedPayload>;
  if (payload.serviceCode !== ROOM_RENTAL_CODE) return;
  if (typeof payload.to !== 'string' || ROOM_HOLDING_STATES.includes(payload.to)) return;
  const { inquiryId, version } = payload;
  if (typeof inquiryId !== 'string' || typeof version !== 'number') return;
  await event.withTenant((trx) => releaseSlots(trx, event.tenantId, inquiryId, version));
};
