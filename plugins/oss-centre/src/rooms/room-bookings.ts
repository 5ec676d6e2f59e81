import type { TenantTransaction } from '@darcha/core';

// The booked hours of rooms: the rows of `oss_room_bookings`, one per hour.

/** What {@link holdSlots} asks for. */
export interface HoldInput {
  roomCode: string;
  /** The hours to hold, ascending (every holder inserts in the same order, so holds never deadlock). */
  slots: readonly Date[];
  inquiryId: string;
  /** The inquiry's version once the holding transition commits. */
  version: number;
}

const KEY = ['tenant_id', 'room_code', 'slot_start'];

/**
 * Holds the hours for the inquiry in the caller's transaction and returns those another inquiry
 * holds (empty: every hour is the inquiry's now). An hour already held by the inquiry itself stays
 * its own, with the new version. Relies on the primary key: of two transactions holding the same
 * hour, the second waits for the first and finds the hour taken once it commits.
 */
export async function holdSlots(trx: TenantTransaction, tenantId: string, input: HoldInput): Promise<Date[]> {
  await trx('oss_room_bookings')
    .insert(
      input.slots.map((slot) => ({
        tenant_id: tenantId,
        room_code: input.roomCode,
        slot_start: slot,
        inquiry_id: input.inquiryId,
        held_version: input.version,
      })),
    )
    .onConflict(KEY)
    .ignore();
  const rows: { slot_start: Date | string; inquiry_id: string }[] = await trx('oss_room_bookings')
    .where({ tenant_id: tenantId, room_code: input.roomCode })
    .whereIn('slot_start', [...input.slots])
    .orderBy('slot_start')
    .select('slot_start', 'inquiry_id');
  const taken = rows
    .filter((row) => row.inquiry_id !== input.inquiryId)
    .map((row) => new Date(row.slot_start));
  if (taken.length === 0) {
    await trx('oss_room_bookings')
      .where({ tenant_id: tenantId, inquiry_id: input.inquiryId })
      .update({ held_version: input.version });
  }
  return taken;
}

/**
 * Frees the hours the inquiry held before `version` (the version of the transition that closed it);
 * returns how many. A hold made by a later transition is kept.
 */
export async function releaseSlots(
  trx: TenantTransaction,
  tenantId: string,
  inquiryId: string,
  version: number,
): Promise<number> {
  return trx('oss_room_bookings')
    .where({ tenant_id: tenantId, inquiry_id: inquiryId })
    .andWhere('held_version', '<', version)
    .delete();
}

/** The held hours of a room from `from` (inclusive) to `to` (exclusive), ascending. */
export async function heldSlots(
  trx: TenantTransaction,
  tenantId: string,
  roomCode: string,
  from: Date,
  to: Date,
): Promise<Date[]> {
  const rows: { slot_start: Date | string }[] = await trx('oss_room_bookings')
    .where({ tenant_id: tenantId, room_code: roomCode })
    .andWhere('slot_start', '>=', from)
    .andWhere('slot_start', '<', to)
    .orderBy('slot_start')
    .select('slot_start');
  return rows.map((row) => new Date(row.slot_start));
}
