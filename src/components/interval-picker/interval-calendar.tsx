import { useEffect, useId, useRef, useState } from 'react';
import { type DateRange, DayPicker } from 'react-day-picker';
import 'react-day-picker/style.css';
import type { Interval } from '../../druid/interval.ts';
import {
  type CalendarDay,
  calendarRangeOf,
  dateForDay,
  dayOfDate,
  intervalOfCalendarRange,
  parseTimeOfDay,
} from './calendar-sync.ts';
import { calendarFocus } from './interval-presets.ts';
import { partsOf, type Zone } from './interval-text.ts';

interface IntervalCalendarProps {
  /** The interval the text currently holds, or null while it does not parse. */
  interval: Interval | null;
  zone: Zone;
  /** Where the data lies: the calendar opens there when the text does not say. */
  extent: Interval | null;
  now: number;
  onChange: (interval: Interval) => void;
}

function monthOf(ms: number, zone: Zone): Date {
  const p = partsOf(ms, zone);
  return dateForDay({ year: p.year, month: p.month, day: 1 }, zone);
}

/** The range calendar and the two time-of-day inputs; every complete choice becomes a new interval. */
export function IntervalCalendar({ interval, extent, zone, now, onChange }: IntervalCalendarProps) {
  const id = useId();
  const range = interval ? calendarRangeOf(interval, zone) : null;
  const [month, setMonth] = useState(() => monthOf(calendarFocus(range ? interval : null, extent, now), zone));
  // After the first click of a new range only its start is known; the text already holds that single day.
  const [draftFrom, setDraftFrom] = useState<CalendarDay | null>(null);
  const [startTime, setStartTime] = useState(range?.startTime ?? '00:00');
  const [endTime, setEndTime] = useState(range?.endTime ?? '00:00');

  const emitted = useRef<Interval | null>(null);

  const start = interval?.start;
  const end = interval?.end;
  // Follow the text: show its first month and times whenever it changes from outside the calendar.
  useEffect(() => {
    const fromCalendar = emitted.current?.start === start && emitted.current?.end === end;
    if (!fromCalendar) setDraftFrom(null);
    if (start === undefined || end === undefined) return;
    const next = calendarRangeOf({ start, end }, zone);
    if (!next) return;
    setStartTime(next.startTime);
    setEndTime(next.endTime);
    setMonth((shown) => {
      const startMonth = monthOf(start, zone);
      const endMonth = monthOf(end, zone);
      return shown >= startMonth && shown <= endMonth
        ? shown
        : monthOf(calendarFocus({ start, end }, extent, now), zone);
    });
  }, [start, end, zone, extent, now]);

  // Where the data lies is often still loading when the popover opens: until the operator turns a page or the text
  // names a range, the calendar moves there when it is known (not staying on today's month).
  const turnedPage = useRef(false);
  const hasRange = range !== null;
  const extentStart = extent?.start;
  const extentEnd = extent?.end;
  useEffect(() => {
    if (hasRange || turnedPage.current || extentStart === undefined || extentEnd === undefined) return;
    setMonth(monthOf(calendarFocus(null, { start: extentStart, end: extentEnd }, now), zone));
  }, [hasRange, extentStart, extentEnd, now, zone]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a half-picked range means nothing in another zone.
  useEffect(() => setDraftFrom(null), [zone]);

  const selected: DateRange | undefined = draftFrom
    ? { from: dateForDay(draftFrom, zone), to: undefined }
    : range
      ? { from: dateForDay(range.from, zone), to: dateForDay(range.to, zone) }
      : undefined;

  function emit(from: CalendarDay, to: CalendarDay, times = { startTime, endTime }) {
    const next = intervalOfCalendarRange({ from, to, ...times }, zone);
    if (!next) return;
    emitted.current = next;
    onChange(next);
  }

  function onSelect(next: DateRange | undefined) {
    if (!next?.from) return;
    const from = dayOfDate(next.from);
    if (!next.to) {
      setDraftFrom(from);
      emit(from, from);
      return;
    }
    setDraftFrom(null);
    emit(from, dayOfDate(next.to));
  }

  function onTime(which: 'start' | 'end', text: string) {
    const times = { startTime, endTime, [`${which}Time`]: text };
    if (which === 'start') setStartTime(text);
    else setEndTime(text);
    if (range && parseTimeOfDay(text)) emit(range.from, range.to, times);
  }

  const zoneName = zone === 'utc' ? 'UTC' : 'local';
  // The years the caption's menu offers: around the data and today, not back to 1970 or the year 1000.
  const shownYear = month.getFullYear();
  const thisYear = new Date(now).getUTCFullYear();
  const firstYear = Math.min(shownYear, thisYear, extent ? new Date(extent.start).getUTCFullYear() : thisYear) - 10;
  const lastYear = Math.max(shownYear, thisYear) + 10;
  return (
    <div className="interval-calendar">
      <DayPicker
        mode="range"
        required
        resetOnSelect
        selected={selected}
        onSelect={onSelect}
        month={month}
        onMonthChange={(next) => {
          turnedPage.current = true;
          setMonth(next);
        }}
        timeZone={zone === 'utc' ? 'UTC' : undefined}
        captionLayout="dropdown"
        startMonth={new Date(Date.UTC(firstYear, 0, 1))}
        endMonth={new Date(Date.UTC(lastYear, 11, 1))}
        weekStartsOn={1}
        fixedWeeks
        footer={draftFrom ? 'Pick the last day of the range.' : 'Pick the first day, then the last day of the range.'}
      />
      <div className="row interval-calendar-times">
        <TimeOfDayField
          id={`${id}-start`}
          label={`Start time (${zoneName}, 24-hour)`}
          value={startTime}
          onChange={(text) => onTime('start', text)}
        />
        <TimeOfDayField
          id={`${id}-end`}
          label={`End time (${zoneName}, exclusive)`}
          value={endTime}
          hint="00:00 runs to the end of the last day."
          onChange={(text) => onTime('end', text)}
        />
      </div>
    </div>
  );
}

interface TimeOfDayFieldProps {
  id: string;
  label: string;
  value: string;
  hint?: string;
  onChange: (text: string) => void;
}

/** `HH:mm[:ss[.SSS]]` typed as text: a native time input shows AM/PM in English locales, and times here are 24-hour. */
function TimeOfDayField({ id, label, value, hint, onChange }: TimeOfDayFieldProps) {
  const valid = parseTimeOfDay(value) !== null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="mono interval-calendar-time"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder="HH:mm"
        value={value}
        aria-invalid={!valid}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={`${id}-hint`} className={valid ? 'field-hint' : 'field-error'}>
        {valid ? hint : 'Use 24-hour time such as 06:30 or 18:45:30.'}
      </span>
    </div>
  );
}
