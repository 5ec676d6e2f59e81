import { expect } from 'chai';
import type { CalendarDefinition } from '../../src/calendar/types.js';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import { OFFICE_HOURS, tashkent, uzbekistan2026, withHolidays } from './uzbekistan-2026.js';

const calendar = new WorkingCalendar(uzbekistan2026, { label: 'tenant "chirchik"' });

function expectArgumentError(fn: () => unknown): void {
  expect(fn)
    .to.throw()
    .that.satisfies((e: unknown) => isDarchaError(e, 'DARCHA_CALENDAR_ARGUMENT_INVALID'));
}

describe('WorkingCalendar days and hours', () => {
  it('knows working days, weekends, holidays and moved days', () => {
    expect(calendar.isWorkingDay('2026-02-06')).to.equal(true); // Friday
    expect(calendar.isWorkingDay('2026-02-07')).to.equal(false); // Saturday
    expect(calendar.isWorkingDay('2026-02-08')).to.equal(false); // Sunday
    expect(calendar.isWorkingDay('2026-01-01')).to.equal(false); // New Year, Thursday
    expect(calendar.isWorkingDay('2026-01-02')).to.equal(false); // day off moved to 10 January
    expect(calendar.isWorkingDay('2026-01-10')).to.equal(true); // the moved working Saturday
    expect(calendar.isWorkingDay('2026-09-01')).to.equal(false); // Independence Day, Tuesday
  });

  it('asks about an instant in the tenant time zone: 20:00 UTC is 01:00 the next day in Tashkent', () => {
    const sundayEvening = new Date('2026-02-08T20:00:00Z');
    expect(calendar.localDate(sundayEvening)).to.equal('2026-02-09');
    expect(calendar.isWorkingDay(sundayEvening)).to.equal(true); // Monday in Tashkent
    expect(calendar.isWorkingDay(new Date('2026-02-06T20:00:00Z'))).to.equal(false); // Saturday there
    expect(calendar.isWorkingTime(new Date('2026-02-09T04:00:00Z'))).to.equal(true); // 09:00
    expect(calendar.isWorkingTime(new Date('2026-02-09T13:00:00Z'))).to.equal(false); // 18:00
  });

  it('counts an interval from its start and not at its end, with a lunch break', () => {
    expect(calendar.isWorkingTime(tashkent('2026-02-09T08:59'))).to.equal(false);
    expect(calendar.isWorkingTime(tashkent('2026-02-09T09:00'))).to.equal(true);
    expect(calendar.isWorkingTime(tashkent('2026-02-09T12:59'))).to.equal(true);
    expect(calendar.isWorkingTime(tashkent('2026-02-09T13:00'))).to.equal(false);
    expect(calendar.isWorkingTime(tashkent('2026-02-09T13:59'))).to.equal(false);
    expect(calendar.isWorkingTime(tashkent('2026-02-09T14:00'))).to.equal(true);
    expect(calendar.isWorkingTime(tashkent('2026-02-09T17:59:59.999').getTime())).to.equal(true);
    expect(calendar.isWorkingTime(tashkent('2026-02-09T18:00'))).to.equal(false);
    expect(calendar.isWorkingTime(tashkent('2026-01-10T10:00'))).to.equal(true); // moved Saturday
    expect(calendar.isWorkingTime(tashkent('2026-01-01T10:00'))).to.equal(false);
  });

  it('lists the working periods of a date and finds the next working time', () => {
    expect(calendar.workingPeriodsOn('2026-02-09')).to.deep.equal([
      { start: tashkent('2026-02-09T09:00'), end: tashkent('2026-02-09T13:00') },
      { start: tashkent('2026-02-09T14:00'), end: tashkent('2026-02-09T18:00') },
    ]);
    expect(calendar.workingPeriodsOn('2026-02-07')).to.deep.equal([]);
    expect(calendar.nextWorkingTime(tashkent('2026-02-06T18:30'))).to.deep.equal(
      tashkent('2026-02-09T09:00'),
    );
    expect(calendar.nextWorkingTime(tashkent('2026-02-09T13:10'))).to.deep.equal(
      tashkent('2026-02-09T14:00'),
    );
    expect(calendar.nextWorkingTime(tashkent('2026-02-09T10:10'))).to.deep.equal(
      tashkent('2026-02-09T10:10'),
    );
  });

  it('refuses dates and instants that are not valid', () => {
    expectArgumentError(() => calendar.isWorkingDay('2026-02-30'));
    expectArgumentError(() => calendar.isWorkingDay('9 May'));
    expectArgumentError(() => calendar.isWorkingTime(new Date('not a date')));
    expectArgumentError(() => calendar.localDate(Number.NaN));
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  const due = (start: Date, n: number, on = calendar) => on.addWorkingDays(start, n);

  it('is due at the end of the next working day: Friday 16:00 + 1 is Monday 18:00', () => {
    expect(due(tashkent('2026-02-06T16:00'), 1)).to.deep.equal(tashkent('2026-02-09T18:00'));
    expect(due(tashkent('2026-02-06T16:00'), 2)).to.deep.equal(tashkent('2026-02-10T18:00'));
  });

  it('counts from Monday when filed on a weekend or after closing on Friday', () => {
    expect(due(tashkent('2026-02-07T11:00'), 1)).to.deep.equal(tashkent('2026-02-09T18:00'));
    expect(due(tashkent('2026-02-08T23:59'), 1)).to.deep.equal(tashkent('2026-02-09T18:00'));
    expect(due(tashkent('2026-02-06T21:00'), 1)).to.deep.equal(tashkent('2026-02-09T18:00'));
  });

  it('never counts the day of filing, even before opening', () => {
    expect(due(tashkent('2026-02-09T08:00'), 1)).to.deep.equal(tashkent('2026-02-10T18:00'));
  });

  it('takes the day of filing in the tenant zone: Sunday 20:00 UTC is Monday in Tashkent', () => {
    expect(due(new Date('2026-02-08T20:00:00Z'), 1)).to.deep.equal(tashkent('2026-02-10T18:00'));
    expect(due(new Date('2026-02-08T18:59:59Z'), 1)).to.deep.equal(tashkent('2026-02-09T18:00'));
  });

  it('skips a holiday on a Monday', () => {
    const withMonday = new WorkingCalendar(withHolidays('2026-03-09'));
    expect(due(tashkent('2026-03-06T15:00'), 1, withMonday)).to.deep.equal(tashkent('2026-03-10T18:00'));
    expect(due(tashkent('2026-03-06T15:00'), 2, withMonday)).to.deep.equal(tashkent('2026-03-11T18:00'));
    // A Monday bridge day followed by Independence Day on Tuesday.
    const bridged = new WorkingCalendar(withHolidays('2026-08-31'));
    expect(due(tashkent('2026-08-28T10:00'), 1, bridged)).to.deep.equal(tashkent('2026-09-02T18:00'));
  });

  it('crosses New Year: 31 December and 1 January are both off', () => {
    const next = new WorkingCalendar(withHolidays('2027-01-01'));
    expect(due(tashkent('2026-12-30T10:00'), 1, next)).to.deep.equal(tashkent('2027-01-04T18:00'));
    // 1 and 2 January 2026 off, then the weekend.
    expect(due(tashkent('2025-12-31T16:00'), 1)).to.deep.equal(tashkent('2026-01-05T18:00'));
  });

  it('counts a moved working Saturday like any working day, with its own hours', () => {
    expect(due(tashkent('2026-01-09T16:00'), 1)).to.deep.equal(tashkent('2026-01-10T18:00'));
    expect(due(tashkent('2025-12-31T16:00'), 6)).to.deep.equal(tashkent('2026-01-10T18:00'));
    expect(due(tashkent('2025-12-31T16:00'), 7)).to.deep.equal(tashkent('2026-01-12T18:00'));
    const shortSaturday: CalendarDefinition = {
      ...uzbekistan2026,
      extraWorkingDays: [{ date: '2026-01-10', hours: [['09:00', '14:00']] }],
    };
    expect(due(tashkent('2026-01-09T16:00'), 1, new WorkingCalendar(shortSaturday))).to.deep.equal(
      tashkent('2026-01-10T14:00'),
    );
  });

  it('returns the start itself for zero days', () => {
    expect(due(tashkent('2026-02-07T11:00'), 0)).to.deep.equal(tashkent('2026-02-07T11:00'));
  });

  it('reaches 120 working days across holidays', () => {
    const start = tashkent('2026-01-05T10:00');
    const result = due(start, 120);
    expect(result).to.deep.equal(tashkent('2026-06-24T18:00'));
    let counted = 0;
    for (let d = new Date('2026-01-06T00:00:00Z'); d <= new Date('2026-06-24T00:00:00Z');) {
      if (calendar.isWorkingDay(d.toISOString().slice(0, 10))) counted++;
      d = new Date(d.getTime() + 86_400_000);
    }
    expect(counted).to.equal(120);
  });

  it('refuses a negative or fractional number of days', () => {
    expectArgumentError(() => calendar.addWorkingDays(tashkent('2026-02-06T16:00'), -1));
    expectArgumentError(() => calendar.addWorkingDays(tashkent('2026-02-06T16:00'), 1.5));
    expectArgumentError(() => calendar.addWorkingDays(tashkent('2026-02-06T16:00'), 1_000_000));
  });
});

describe('WorkingCalendar.addWorkingMinutes and addWorkingHours', () => {
  const add = (local: string, minutes: number, on = calendar) =>
    on.addWorkingMinutes(tashkent(local), minutes);

  it('adds within one interval and across the lunch break', () => {
    expect(add('2026-02-09T10:00', 120)).to.deep.equal(tashkent('2026-02-09T12:00'));
    expect(calendar.addWorkingHours(tashkent('2026-02-09T12:00'), 2)).to.deep.equal(
      tashkent('2026-02-09T15:00'),
    );
    expect(calendar.addWorkingHours(tashkent('2026-02-09T09:00'), 1.5)).to.deep.equal(
      tashkent('2026-02-09T10:30'),
    );
  });

  it('ends at closing when the time runs out exactly there', () => {
    expect(add('2026-02-09T12:30', 30)).to.deep.equal(tashkent('2026-02-09T13:00'));
    expect(add('2026-02-06T17:00', 60)).to.deep.equal(tashkent('2026-02-06T18:00'));
    expect(add('2026-02-06T17:00', 61)).to.deep.equal(tashkent('2026-02-09T09:01'));
    expect(calendar.addWorkingHours(tashkent('2026-02-09T09:00'), 8)).to.deep.equal(
      tashkent('2026-02-09T18:00'),
    );
    expect(calendar.addWorkingHours(tashkent('2026-02-09T09:00'), 16)).to.deep.equal(
      tashkent('2026-02-10T18:00'),
    );
  });

  it('counts filing outside working hours from the next opening', () => {
    expect(add('2026-02-09T08:00', 30)).to.deep.equal(tashkent('2026-02-09T09:30'));
    expect(add('2026-02-06T20:00', 1)).to.deep.equal(tashkent('2026-02-09T09:01'));
    expect(calendar.addWorkingHours(tashkent('2026-02-07T10:00'), 2)).to.deep.equal(
      tashkent('2026-02-09T11:00'),
    );
  });

  it('skips holidays and New Year', () => {
    const next = new WorkingCalendar(withHolidays('2027-01-01'));
    expect(add('2026-12-30T17:00', 120, next)).to.deep.equal(tashkent('2027-01-04T10:00'));
    expect(add('2025-12-31T17:00', 120)).to.deep.equal(tashkent('2026-01-05T10:00'));
  });

  it('works in the tenant zone: Friday 20:00 UTC is Saturday 01:00 in Tashkent', () => {
    expect(calendar.addWorkingMinutes(new Date('2026-02-06T20:00:00Z'), 60)).to.deep.equal(
      new Date('2026-02-09T05:00:00Z'),
    );
  });

  it('follows a zone with daylight saving time', () => {
    const berlin = new WorkingCalendar({ ...uzbekistan2026, timeZone: 'Europe/Berlin' });
    // Friday 17:00 CET + 2 h = Monday 10:00 CEST, after the clocks went forward on Sunday 29 March.
    expect(berlin.addWorkingHours(new Date('2026-03-27T16:00:00Z'), 2)).to.deep.equal(
      new Date('2026-03-30T08:00:00Z'),
    );
    expect(berlin.workingPeriodsOn('2026-03-30')[0]?.start).to.deep.equal(new Date('2026-03-30T07:00:00Z'));
    // 01:00-05:00 on the night of the change holds 3 hours: 02:00-03:00 does not exist.
    const nights = new WorkingCalendar({
      timeZone: 'Europe/Berlin',
      workingWeek: { ...uzbekistan2026.workingWeek, sun: [['01:00', '05:00']] },
    });
    const sunday = nights.workingPeriodsOn('2026-03-29');
    expect(nights.workingMinutesBetween(sunday[0]!.start, sunday[0]!.end)).to.equal(180);
  });

  it('returns the start itself for zero minutes and refuses negative ones', () => {
    expect(add('2026-02-07T10:00', 0)).to.deep.equal(tashkent('2026-02-07T10:00'));
    expectArgumentError(() => calendar.addWorkingMinutes(tashkent('2026-02-09T10:00'), -5));
    expectArgumentError(() =>
      calendar.addWorkingHours(tashkent('2026-02-09T10:00'), Number.POSITIVE_INFINITY),
    );
  });

  it('supports Saturday hours for a centre open on Saturdays', () => {
    const saturdays = new WorkingCalendar({
      ...uzbekistan2026,
      workingWeek: { ...uzbekistan2026.workingWeek, sat: [['09:00', '14:00']] },
    });
    expect(add('2026-02-06T17:00', 120, saturdays)).to.deep.equal(tashkent('2026-02-07T10:00'));
    expect(saturdays.addWorkingDays(tashkent('2026-02-06T16:00'), 1)).to.deep.equal(
      tashkent('2026-02-07T14:00'),
    );
    expect(OFFICE_HOURS).to.have.length(2);
  });
});
