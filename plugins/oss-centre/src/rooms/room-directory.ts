import type { Locale, TenantTransaction } from '@darcha/core';
import { ossCentreErrors } from '../oss-centre.errors.js';
import type { Room } from './room-settings.js';

interface RoomRow {
  code: string;
  names: Record<Locale, string>;
  capacity: number;
}

/**
 * Copies the tenant's rooms (from its settings) into `oss_rooms`: each listed room is added or
 * updated and active; every other room of the tenant becomes inactive (its bookings stay). Refuses
 * a list that names a room twice.
 */
export async function syncRooms(
  trx: TenantTransaction,
  tenantId: string,
  rooms: readonly Room[],
): Promise<void> {
  const codes = rooms.map((room) => room.code);
  const twice = codes.filter((code, index) => codes.indexOf(code) !== index);
  if (twice.length > 0) throw ossCentreErrors.roomsDuplicated(tenantId, [...new Set(twice)]);
  const now = new Date();
  await trx('oss_rooms')
    .insert(
      rooms.map((room) => ({
        tenant_id: tenantId,
        code: room.code,
        names: JSON.stringify(room.names),
        capacity: room.capacity,
        active: true,
        updated_at: now,
      })),
    )
    .onConflict(['tenant_id', 'code'])
    .merge(['names', 'capacity', 'active', 'updated_at']);
  await trx('oss_rooms')
    .where({ tenant_id: tenantId, active: true })
    .whereNotIn('code', codes)
    .update({ active: false, updated_at: now });
}

/** The tenant's active room with this code, or `undefined`. */
export async function findRoom(
  trx: TenantTransaction,
  tenantId: string,
  code: string,
): Promise<Room | undefined> {
  const row: RoomRow | undefined = await trx('oss_rooms')
    .where({ tenant_id: tenantId, code, active: true })
    .first('code', 'names', 'capacity');
  return row && { code: row.code, names: row.names, capacity: row.capacity };
}

/** The tenant's active rooms, by code. */
export async function listRooms(trx: TenantTransaction, tenantId: string): Promise<Room[]> {
  const rows: RoomRow[] = await trx('oss_rooms')
    .where({ tenant_id: tenantId, active: true })
    .orderBy('code')
    .select('code', 'names', 'capacity');
  return rows.map((row) => ({ code: row.code, names: row.names, capacity: row.capacity }));
}
