import type { GuardFunction } from '@darcha/core';
import { ossCentreErrors } from '../oss-centre.errors.js';
import { holdSlots } from './room-bookings.js';
import { findRoom } from './room-directory.js';
import { roomRequestOf } from './room-request.js';
import { bookingSlots, clockTime, localHour } from './room-slots.js';

/** The part of an inquiry the guard reads. */
interface GuardedInquiry {
  id: string;
  version: number;
  formData: unknown;
}

/**
 * `oss-centre/booking-held`, on `confirm_booking`: holds the requested hours of the room for the
 * inquiry in the confirmation's own transaction, so the booking and the confirmation commit together
 * or not at all. Refuses (`DARCHA_WORKFLOW_GUARD_REFUSED`, with the reason) when the room is not one
 * of the centre's, the participants exceed its capacity, the first hour has begun, or any hour is
 * held by another inquiry; nothing is then held. Of two confirmations of the same hour, however
 * concurrent, exactly one passes (the bookings' primary key decides).
 */
export const bookingHeldGuard: GuardFunction = async ({ tenantId, inquiry, trx }) => {
  const { id, version, formData } = inquiry as GuardedInquiry;
  const refuse = (reason: string) => ossCentreErrors.bookingRefused(tenantId, id, reason);
  const request = roomRequestOf(formData);
  if (!request) throw refuse('the inquiry is not a room-rental application');
  const room = await findRoom(trx, tenantId, request.room);
  if (!room) throw refuse(`"${request.room}" is not a room of this centre`);
  if (request.participants > room.capacity) {
    throw refuse(`room "${room.code}" seats ${room.capacity}, not ${request.participants} participants`);
  }
  const slots = bookingSlots(request.date, request.startHour, request.hours);
  if (slots[0]!.getTime() <= Date.now()) {
    throw refuse(`${request.date} ${clockTime(request.startHour)} has already begun`);
  }
  const taken = await holdSlots(trx, tenantId, {
    roomCode: room.code,
    slots,
    inquiryId: id,
    version: version + 1,
  });
  if (taken.length > 0) {
    const hours = taken.map((slot) => clockTime(localHour(slot))).join(', ');
    throw refuse(`room "${room.code}" is already booked on ${request.date} at ${hours}`);
  }
  return true;
};
