/**
 * Segment IDs exactly as Druid's `SegmentId` writes, parses and orders them:
 * `dataSource_start_end_version[_partitionNum]`, partition 0 omitted.
 */
import { formatInstant, parseStrictInstant } from './instant.ts';
import type { Interval } from './interval.ts';

export interface SegmentIdParts {
  dataSource: string;
  start: number;
  end: number;
  version: string;
  partitionNum: number;
}

const DELIMITER = '_';
const INT_MAX = 2_147_483_647;
/** Druid's `DateTimes.COMMON_DATE_TIME_PATTERN`, used to guess where the datasource name ends. */
const COMMON_DATE_TIME_PATTERN =
  /[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]\.[0-9]{3}(Z|[+-][0-9]{2}(:[0-9]{2}))/g;

/** `SegmentId.toString()`. */
export function formatSegmentId(parts: SegmentIdParts): string {
  const base = `${parts.dataSource}_${formatInstant(parts.start)}_${formatInstant(parts.end)}_${parts.version}`;
  return parts.partitionNum === 0 ? base : `${base}_${parts.partitionNum}`;
}

/** Guava's `Ints.tryParse`: an optional minus sign and decimal digits that fit an int; null otherwise. */
function tryParseInt(text: string): number | null {
  if (!/^-?\d+$/.test(text)) return null;
  const value = Number(text);
  return value > INT_MAX || value < -INT_MAX - 1 ? null : value;
}

/**
 * `SegmentId.iteratePossibleParsingsWithDataSource`: 0, 1 or 2 parsings. A trailing `_<n>` with n > 0 is read first
 * as the partition number, then as the end of the version; a trailing `_0` is only ever part of the version.
 */
export function possibleParsingsWithDataSource(id: string, dataSource: string): SegmentIdParts[] {
  if (dataSource === '' || !id.startsWith(dataSource) || id.charAt(dataSource.length) !== DELIMITER) return [];
  const splits = id.slice(dataSource.length + 1).split(DELIMITER);
  if (splits.length < 3) return [];
  const start = parseStrictInstant(splits[0] ?? '');
  const end = parseStrictInstant(splits[1] ?? '');
  if (start === null || end === null || start >= end) return [];

  let version = splits.slice(2, Math.max(splits.length - 1, 3)).join(DELIMITER);
  const parsings: SegmentIdParts[] = [];
  if (splits.length > 3) {
    const trail = splits[splits.length - 1] ?? '';
    const partitionNum = tryParseInt(trail);
    if (partitionNum !== null && partitionNum > 0) parsings.push({ dataSource, start, end, version, partitionNum });
    version = `${version}${DELIMITER}${trail}`;
  }
  parsings.push({ dataSource, start, end, version, partitionNum: 0 });
  return parsings;
}

/** `SegmentId.tryParse(dataSource, id)`: the first possible parsing, or null. */
export function parseSegmentId(id: string, dataSource: string): SegmentIdParts | null {
  return possibleParsingsWithDataSource(id, dataSource)[0] ?? null;
}

/** `SegmentId.tryExtractMostProbableDataSource`: everything before the first `_` that precedes a Druid timestamp. */
export function mostProbableDataSource(id: string): string | null {
  for (const match of id.matchAll(COMMON_DATE_TIME_PATTERN)) {
    // Druid would fail on a timestamp at position 0 (charAt(-1)); treat it as "no datasource here" instead.
    if (match.index > 0 && id.charAt(match.index - 1) === DELIMITER) return id.slice(0, match.index - 1);
  }
  return null;
}

/**
 * `SegmentId.iterateAllPossibleParsings(id)` for when the datasource is unknown: parsings with the most probable
 * datasource first, then with every other `_`-delimited prefix, in Druid's order.
 */
export function possibleParsings(id: string): SegmentIdParts[] {
  const splits = id.split(DELIMITER);
  const probable = mostProbableDataSource(id);
  const results: SegmentIdParts[] = probable ? possibleParsingsWithDataSource(id, probable) : [];
  for (let order = 1; order < splits.length - 3; order++) {
    const dataSource = splits.slice(0, order).join(DELIMITER);
    if (probable && dataSource.length === probable.length) continue;
    results.push(...possibleParsingsWithDataSource(id, dataSource));
  }
  return results;
}

function compareStrings(a: string, b: string): number {
  // Java's String.compareTo compares UTF-16 code units, as JavaScript's < does.
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function compareNumbers(a: number, b: number): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** `SegmentId.compareTo`: dataSource, start, end, version, then partition number. */
export function compareSegmentIds(a: SegmentIdParts, b: SegmentIdParts): number {
  return (
    compareStrings(a.dataSource, b.dataSource) ||
    compareNumbers(a.start, b.start) ||
    compareNumbers(a.end, b.end) ||
    compareStrings(a.version, b.version) ||
    compareNumbers(a.partitionNum, b.partitionNum)
  );
}

export function segmentIdInterval(parts: SegmentIdParts): Interval {
  return { start: parts.start, end: parts.end };
}
