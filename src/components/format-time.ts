/**
 * Time shown one way across the console: 24-hour UTC, `2015-09-12 02:00`, seconds and milliseconds only when the
 * instant has them. Full ISO (`formatIso`) where exactness matters, e.g. intervals sent to Druid. Never AM/PM or a
 * locale's long date: operators compare these with Druid's logs and segment IDs, which are UTC.
 */
import { formatInstant, isEternityBound, MIN_INSTANT } from '../druid/instant.ts';

const DAY = 86_400_000;

export interface TimeFormatOptions {
  /** `2015-09-12` instead of `2015-09-12 00:00` for an instant at midnight (interval bounds, day buckets). */
  dateAtMidnight?: boolean;
  /**
   * `auto` (default): seconds and milliseconds only when present. `seconds`: always to the second (audit times:
   * two changes a few seconds apart must not read the same). `minutes`: cut to the minute (axis ranges).
   */
  precision?: 'auto' | 'seconds' | 'minutes';
  /** Append ` UTC` where no column header or nearby text says so. */
  zone?: boolean;
}

/** Druid's full ISO text, `2015-09-12T02:00:00.000Z`: for intervals sent to Druid and `<time dateTime>`. */
export function formatIso(ms: number): string {
  return formatInstant(ms);
}

/** `2015-09-12 02:00` (UTC). Druid's eternity bounds read as words; NaN as "unknown time". */
export function formatUtc(ms: number, options: TimeFormatOptions = {}): string {
  if (!Number.isFinite(ms)) return 'unknown time';
  if (isEternityBound(ms)) return ms <= MIN_INSTANT ? 'the beginning of time' : 'the end of time';
  const precision = options.precision ?? 'auto';
  const unit = precision === 'minutes' ? 60_000 : precision === 'seconds' ? 1000 : 1;
  const iso = formatInstant(Math.floor(ms / unit) * unit);
  const match = /^(.+)T(\d\d:\d\d)(:\d\d)(\.\d{3})Z$/.exec(iso);
  if (!match) return iso;
  const [, date, minutes, seconds, millis] = match as unknown as [string, string, string, string, string];
  const suffix = options.zone ? ' UTC' : '';
  const atMidnight = minutes === '00:00' && seconds === ':00' && millis === '.000';
  if (options.dateAtMidnight && atMidnight) return `${date}${suffix}`;
  const showSeconds = precision === 'seconds' || seconds !== ':00' || millis !== '.000';
  return `${date} ${minutes}${showSeconds ? seconds : ''}${millis === '.000' ? '' : millis}${suffix}`;
}

/**
 * A time range, the date written once when both ends fall on the same day: `2015-09-12 02:00–08:00`; with
 * `dateAtMidnight`, whole days as dates (`2015-09-12–2015-09-14`); `2015-09-12 02:00 – 2015-09-13 04:00` otherwise.
 */
export function formatUtcRange(start: number, end: number, options: TimeFormatOptions = {}): string {
  const suffix = options.zone ? ' UTC' : '';
  const wholeDays = options.dateAtMidnight && start % DAY === 0 && end % DAY === 0;
  const inner = { ...options, zone: false, dateAtMidnight: wholeDays };
  const from = formatUtc(start, inner);
  const to = formatUtc(end, inner);
  if (wholeDays) return `${from}–${to}${suffix}`;
  if (from.length > 10 && to.length > 10 && to.slice(0, 10) === from.slice(0, 10))
    return `${from}–${to.slice(11)}${suffix}`;
  return `${from} – ${to}${suffix}`;
}
