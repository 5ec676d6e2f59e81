/**
 * Hours of a room, in the centres' local time. Uzbekistan keeps one time zone, Asia/Tashkent, at
 * UTC+5 with no daylight saving (services.md), so a local hour is a fixed instant: 10:00 on
 * 2026-12-15 is `2026-12-15T10:00:00+05:00`. One booked hour is one slot, named by its start.
 */

/** The time zone every slot is given in. */
export const TIME_ZONE = 'Asia/Tashkent';

/** Asia/Tashkent's offset from UTC, constant since 1992. */
const UTC_OFFSET = '+05:00';
const OFFSET_HOURS = 5;

/** The first hour a session may start: the centre opens at 09:00. *Assumed* opening hours. */
export const OPENING_HOUR = 9;
/** Sessions end by 18:00, when the centre closes. *Assumed* opening hours. */
export const CLOSING_HOUR = 18;
/** The longest booking, in hours: a working day. */
export const MAX_HOURS = 8;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written `YYYY-MM-DD` (not `2026-02-30`). */
export function isCalendarDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The instant local hour `hour` (0-23) of `date` (`YYYY-MM-DD`) begins. */
export function slotStart(date: string, hour: number): Date {
  return new Date(`${date}T${clockTime(hour)}:00${UTC_OFFSET}`);
}

/** The slots of a booking: `hours` consecutive hours of `date` from `startHour`, in order. */
export function bookingSlots(date: string, startHour: number, hours: number): Date[] {
  return Array.from({ length: hours }, (_, index) => slotStart(date, startHour + index));
}

/** The local hour (0-23) a slot begins at. */
export function localHour(slot: Date): number {
  return (slot.getUTCHours() + OFFSET_HOURS) % 24;
}

/** `09:00` for hour 9. */
export function clockTime(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The instants a local day begins and ends. */
export function dayBounds(date: string): { from: Date; to: Date } {
  const from = slotStart(date, 0);
  return { from, to: new Date(from.getTime() + 24 * 3_600_000) };
}
