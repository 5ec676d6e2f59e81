import { IANAZone } from 'luxon';
import { epochDayAt, epochDayOf, isoOfEpochDay, MS_PER_DAY, MS_PER_MINUTE } from './calendar-dates.js';
import { assertCalendarDefinition } from './calendar.schema.js';
import { calendarArgumentInvalid, calendarNoWorkingTime } from './calendar.errors.js';
import { DaySchedule, type Span } from './day-schedule.js';
import type { CalendarDefinition } from './types.js';
import { deepFreeze } from '../util/deep-freeze.js';

/** An instant: a `Date` or epoch milliseconds (both UTC-based). */
export type Instant = Date | number;

/** A local date in the calendar's zone: `YYYY-MM-DD`, or an instant (meaning its local date). */
export type CalendarDay = string | Instant;

/** Working hours of one day as instants: `start` included, `end` excluded. */
export interface WorkingPeriod {
  start: Date;
  end: Date;
}

export interface WorkingCalendarOptions {
  /** Names the calendar's owner in error messages, e.g. `tenant "chirchik"`. */
  label?: string;
}

/** How far any computation may look ahead: a hundred years of local dates. */
const MAX_SCAN_DAYS = 36_525;

/**
 * Working-time arithmetic on a tenant's calendar: which dates are worked, which instants fall in
 * working hours, and due dates counted in working days, hours or minutes.
 *
 * Instants go in and come out as UTC-based `Date`s (or epoch ms); every calendar question is asked in
 * the tenant's time zone (20:00 UTC on a Sunday is 01:00 on Monday in Tashkent). Working time is the
 * union of the half-open intervals `[start, end)` of each working day. Methods are pure: the same
 * arguments give the same answer, and nothing reads the system clock.
 *
 * @example
 * const calendar = new WorkingCalendar(uzbekistan2026, { label: 'tenant "chirchik"' });
 * // Filed Friday 2026-02-06 16:00 in Tashkent, a one-working-day SLA: due Monday 18:00.
 * calendar.addWorkingDays(new Date('2026-02-06T11:00:00Z'), 1); // 2026-02-09T13:00:00.000Z
 */
export class WorkingCalendar {
  /** The definition this calendar was built from, validated, copied and frozen. */
  readonly definition: Readonly<CalendarDefinition>;
  readonly timeZone: string;
  private readonly label: string | undefined;
  private readonly schedule: DaySchedule;
  private readonly zone: IANAZone;

  /**
   * Throws `DARCHA_CALENDAR_INVALID` (listing every invalid field) for an invalid definition, and
   * `DARCHA_CALENDAR_NO_WORKING_TIME` when no weekday has working hours.
   */
  constructor(definition: CalendarDefinition, options: WorkingCalendarOptions = {}) {
    this.label = options.label;
    assertCalendarDefinition(definition, this.label);
    this.definition = deepFreeze(structuredClone(definition));
    this.timeZone = definition.timeZone;
    this.zone = IANAZone.create(definition.timeZone);
    this.schedule = new DaySchedule(this.definition, this.zone);
    if (!this.schedule.hasWeeklyHours) throw calendarNoWorkingTime(this.label);
  }

  /** The local date (`YYYY-MM-DD`) of an instant in the calendar's time zone. */
  localDate(instant: Instant): string {
    return isoOfEpochDay(epochDayAt(this.ms(instant, 'localDate'), this.zone));
  }

  /** True when anyone works on that local date: an extra working day, or a weekday with hours that is not a holiday. */
  isWorkingDay(day: CalendarDay): boolean {
    return this.schedule.spansOn(this.day(day, 'isWorkingDay')).length > 0;
  }

  /** True when the instant falls within working hours (an interval's start counts, its end does not). */
  isWorkingTime(instant: Instant): boolean {
    const ms = this.ms(instant, 'isWorkingTime');
    return this.schedule.spansOn(epochDayAt(ms, this.zone)).some(([s, e]) => s <= ms && ms < e);
  }

  /** The working hours of a local date, in order; empty on a day off. */
  workingPeriodsOn(day: CalendarDay): WorkingPeriod[] {
    return this.schedule
      .spansOn(this.day(day, 'workingPeriodsOn'))
      .map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
  }

  /** The earliest working instant at or after `instant` (itself when it is working time). */
  nextWorkingTime(instant: Instant): Date {
    const ms = this.ms(instant, 'nextWorkingTime');
    let found: number | undefined;
    this.scanFrom(ms, 'nextWorkingTime', ([s, e]) => {
      if (e > ms) found = Math.max(s, ms);
      return found !== undefined;
    });
    return new Date(found ?? ms);
  }

  /**
   * The due instant `n` working days after `start`: the end of the last working interval of the
   * n-th working day after the local date of `start`. The day of filing never counts, whatever the
   * hour (as in civil-law period counting: the period starts on the day after the event), and the
   * period ends when work ends on its last day. So an inquiry filed on Friday at 16:00, or on Saturday,
   * with `n = 1` is due on Monday at 18:00 (Tuesday if Monday is a holiday; a moved working Saturday
   * counts like any working day). `n = 0` returns `start` unchanged. `n` must be a whole number ≥ 0.
   */
  addWorkingDays(start: Instant, n: number): Date {
    const ms = this.ms(start, 'addWorkingDays');
    if (!Number.isSafeInteger(n) || n < 0) {
      throw calendarArgumentInvalid(this.label, 'addWorkingDays', `${n} is not a whole number of days ≥ 0`);
    }
    if (n === 0) return new Date(ms);
    if (n > MAX_SCAN_DAYS) throw this.tooFar('addWorkingDays');
    const first = epochDayAt(ms, this.zone) + 1;
    let counted = 0;
    for (let day = first; day - first < MAX_SCAN_DAYS; day++) {
      const spans = this.schedule.spansOn(day);
      const last = spans[spans.length - 1];
      if (last && ++counted === n) return new Date(last[1]);
    }
    throw this.tooFar('addWorkingDays');
  }

  /** {@link addWorkingMinutes} for `hours` working hours (fractions allowed). */
  addWorkingHours(start: Instant, hours: number): Date {
    return this.addWorkingMs(start, hours * 60 * MS_PER_MINUTE, 'addWorkingHours');
  }

  /**
   * The earliest instant `t ≥ start` with exactly `minutes` of working time in `[start, t]`. Time
   * outside working hours (nights, lunch, weekends, holidays) does not count, so filing outside
   * working hours counts from the next opening; work that finishes exactly at closing is due at
   * closing (Friday 17:00 + 60 minutes is Friday 18:00, not Monday 09:00). `minutes = 0` returns `start`.
   */
  addWorkingMinutes(start: Instant, minutes: number): Date {
    return this.addWorkingMs(start, minutes * MS_PER_MINUTE, 'addWorkingMinutes');
  }

  /**
   * Working minutes from `a` to `b`: the length of working time inside `[a, b]`, negative when `b` is
   * before `a`. Exact, so a fraction when the instants are not on whole minutes. For SLA use:
   * elapsed time is `workingMinutesBetween(filedAt, now)`; time left is `workingMinutesBetween(now,
   * due)`, negative once overdue.
   */
  workingMinutesBetween(a: Instant, b: Instant): number {
    return (
      this.workingMs(this.ms(a, 'workingMinutesBetween'), this.ms(b, 'workingMinutesBetween')) / MS_PER_MINUTE
    );
  }

  /**
   * The due instant after the SLA clock was paused from `pausedAt` to `resumedAt`: `due` moved forward
   * by the working time that passed during the pause (`addWorkingMinutes(due,
   * workingMinutesBetween(pausedAt, resumedAt))`). Time outside working hours costs nothing, so a pause
   * over a whole weekend or a holiday moves nothing; the working time left at resumption equals what
   * was left at pausing (still negative if the pause began after the due date). Apply once per pause,
   * when it ends; an open pause has no end yet.
   */
  dueAfterPause(due: Instant, pausedAt: Instant, resumedAt: Instant): Date {
    const from = this.ms(pausedAt, 'dueAfterPause');
    const to = this.ms(resumedAt, 'dueAfterPause');
    if (to < from) {
      throw calendarArgumentInvalid(this.label, 'dueAfterPause', 'the pause resumes before it starts');
    }
    return this.addWorkingMs(due, this.workingMs(from, to), 'dueAfterPause');
  }

  private addWorkingMs(start: Instant, amount: number, operation: string): Date {
    const ms = this.ms(start, operation);
    if (!Number.isFinite(amount) || amount < 0) {
      throw calendarArgumentInvalid(this.label, operation, 'the amount must be a finite number ≥ 0');
    }
    if (amount > MAX_SCAN_DAYS * MS_PER_DAY) throw this.tooFar(operation);
    let remaining = Math.round(amount);
    if (remaining === 0) return new Date(ms);
    let due: number | undefined;
    this.scanFrom(ms, operation, ([s, e]) => {
      if (e <= ms) return false;
      const from = Math.max(s, ms);
      if (remaining <= e - from) due = from + remaining;
      else remaining -= e - from;
      return due !== undefined;
    });
    return new Date(due ?? ms);
  }

  private workingMs(a: number, b: number): number {
    if (b < a) return -this.workingMs(b, a);
    const [first, last] = [epochDayAt(a, this.zone), epochDayAt(b, this.zone)];
    if (last - first > MAX_SCAN_DAYS) throw this.tooFar('workingMinutesBetween');
    let total = 0;
    for (let day = first; day <= last; day++) {
      for (const [s, e] of this.schedule.spansOn(day)) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
    }
    return total;
  }

  /** Visits working spans in order from the local date of `ms` until `visit` returns true. */
  private scanFrom(ms: number, operation: string, visit: (span: Span) => boolean): void {
    const first = epochDayAt(ms, this.zone);
    for (let day = first; day - first < MAX_SCAN_DAYS; day++) {
      for (const span of this.schedule.spansOn(day)) if (visit(span)) return;
    }
    throw this.tooFar(operation);
  }

  private tooFar(operation: string) {
    return calendarArgumentInvalid(this.label, operation, 'the result lies more than 100 years away');
  }

  private ms(instant: Instant, operation: string): number {
    const ms = instant instanceof Date ? instant.getTime() : instant;
    if (typeof ms !== 'number' || !Number.isFinite(ms)) {
      throw calendarArgumentInvalid(this.label, operation, `${String(instant)} is not a valid instant`);
    }
    return ms;
  }

  private day(day: CalendarDay, operation: string): number {
    if (typeof day !== 'string') return epochDayAt(this.ms(day, operation), this.zone);
    const epochDay = epochDayOf(day);
    if (epochDay === undefined) {
      throw calendarArgumentInvalid(this.label, operation, `${JSON.stringify(day)} is not a date YYYY-MM-DD`);
    }
    return epochDay;
  }
}
