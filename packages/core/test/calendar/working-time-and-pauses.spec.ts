import { expect } from 'chai';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import { tashkent, uzbekistan2026, withHolidays } from './uzbekistan-2026.js';

const calendar = new WorkingCalendar(uzbekistan2026);
const between = (a: string, b: string) => calendar.workingMinutesBetween(tashkent(a), tashkent(b));

describe('WorkingCalendar.workingMinutesBetween', () => {
  it('measures working time only', () => {
    expect(between('2026-02-09T09:00', '2026-02-09T18:00')).to.equal(480);
    expect(between('2026-02-09T12:00', '2026-02-09T15:00')).to.equal(120); // lunch excluded
    expect(between('2026-02-06T17:00', '2026-02-09T10:00')).to.equal(120); // over the weekend
    expect(between('2026-02-09T00:00', '2026-02-16T00:00')).to.equal(5 * 480);
    expect(between('2026-02-07T00:00', '2026-02-09T00:00')).to.equal(0);
    expect(between('2025-12-31T18:00', '2026-01-05T09:00')).to.equal(0); // New Year and the moved day
  });

  it('is negative when the second instant comes first (time left once overdue)', () => {
    expect(between('2026-02-09T10:00', '2026-02-06T17:00')).to.equal(-120);
  });

  it('is exact below the minute', () => {
    expect(between('2026-02-09T09:00:00', '2026-02-09T09:00:30')).to.equal(0.5);
  });

  it('covers a year of working days', () => {
    // 2026 has 261 weekdays; 9 of the listed holidays fall on weekdays; one Saturday is worked.
    expect(between('2026-01-01T00:00', '2027-01-01T00:00')).to.equal((261 - 9 + 1) * 480);
  });
});

describe('WorkingCalendar.dueAfterPause', () => {
  const due = tashkent('2026-02-10T18:00'); // Tuesday

  it('moves nothing for a pause over a whole weekend', () => {
    expect(
      calendar.dueAfterPause(due, tashkent('2026-02-06T18:00'), tashkent('2026-02-09T09:00')),
    ).to.deep.equal(due);
    expect(
      calendar.dueAfterPause(due, tashkent('2026-02-07T10:00'), tashkent('2026-02-08T20:00')),
    ).to.deep.equal(due);
  });

  it('moves nothing for a pause over a holiday Monday and the nights around it', () => {
    const withMonday = new WorkingCalendar(withHolidays('2026-03-09'));
    const march = tashkent('2026-03-11T18:00');
    expect(
      withMonday.dueAfterPause(march, tashkent('2026-03-06T18:00'), tashkent('2026-03-10T09:00')),
    ).to.deep.equal(march);
  });

  it('moves the due date by the working time of a pause within working hours', () => {
    expect(
      calendar.dueAfterPause(due, tashkent('2026-02-09T10:00'), tashkent('2026-02-09T12:00')),
    ).to.deep.equal(tashkent('2026-02-11T11:00'));
  });

  it('counts only the working part of a pause that spans a weekend', () => {
    // Friday 16:00-18:00 and Monday 09:00-11:00: four working hours, so Wednesday 13:00.
    const moved = calendar.dueAfterPause(due, tashkent('2026-02-06T16:00'), tashkent('2026-02-09T11:00'));
    expect(moved).to.deep.equal(tashkent('2026-02-11T13:00'));
  });

  it('keeps the working time left: what was left at pausing is left at resumption', () => {
    const pausedAt = tashkent('2026-02-06T16:00');
    const resumedAt = tashkent('2026-02-09T11:00');
    const moved = calendar.dueAfterPause(due, pausedAt, resumedAt);
    expect(calendar.workingMinutesBetween(resumedAt, moved)).to.equal(
      calendar.workingMinutesBetween(pausedAt, due),
    );
  });

  it('keeps an overdue inquiry overdue by as much as when it was paused', () => {
    const overdue = tashkent('2026-02-09T12:00');
    const pausedAt = tashkent('2026-02-09T15:00'); // two working hours late
    const resumedAt = tashkent('2026-02-10T10:00'); // four working hours paused
    const moved = calendar.dueAfterPause(overdue, pausedAt, resumedAt);
    expect(moved).to.deep.equal(tashkent('2026-02-09T17:00'));
    expect(calendar.workingMinutesBetween(resumedAt, moved)).to.equal(-120);
  });

  it('moves nothing for an empty pause and refuses one that ends before it starts', () => {
    const at = tashkent('2026-02-09T10:00');
    expect(calendar.dueAfterPause(due, at, at)).to.deep.equal(due);
    expect(() => calendar.dueAfterPause(due, at, tashkent('2026-02-09T09:00')))
      .to.throw()
      .that.satisfies((e: unknown) => isDarchaError(e, 'DARCHA_CALENDAR_ARGUMENT_INVALID'));
  });
});
