import type { IANAZone } from 'luxon';
import { epochDayOf, instantAt, minutesOfDay, weekdayOfEpochDay } from './calendar-dates.js';
import { WEEKDAYS, type CalendarDefinition, type DayHours, type Weekday } from './types.js';

/** Working hours of one day in minutes since local midnight, start included, end excluded. */
export type MinuteInterval = readonly [start: number, end: number];

/** Working time as instants (epoch ms), start included, end excluded. */
export type Span = readonly [start: number, end: number];

const NO_HOURS: readonly MinuteInterval[] = [];
const CACHE_LIMIT = 4_096;

function toMinutes(hours: DayHours): readonly MinuteInterval[] {
  if (hours === 'closed') return NO_HOURS;
  return hours.map(([start, end]) => [minutesOfDay(start), minutesOfDay(end)] as const);
}

/** Epoch days of the given dates; the definition was validated, so every date is real. */
function epochDays<T extends { date: string }>(entries: readonly T[] | undefined): [number, T][] {
  return (entries ?? []).flatMap((entry) => {
    const day = epochDayOf(entry.date);
    return day === undefined ? [] : [[day, entry] as [number, T]];
  });
}

/**
 * Which hours are worked on which local date, from a validated {@link CalendarDefinition}: an extra
 * working day's own hours, else nothing on a holiday, else the weekday's hours. Spans (instants) are
 * computed once per date and kept in a bounded cache.
 */
export class DaySchedule {
  private readonly weekly: Readonly<Record<Weekday, readonly MinuteInterval[]>>;
  private readonly holidays: ReadonlySet<number>;
  private readonly extra: ReadonlyMap<number, readonly MinuteInterval[]>;
  private readonly spans = new Map<number, readonly Span[]>();

  constructor(
    definition: CalendarDefinition,
    private readonly zone: IANAZone,
  ) {
    const week = definition.workingWeek;
    this.weekly = Object.fromEntries(WEEKDAYS.map((d) => [d, toMinutes(week[d])])) as Record<
      Weekday,
      readonly MinuteInterval[]
    >;
    this.holidays = new Set(epochDays(definition.holidays).map(([day]) => day));
    this.extra = new Map(epochDays(definition.extraWorkingDays).map(([day, d]) => [day, toMinutes(d.hours)]));
  }

  /** True when at least one weekday has working hours, so working time never runs out. */
  get hasWeeklyHours(): boolean {
    return WEEKDAYS.some((d) => this.weekly[d].length > 0);
  }

  /** The hours worked on the local date `day` (an epoch day); empty when nobody works. */
  hoursOn(day: number): readonly MinuteInterval[] {
    const extra = this.extra.get(day);
    if (extra) return extra;
    if (this.holidays.has(day)) return NO_HOURS;
    return this.weekly[weekdayOfEpochDay(day)];
  }

  /** The working time on the local date `day` as instants, in order; empty when nobody works. */
  spansOn(day: number): readonly Span[] {
    const cached = this.spans.get(day);
    if (cached) return cached;
    const spans: Span[] = [];
    for (const [start, end] of this.hoursOn(day)) {
      const from = instantAt(day, start, this.zone);
      const to = instantAt(day, end, this.zone);
      // A daylight-saving jump can swallow a whole interval; it then holds no working time.
      if (to > from) spans.push([from, to]);
    }
    if (this.spans.size >= CACHE_LIMIT) this.spans.clear();
    this.spans.set(day, spans);
    return spans;
  }
}
