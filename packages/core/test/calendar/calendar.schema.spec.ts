import { expect } from 'chai';
import { assertCalendarDefinition, calendarDefinitionProblems } from '../../src/calendar/calendar.schema.js';
import type { CalendarDefinition } from '../../src/calendar/types.js';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { isDarchaError, type DarchaError } from '../../src/errors/darcha-error.js';
import type { FieldError } from '../../src/errors/field-error.js';
import { OFFICE_HOURS, uzbekistan2026 } from './uzbekistan-2026.js';

function thrown(fn: () => unknown): DarchaError {
  try {
    fn();
  } catch (error) {
    if (isDarchaError(error)) return error;
    throw error;
  }
  throw new Error('expected a DarchaError');
}

const closedWeek: CalendarDefinition['workingWeek'] = {
  mon: 'closed',
  tue: 'closed',
  wed: 'closed',
  thu: 'closed',
  fri: 'closed',
  sat: 'closed',
  sun: 'closed',
};

describe('calendar definition validation', () => {
  it('accepts the Uzbekistan 2026 example', () => {
    expect(calendarDefinitionProblems(uzbekistan2026)).to.deep.equal([]);
  });

  it('accepts touching intervals, 24:00 as an end and a centre open on Saturday', () => {
    const definition: CalendarDefinition = {
      timeZone: 'Asia/Samarkand',
      workingWeek: {
        ...uzbekistan2026.workingWeek,
        sat: [['09:00', '14:00']],
        sun: [
          ['00:00', '12:00'],
          ['12:00', '24:00'],
        ],
      },
    };
    expect(calendarDefinitionProblems(definition)).to.deep.equal([]);
  });

  it('lists every invalid field at once', () => {
    const definition = {
      timeZone: 'Asia/Tashkend',
      workingWeek: {
        mon: [
          ['09:00', '13:00'],
          ['12:00', '18:00'],
        ],
        tue: [['18:00', '09:00']],
        wed: [['9:00', '13:00']],
        thu: 'open',
        fri: [],
        sat: [['24:00', '24:00']],
      },
      holidays: [{ date: '2026-02-30' }, { date: '2026-01-01' }, { date: '2026-01-01', names: { de: 'x' } }],
      extraWorkingDays: [
        { date: '2026-01-01', hours: [['09:00', '13:00', '14:00']] },
        { date: '2026-01-10' },
      ],
      colour: 'blue',
    };
    const problems = calendarDefinitionProblems(definition);
    const fields = problems.map((p) => p.field);
    expect(fields).to.include.members([
      '/timeZone',
      '/workingWeek/mon/1',
      '/workingWeek/tue/0',
      '/workingWeek/wed/0/0',
      '/workingWeek/thu',
      '/workingWeek/fri',
      '/workingWeek/sat/0/0',
      '/workingWeek/sun',
      '/holidays/0/date',
      '/holidays/2/date',
      '/holidays/2/names/de',
      '/extraWorkingDays/0/date',
      '/extraWorkingDays/0/hours/0',
      '/extraWorkingDays/1/hours',
      '/colour',
    ]);
    const message = (field: string) => problems.find((p) => p.field === field)?.message;
    expect(message('/timeZone')).to.contain('not a time zone known to Intl');
    expect(message('/workingWeek/mon/1')).to.contain('must not overlap');
    expect(message('/workingWeek/tue/0')).to.contain('not after its start');
    expect(message('/workingWeek/wed/0/0')).to.contain('HH:MM');
    expect(message('/workingWeek/thu')).to.contain('"closed"');
    expect(message('/workingWeek/sat/0/0')).to.contain('24:00 can only end');
    expect(message('/workingWeek/sun')).to.equal('is required');
    expect(message('/holidays/0/date')).to.contain('real date');
    expect(message('/holidays/2/date')).to.contain('already listed at /holidays/1');
    expect(message('/extraWorkingDays/0/date')).to.contain('also a holiday');
    expect(message('/extraWorkingDays/0/hours/0')).to.contain('pair');
    expect(message('/colour')).to.contain('not a known field');
  });

  it('reports intervals out of order', () => {
    const definition = {
      ...uzbekistan2026,
      workingWeek: {
        ...uzbekistan2026.workingWeek,
        fri: [
          ['14:00', '18:00'],
          ['09:00', '13:00'],
        ],
      },
    };
    expect(calendarDefinitionProblems(definition)).to.deep.equal([
      {
        field: '/workingWeek/fri/1',
        message:
          'starts at 09:00, before the previous interval ends at 18:00; intervals must be in order and must not overlap',
      },
    ]);
  });

  it('refuses a value that is not an object', () => {
    expect(calendarDefinitionProblems(null)).to.have.length.greaterThan(0);
    expect(() => assertCalendarDefinition('Asia/Tashkent')).to.throw(/calendar is invalid/);
  });
});

describe('WorkingCalendar construction', () => {
  it('throws DARCHA_CALENDAR_INVALID naming the owner and every field', () => {
    const error = thrown(
      () =>
        new WorkingCalendar(
          { ...uzbekistan2026, timeZone: 'Mars/Olympus', holidays: [{ date: '2026-13-01' }] },
          { label: 'tenant "chirchik"' },
        ),
    );
    expect(error.code).to.equal('DARCHA_CALENDAR_INVALID');
    expect(error.kind).to.equal('invalid');
    expect(error.message).to.contain('tenant "chirchik"');
    expect((error.details['errors'] as FieldError[]).map((e) => e.field)).to.deep.equal([
      '/holidays/0/date',
      '/timeZone',
    ]);
  });

  it('refuses a calendar without any working weekday', () => {
    const error = thrown(() => new WorkingCalendar({ timeZone: 'Asia/Tashkent', workingWeek: closedWeek }));
    expect(error.code).to.equal('DARCHA_CALENDAR_NO_WORKING_TIME');
  });

  it('refuses a calendar whose only working time is extra working days', () => {
    const definition: CalendarDefinition = {
      timeZone: 'Asia/Tashkent',
      workingWeek: closedWeek,
      extraWorkingDays: [{ date: '2026-01-10', hours: OFFICE_HOURS }],
    };
    expect(thrown(() => new WorkingCalendar(definition)).code).to.equal('DARCHA_CALENDAR_NO_WORKING_TIME');
  });

  it('keeps a frozen copy of its definition', () => {
    const definition = structuredClone(uzbekistan2026);
    const calendar = new WorkingCalendar(definition);
    definition.holidays = [];
    expect(calendar.isWorkingDay('2026-01-01')).to.equal(false);
    expect(Object.isFrozen(calendar.definition.workingWeek)).to.equal(true);
  });
});
