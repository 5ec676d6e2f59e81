import { DateTime } from 'luxon';

/**
 * An instant as GeoReport v2 writes it: ISO 8601 with the tenant's offset
 * (`2026-03-02T14:05:09+05:00` in Asia/Tashkent), milliseconds only when there are some.
 */
export function open311DateTime(instant: Date, timeZone: string): string {
  const text = DateTime.fromJSDate(instant, { zone: timeZone }).toISO({ suppressMilliseconds: true });
  // fromJSDate of a valid Date in a zone luxon knows always formats; a broken zone falls back to UTC.
  return text ?? instant.toISOString();
}

/**
 * Reads an ISO 8601 date or date-time from a query parameter. A value without an offset
 * (`2026-03-02` or `2026-03-02T09:00`) is read in the tenant's time zone. Undefined when it is not
 * ISO 8601.
 */
export function parseOpen311DateTime(text: string, timeZone: string): Date | undefined {
  if (text.length > 40) return undefined;
  const parsed = DateTime.fromISO(text, { zone: timeZone });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

/** `instant` moved by a number of calendar days in the tenant's time zone. */
export function plusDays(instant: Date, days: number, timeZone: string): Date {
  return DateTime.fromJSDate(instant, { zone: timeZone }).plus({ days }).toJSDate();
}
