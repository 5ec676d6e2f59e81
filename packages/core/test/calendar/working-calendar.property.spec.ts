import { expect } from 'chai';
import fc from 'fast-check';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { tashkent, uzbekistan2026 } from './uzbekistan-2026.js';

const calendar = new WorkingCalendar(uzbekistan2026);
/** Fixed seed: a failure reproduces on every run and machine. */
const settings = { seed: 20_260_101, numRuns: 400 };

/** Any instant in 2026 (Tashkent), on whole minutes. */
const anyInstant = fc
  .integer({ min: 0, max: 365 * 24 * 60 - 1 })
  .map((minute) => new Date(tashkent('2026-01-01T00:00').getTime() + minute * 60_000));
/** An instant within working hours. */
const workingInstant = anyInstant.filter((instant) => calendar.isWorkingTime(instant));
/** Up to about a month of working minutes. */
const minutes = fc.integer({ min: 0, max: 22 * 480 });

describe('WorkingCalendar properties (fast-check, seeded)', () => {
  it('workingMinutesBetween(start, addWorkingMinutes(start, m)) === m for working-time starts', () => {
    fc.assert(
      fc.property(workingInstant, minutes, (start, m) => {
        expect(calendar.workingMinutesBetween(start, calendar.addWorkingMinutes(start, m))).to.equal(m);
      }),
      settings,
    );
  });

  it('the same holds for any start, and the result is the earliest such instant', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 1, max: 22 * 480 }), (start, m) => {
        const due = calendar.addWorkingMinutes(start, m);
        expect(calendar.workingMinutesBetween(start, due)).to.equal(m);
        // One minute earlier holds less working time: the due instant is not padded by closed hours.
        expect(calendar.workingMinutesBetween(start, new Date(due.getTime() - 60_000))).to.be.lessThan(m);
      }),
      settings,
    );
  });

  it('adding in two steps equals adding at once', () => {
    fc.assert(
      fc.property(anyInstant, minutes, minutes, (start, m1, m2) => {
        const stepwise = calendar.addWorkingMinutes(calendar.addWorkingMinutes(start, m1), m2);
        expect(stepwise).to.deep.equal(calendar.addWorkingMinutes(start, m1 + m2));
      }),
      settings,
    );
  });

  it('a pause keeps the working time left before the due date', () => {
    fc.assert(
      fc.property(anyInstant, minutes, minutes, minutes, (filed, sla, beforePause, pauseLength) => {
        const due = calendar.addWorkingMinutes(filed, sla);
        const pausedAt = calendar.addWorkingMinutes(filed, beforePause);
        const resumedAt = new Date(pausedAt.getTime() + pauseLength * 60_000);
        const moved = calendar.dueAfterPause(due, pausedAt, resumedAt);
        expect(calendar.workingMinutesBetween(resumedAt, moved)).to.equal(
          calendar.workingMinutesBetween(pausedAt, due),
        );
      }),
      settings,
    );
  });

  it('addWorkingDays ends at the close of a working day after the day of filing', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const due = calendar.addWorkingDays(start, n);
        const day = calendar.localDate(due);
        expect(calendar.isWorkingDay(day)).to.equal(true);
        expect(calendar.workingPeriodsOn(day).at(-1)?.end).to.deep.equal(due);
        expect(day > calendar.localDate(start)).to.equal(true);
      }),
      settings,
    );
  });
});
