/**
 * Keeps the calendar (days picked, inclusive) and the time-of-day inputs in step with the half-open interval.
 * The calendar shows the days the interval touches: an end at midnight belongs to the day before, so
 * `2015-09-12/2015-09-13` is the single day 12 September with end time 00:00 ("to the end of that day").
 */
import type { Interval } from '../../druid/interval.ts';
import { type DateTimeParts, msOf, partsOf, type Zone } from './interval-text.ts';

export interface CalendarDay {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export interface CalendarRange {
  from: CalendarDay;
  to: CalendarDay;
  /** `HH:mm`, `HH:mm:ss` or `HH:mm:ss.SSS`, as an `<input type="time">` holds it. */
  startTime: string;
  endTime: string;
}

/** Years a JavaScript Date and the calendar can show; eternity bounds and the like stay text-only. */
const MIN_CALENDAR_MS = Date.UTC(1000, 0, 1);
const MAX_CALENDAR_MS = Date.UTC(9999, 0, 1);

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function formatTimeOfDay(p: Pick<DateTimeParts, 'hour' | 'minute' | 'second' | 'millis'>): string {
  let text = `${pad(p.hour)}:${pad(p.minute)}`;
  if (p.second !== 0 || p.millis !== 0) text += `:${pad(p.second)}`;
  if (p.millis !== 0) text += `.${pad(p.millis, 3)}`;
  return text;
}

export function parseTimeOfDay(text: string): Pick<DateTimeParts, 'hour' | 'minute' | 'second' | 'millis'> | null {
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3] ?? 0);
  const millis = Number((match[4] ?? '0').padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second, millis };
}

function dayOf(p: DateTimeParts): CalendarDay {
  return { year: p.year, month: p.month, day: p.day };
}

function isMidnight(p: DateTimeParts): boolean {
  return p.hour === 0 && p.minute === 0 && p.second === 0 && p.millis === 0;
}

/** The calendar picture of an interval in a zone, or null when it lies outside what a calendar can show. */
export function calendarRangeOf(interval: Interval, zone: Zone): CalendarRange | null {
  if (interval.start < MIN_CALENDAR_MS || interval.end > MAX_CALENDAR_MS) return null;
  const start = partsOf(interval.start, zone);
  const end = partsOf(interval.end, zone);
  // The last day touched: an end exactly at midnight stops before that day begins.
  const lastDay = isMidnight(end) ? partsOf(msOf({ ...end, day: end.day - 1 }, zone), zone) : end;
  return { from: dayOf(start), to: dayOf(lastDay), startTime: formatTimeOfDay(start), endTime: formatTimeOfDay(end) };
}

/** The interval a calendar range and times describe, or null when the times do not parse or end ≤ start. */
export function intervalOfCalendarRange(range: CalendarRange, zone: Zone): Interval | null {
  const startTime = parseTimeOfDay(range.startTime);
  const endTime = parseTimeOfDay(range.endTime);
  if (!startTime || !endTime) return null;
  const start = msOf({ ...range.from, ...startTime }, zone);
  const endAtMidnight = endTime.hour === 0 && endTime.minute === 0 && endTime.second === 0 && endTime.millis === 0;
  const end = endAtMidnight
    ? msOf({ ...range.to, day: range.to.day + 1, hour: 0, minute: 0, second: 0, millis: 0 }, zone)
    : msOf({ ...range.to, ...endTime }, zone);
  return end > start ? { start, end } : null;
}

/** A Date the day picker shows as this day (noon, so no zone offset moves it to a neighbour). */
export function dateForDay(day: CalendarDay, zone: Zone): Date {
  return zone === 'utc'
    ? new Date(Date.UTC(day.year, day.month - 1, day.day, 12))
    : new Date(day.year, day.month - 1, day.day, 12);
}

/**
 * The day a day-picker Date stands for. With a time zone the picker hands out TZDates whose local getters read
 * that zone, so the same getters serve both modes.
 */
export function dayOfDate(date: Date): CalendarDay {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}
