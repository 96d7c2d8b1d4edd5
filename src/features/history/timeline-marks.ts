/** Lanes of the history timeline and keyboard movement between their marks (pure, so it is tested without a DOM). */
import type { AuditEntry } from '../../api/history.ts';
import type { TimeWindow } from './timeline-scale.ts';

export interface Lane {
  key: string;
  /** Oldest first, only entries with a readable time. */
  entries: AuditEntry[];
}

/** One lane per key, `_default` first and then by name. */
export function buildLanes(entries: readonly AuditEntry[]): Lane[] {
  const byKey = new Map<string, AuditEntry[]>();
  for (const entry of entries) {
    if (!Number.isFinite(entry.time)) continue;
    const list = byKey.get(entry.key) ?? [];
    list.push(entry);
    byKey.set(entry.key, list);
  }
  const keys = [...byKey.keys()].sort((a, b) => (a === '_default' ? -1 : b === '_default' ? 1 : a.localeCompare(b)));
  return keys.map((key) => ({ key, entries: (byKey.get(key) ?? []).sort((a, b) => a.time - b.time) }));
}

/** First index whose time is ≥ `time` (binary search over a lane sorted oldest first). */
function lowerBound(entries: readonly AuditEntry[], time: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((entries[mid]?.time ?? 0) < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lane's entries inside the window. */
export function visibleEntries(lane: Lane, window: TimeWindow): AuditEntry[] {
  return lane.entries.slice(lowerBound(lane.entries, window.start), lowerBound(lane.entries, window.end + 1));
}

function nearest(entries: readonly AuditEntry[], time: number): AuditEntry | undefined {
  const index = lowerBound(entries, time);
  const after = entries[index];
  const before = entries[index - 1];
  if (!before) return after;
  if (!after) return before;
  return time - before.time <= after.time - time ? before : after;
}

export type MarkMove = 'previous' | 'next' | 'first' | 'last' | 'lane-up' | 'lane-down';

/** Where a key press moves the focus from `id`: along its lane, or to the nearest change in the lane above/below. */
export function moveMark(lanes: readonly Lane[], id: string, move: MarkMove): AuditEntry | undefined {
  const laneIndex = lanes.findIndex((lane) => lane.entries.some((entry) => entry.id === id));
  const lane = lanes[laneIndex];
  if (!lane) return undefined;
  const index = lane.entries.findIndex((entry) => entry.id === id);
  const current = lane.entries[index];
  switch (move) {
    case 'previous':
      return lane.entries[index - 1] ?? current;
    case 'next':
      return lane.entries[index + 1] ?? current;
    case 'first':
      return lane.entries[0];
    case 'last':
      return lane.entries[lane.entries.length - 1];
    case 'lane-up':
    case 'lane-down': {
      const other = lanes[laneIndex + (move === 'lane-up' ? -1 : 1)];
      return other && current ? nearest(other.entries, current.time) : current;
    }
  }
}

export const MOVE_KEYS: Record<string, MarkMove> = {
  ArrowLeft: 'previous',
  ArrowRight: 'next',
  Home: 'first',
  End: 'last',
  ArrowUp: 'lane-up',
  ArrowDown: 'lane-down',
};

/** Changes of one lane drawn as one mark: a single change, or several too close to tell apart at this zoom. */
export interface MarkCluster {
  /** The id of its first (oldest) change. */
  id: string;
  /** Oldest first. */
  entries: AuditEntry[];
  start: number;
  end: number;
  /** Where the mark is drawn: a single change at its time, a bundle in the middle of its slot (so bundles never overlap). */
  time: number;
}

/**
 * Groups a lane's visible changes (oldest first) into at most `buckets` marks across the window, so thousands of
 * changes never mean thousands of overlapping buttons.
 */
export function clusterEntries(entries: readonly AuditEntry[], window: TimeWindow, buckets: number): MarkCluster[] {
  const span = window.end - window.start;
  const clusters: MarkCluster[] = [];
  let bucket = Number.NaN;
  for (const entry of entries) {
    const index = Math.floor(((entry.time - window.start) / span) * buckets);
    const last = clusters[clusters.length - 1];
    if (last && index === bucket) {
      last.entries.push(entry);
      last.end = entry.time;
      last.time = window.start + ((index + 0.5) * span) / buckets;
    } else {
      clusters.push({ id: entry.id, entries: [entry], start: entry.time, end: entry.time, time: entry.time });
      bucket = index;
    }
  }
  return clusters;
}
