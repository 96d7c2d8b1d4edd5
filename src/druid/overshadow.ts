/**
 * Druid's overshadowing: a segment is overshadowed when segments of a higher version (string order, as Druid's
 * VersionedIntervalTimeline compares versions) cover its whole interval. Works per datasource.
 */
export interface TimelineEntry {
  id: string;
  start: number;
  end: number;
  version: string;
}

/** Returns the IDs of the entries that higher versions fully cover. O(n log n) for uniform granularity. */
export function findOvershadowed(entries: readonly TimelineEntry[]): Set<string> {
  const overshadowed = new Set<string>();
  if (entries.length < 2) return overshadowed;
  // Collapse partitions: every (interval, version) chunk is one timeline entry.
  const chunks = new Map<string, { start: number; end: number; version: string; ids: string[] }>();
  for (const entry of entries) {
    const key = `${entry.start}/${entry.end}/${entry.version}`;
    const chunk = chunks.get(key);
    if (chunk) chunk.ids.push(entry.id);
    else chunks.set(key, { start: entry.start, end: entry.end, version: entry.version, ids: [entry.id] });
  }
  const sorted = [...chunks.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  let maxDuration = 0;
  for (const chunk of sorted) maxDuration = Math.max(maxDuration, chunk.end - chunk.start);
  const starts = sorted.map((chunk) => chunk.start);

  for (const chunk of sorted) {
    // Candidates start no earlier than (chunk.start - maxDuration) and before chunk.end.
    let i = lowerBound(starts, chunk.start - maxDuration);
    const covering: Array<[number, number]> = [];
    for (let other = sorted[i]; other !== undefined && other.start < chunk.end; other = sorted[++i]) {
      if (other.version > chunk.version && other.end > chunk.start) covering.push([other.start, other.end]);
    }
    if (covering.length > 0 && covers(covering, chunk.start, chunk.end)) {
      for (const id of chunk.ids) overshadowed.add(id);
    }
  }
  return overshadowed;
}

/** Whether the union of `ranges` covers [start, end). */
function covers(ranges: Array<[number, number]>, start: number, end: number): boolean {
  ranges.sort((a, b) => a[0] - b[0]);
  let reached = start;
  for (const [from, to] of ranges) {
    if (from > reached) return false;
    reached = Math.max(reached, to);
    if (reached >= end) return true;
  }
  return reached >= end;
}

function lowerBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] ?? Number.POSITIVE_INFINITY) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}
