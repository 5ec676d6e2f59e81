import type { PluginRoute, PluginRouteRequest } from '@darcha/core';
import { ossCentreErrors } from '../oss-centre.errors.js';
import { heldSlots } from './room-bookings.js';
import { findRoom, listRooms } from './room-directory.js';
import { ROOM_CODE_PATTERN, type Room } from './room-settings.js';
import {
  CLOSING_HOUR,
  OPENING_HOUR,
  TIME_ZONE,
  clockTime,
  dayBounds,
  isCalendarDate,
  localHour,
  slotStart,
} from './room-slots.js';

/** One hour of a room's day as the availability route lists it. */
export interface HourAvailability {
  hour: number;
  /** Local time, `09:00`. */
  from: string;
  to: string;
  /** `taken`: booked by a confirmed request; `past`: already begun. */
  status: 'free' | 'taken' | 'past';
}

/** What `GET /rooms/:room/availability` answers. */
export interface RoomAvailability {
  room: Room;
  date: string;
  timeZone: string;
  hours: HourAvailability[];
  /** The start hours that can still be booked, for the form's `startHour`. */
  free: number[];
  taken: number[];
}

const ROOM_CODE = new RegExp(ROOM_CODE_PATTERN);

/**
 * `GET /rooms`: the centre's rooms with their names and capacity, for anyone (the portal's room
 * picker).
 */
export const roomsRoute: PluginRoute = {
  method: 'GET',
  path: '/rooms',
  roles: ['public'],
  handler: async (request) => ({
    body: { rooms: await request.withTenant((trx) => listRooms(trx, request.tenantId)) },
  }),
};

/**
 * `GET /rooms/:room/availability?date=YYYY-MM-DD`: each opening hour of the room on that day
 * (Asia/Tashkent) with whether it is free, taken or past, for anyone, so that the front office and
 * citizens pick free hours before filing. An unknown room or a missing or impossible date answers 400
 * (`DARCHA_HTTP_VALIDATION`, the fields listed). Who booked an hour is not shown.
 */
export const roomAvailabilityRoute: PluginRoute = {
  method: 'GET',
  path: '/rooms/:room/availability',
  roles: ['public'],
  handler: async (request) => ({ body: await availability(request) }),
};

async function availability(request: PluginRouteRequest): Promise<RoomAvailability> {
  const { tenantId } = request;
  const code = request.params['room'] ?? '';
  const date = request.query['date'];
  const fields: { field: string; message: string }[] = [];
  if (!isCalendarDate(date)) {
    fields.push({
      field: 'query/date',
      message: date === undefined ? 'is required (YYYY-MM-DD)' : 'must be a calendar date written YYYY-MM-DD',
    });
  }
  return request.withTenant(async (trx) => {
    const room = ROOM_CODE.test(code) ? await findRoom(trx, tenantId, code) : undefined;
    if (!room) {
      const known = (await listRooms(trx, tenantId)).map((r) => r.code);
      fields.unshift({
        field: 'params/room',
        message: `is not a room of this centre (its rooms: ${known.join(', ') || 'none'})`,
      });
    }
    if (!room || !isCalendarDate(date)) throw ossCentreErrors.requestInvalid(tenantId, fields);
    const { from, to } = dayBounds(date);
    const taken = new Set((await heldSlots(trx, tenantId, room.code, from, to)).map(localHour));
    const now = Date.now();
    const hours: HourAvailability[] = [];
    for (let hour = OPENING_HOUR; hour < CLOSING_HOUR; hour++) {
      const status = taken.has(hour) ? 'taken' : slotStart(date, hour).getTime() <= now ? 'past' : 'free';
      hours.push({ hour, from: clockTime(hour), to: clockTime(hour + 1), status });
    }
    return {
      room,
      date,
      timeZone: TIME_ZONE,
      hours,
      free: hours.filter((h) => h.status === 'free').map((h) => h.hour),
      taken: hours.filter((h) => h.status === 'taken').map((h) => h.hour),
    };
  });
}
