import { describe, expect, it } from 'vitest';
import { calendarRangeOf, intervalOfCalendarRange, parseTimeOfDay } from './calendar-sync.ts';

const H = 3_600_000;
const SEP_12 = Date.UTC(2015, 8, 12);

describe('calendarRangeOf', () => {
  it('shows a whole-day interval as that day with the end at 00:00', () => {
    expect(calendarRangeOf({ start: SEP_12, end: SEP_12 + 24 * H }, 'utc')).toEqual({
      from: { year: 2015, month: 9, day: 12 },
      to: { year: 2015, month: 9, day: 12 },
      startTime: '00:00',
      endTime: '00:00',
    });
  });

  it('keeps times of day and the last day touched', () => {
    expect(calendarRangeOf({ start: SEP_12 + 6 * H, end: SEP_12 + 50 * H + 30_000 }, 'utc')).toEqual({
      from: { year: 2015, month: 9, day: 12 },
      to: { year: 2015, month: 9, day: 14 },
      startTime: '06:00',
      endTime: '02:00:30',
    });
  });

  it('gives up on intervals no calendar can show', () => {
    expect(calendarRangeOf({ start: -(2 ** 62), end: SEP_12 }, 'utc')).toBeNull();
  });
});

describe('intervalOfCalendarRange', () => {
  it('inverts calendarRangeOf', () => {
    for (const interval of [
      { start: SEP_12, end: SEP_12 + 24 * H },
      { start: SEP_12 + 6 * H, end: SEP_12 + 50 * H + 30_000 },
      { start: Date.UTC(2024, 1, 28), end: Date.UTC(2024, 2, 1) },
    ]) {
      for (const zone of ['utc', 'local'] as const) {
        const range = calendarRangeOf(interval, zone);
        expect(range && intervalOfCalendarRange(range, zone)).toEqual(interval);
      }
    }
  });

  it('runs an end time of 00:00 to the end of the last day, across month ends', () => {
    const range = { from: { year: 2024, month: 1, day: 30 }, to: { year: 2024, month: 1, day: 31 } };
    expect(intervalOfCalendarRange({ ...range, startTime: '00:00', endTime: '00:00' }, 'utc')).toEqual({
      start: Date.UTC(2024, 0, 30),
      end: Date.UTC(2024, 1, 1),
    });
  });

  it('rejects an end not after the start and unreadable times', () => {
    const day = { year: 2015, month: 9, day: 12 };
    expect(intervalOfCalendarRange({ from: day, to: day, startTime: '10:00', endTime: '09:00' }, 'utc')).toBeNull();
    expect(intervalOfCalendarRange({ from: day, to: day, startTime: '', endTime: '09:00' }, 'utc')).toBeNull();
  });
});

describe('parseTimeOfDay', () => {
  it('reads what a time input holds', () => {
    expect(parseTimeOfDay('06:30')).toEqual({ hour: 6, minute: 30, second: 0, millis: 0 });
    expect(parseTimeOfDay('06:30:15.5')).toEqual({ hour: 6, minute: 30, second: 15, millis: 500 });
    expect(parseTimeOfDay('24:00')).toBeNull();
  });
});
