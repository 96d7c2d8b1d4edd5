/**
 * Half-open intervals `[start, end)` in epoch milliseconds, parsed the way Druid's `Intervals.of` does (Joda's
 * Interval string converter: `start/end`, `start/period`, `period/end`), plus the `_` path form of the REST API.
 */
import { DruidFormatError } from './errors.ts';
import { formatInstant, MAX_INSTANT, MIN_INSTANT, tryParseInstant } from './instant.ts';
import { canonicalMillis } from './instant-fields.ts';
import { readInstant } from './instant-parser.ts';
import { addPeriod, type Period, parsePeriod } from './period.ts';

export interface Interval {
  start: number;
  end: number;
}

export const ETERNITY: Readonly<Interval> = Object.freeze({ start: MIN_INSTANT, end: MAX_INSTANT });

/** Joda's wording, which Druid passes on inside "Bad interval[…]: […]". */
export const END_BEFORE_START_MESSAGE = 'The end instant must be greater than the start instant';

export interface ParseIntervalOptions {
  /**
   * Druid (Joda) accepts an empty interval such as `2015-01-01/2015-01-01`; it matches nothing. Pass false to reject
   * it as an end that is not after the start, e.g. in a form where an empty interval is always a mistake.
   */
  allowEmpty?: boolean;
}

export type IntervalParseResult = { ok: true; interval: Interval } | { ok: false; error: string };

function isPeriodText(text: string): boolean {
  return text.charAt(0) === 'P' || text.charAt(0) === 'p';
}

/** The reason Joda gives for rejecting `text`, or the interval. */
function readInterval(original: string, allowEmpty: boolean): Interval | string {
  // Fast path for Druid's own `start/end` (or `start_end`) form, as in every segment listing.
  if (original.length === 49 && (original[24] === '/' || original[24] === '_')) {
    const start = canonicalMillis(original, 0);
    const end = canonicalMillis(original, 25);
    if (!Number.isNaN(start) && !Number.isNaN(end) && (end > start || (allowEmpty && end === start)))
      return { start, end };
  }
  const text = original.replaceAll('_', '/');
  const separator = text.indexOf('/');
  if (separator < 0) return `Format requires a '/' separator: ${text}`;
  const left = text.slice(0, separator);
  const right = text.slice(separator + 1);
  if (left.length === 0 || right.length === 0) return `Format invalid: ${text}`;
  if (isPeriodText(left) && isPeriodText(right)) return `Interval composed of two durations: ${text}`;

  const leftPeriod = isPeriodText(left) ? readPeriod(left) : null;
  if (typeof leftPeriod === 'string') return leftPeriod;
  const rightPeriod = isPeriodText(right) ? readPeriod(right) : null;
  if (typeof rightPeriod === 'string') return rightPeriod;

  let start = 0;
  let end = 0;
  if (!leftPeriod) {
    const parsed = readInstant(left, 'lenient');
    if (typeof parsed === 'string') return parsed;
    start = parsed;
  }
  if (rightPeriod) {
    end = addPeriod(start, rightPeriod);
  } else {
    const parsed = readInstant(right, 'lenient');
    if (typeof parsed === 'string') return parsed;
    end = parsed;
    if (leftPeriod) start = addPeriod(end, leftPeriod, -1);
  }
  if (end < start || (!allowEmpty && end === start)) return END_BEFORE_START_MESSAGE;
  return { start, end };
}

function readPeriod(text: string): Period | string {
  try {
    return parsePeriod(text);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Druid's message for an interval it cannot read: `Bad interval[2015/2014]: [The end instant must be …]`. */
export function badIntervalMessage(text: string, reason: string): string {
  return `Bad interval[${text}]: [${reason}]`;
}

export function tryParseInterval(text: string, options: ParseIntervalOptions = {}): IntervalParseResult {
  const result = readInterval(text, options.allowEmpty ?? true);
  if (typeof result === 'string') return { ok: false, error: badIntervalMessage(text, result) };
  return { ok: true, interval: result };
}

/** Parses `start/end`, `start/period`, `period/end` or the path form `start_end`; throws DruidFormatError. */
export function parseInterval(text: string, options: ParseIntervalOptions = {}): Interval {
  const result = tryParseInterval(text, options);
  if (!result.ok) throw new DruidFormatError(result.error, text);
  return result.interval;
}

/** Druid's canonical form, `2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z`. */
export function formatInterval(interval: Interval): string {
  return `${formatInstant(interval.start)}/${formatInstant(interval.end)}`;
}

/** The form used in REST paths, `2015-09-12T00:00:00.000Z_2015-09-13T00:00:00.000Z` (Druid turns `_` back into `/`). */
export function intervalToPath(interval: Interval): string {
  return `${formatInstant(interval.start)}_${formatInstant(interval.end)}`;
}

/** Joda's `overlaps`: the intervals share at least one instant (`a.start < b.end && b.start < a.end`). */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Joda's `contains(Interval)`: `inner` lies within `outer`. Joda also requires `inner.start < outer.end`, so an empty
 * `outer` contains nothing and an empty `inner` sitting on `outer.end` is not contained.
 */
export function contains(outer: Interval, inner: Interval): boolean {
  return outer.start <= inner.start && inner.start < outer.end && inner.end <= outer.end;
}

export function containsInstant(interval: Interval, ms: number): boolean {
  return interval.start <= ms && ms < interval.end;
}

export function isEmptyInterval(interval: Interval): boolean {
  return interval.start === interval.end;
}

export function isEternity(interval: Interval): boolean {
  return interval.start <= MIN_INSTANT && interval.end >= MAX_INSTANT;
}

export function intervalsEqual(a: Interval, b: Interval): boolean {
  return a.start === b.start && a.end === b.end;
}

/** Druid's `Comparators.intervalsByStartThenEnd`. */
export function compareIntervals(a: Interval, b: Interval): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return 0;
}

/** The interval of a segment, from its `interval` string (as Druid sends it) or from parsed start and end. */
export function intervalOfSegment(segment: { interval: string } | { start: number; end: number }): Interval {
  return 'interval' in segment ? parseInterval(segment.interval) : { start: segment.start, end: segment.end };
}

/** Builds an interval from two instant strings (no periods), or null when either does not parse or end < start. */
export function intervalFromInstants(startText: string, endText: string): Interval | null {
  const start = tryParseInstant(startText);
  const end = tryParseInstant(endText);
  return start === null || end === null || end < start ? null : { start, end };
}
