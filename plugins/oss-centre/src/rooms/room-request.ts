import { isCalendarDate } from './room-slots.js';

/** What a room-rental application asks for, read from its validated form data. */
export interface RoomRequest {
  room: string;
  /** `YYYY-MM-DD`, local date. */
  date: string;
  startHour: number;
  hours: number;
  participants: number;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/**
 * The request in a room-rental inquiry's form data, or `undefined` when the data is not one (the form
 * validated it at filing, so only an inquiry of another service or a corrupted row gets here).
 */
export function roomRequestOf(formData: unknown): RoomRequest | undefined {
  if (typeof formData !== 'object' || formData === null) return undefined;
  const { room, date, startHour, hours, participants } = formData as Record<string, unknown>;
  if (typeof room !== 'string' || !isCalendarDate(date)) return undefined;
  if (!isCount(startHour) || !isCount(hours) || !isCount(participants) || hours < 1) return undefined;
  return { room, date, startHour, hours, participants };
}
