/**
 * The safety model's words for a mark, before and after it runs: what exactly it changes (count, time range,
 * versions, bytes, datasource), whether it reaches the whole datasource (then the name must be typed), and how the
 * result reads once done. Pure, so every dialog says the same thing for the same change.
 */
import { formatBytes, formatCountOf, formatUtcRange } from '../../components/format.ts';
import { contains, type Interval } from '../../druid/interval.ts';
import type { BulkAction } from './bulk-runner.ts';

/** What a mark changes, as exactly as it is known before it runs. */
export interface MarkEffect {
  action: BulkAction;
  dataSource: string;
  /** Segments that will change state. */
  count: number;
  /** Earliest start and latest end of those segments; null when none (or not known). */
  range: Interval | null;
  /** Their distinct versions, sorted. */
  versions: string[];
  /** Sum of the sizes known. */
  bytes: number;
  /** How many of them have no known size (listed by ID only): then `bytes` is a lower bound. */
  unsized: number;
}

export interface Sized {
  /** NaN (and version null) when not known: an ID that does not parse. */
  start: number;
  end: number;
  version: string | null;
  /** null: not known. */
  size: number | null;
}

/** Most segment IDs an Undo keeps: ~100 bytes each, so ~10 MB; past it the mark has no Undo and says so. */
export const UNDO_MAX_IDS = 100_000;

/** Adds segments up as they are counted: the effect, and the IDs for an exact Undo while they fit. */
export class EffectTally {
  private readonly effect: MarkEffect;
  private readonly versionSet = new Set<string>();
  private start = Number.POSITIVE_INFINITY;
  private end = Number.NEGATIVE_INFINITY;
  private idList: string[] | null = [];

  constructor(action: BulkAction, dataSource: string) {
    this.effect = { action, dataSource, count: 0, range: null, versions: [], bytes: 0, unsized: 0 };
  }

  add(segment: Sized & { id?: string }): void {
    const effect = this.effect;
    effect.count++;
    if (segment.version !== null) this.versionSet.add(segment.version);
    if (segment.start < this.start) this.start = segment.start;
    if (segment.end > this.end) this.end = segment.end;
    if (segment.size === null) effect.unsized++;
    else effect.bytes += segment.size;
    if (this.idList === null) return;
    if (segment.id === undefined || this.idList.length >= UNDO_MAX_IDS) this.idList = null;
    else this.idList.push(segment.id);
  }

  result(): MarkEffect {
    const range = this.start < this.end ? { start: this.start, end: this.end } : null;
    return { ...this.effect, range, versions: [...this.versionSet].sort() };
  }

  /** The IDs added, or null when some had none or there were more than UNDO_MAX_IDS. */
  ids(): string[] | null {
    return this.idList;
  }
}

/** The effect of changing exactly these segments. */
export function effectOf(action: BulkAction, dataSource: string, segments: Iterable<Sized>): MarkEffect {
  const tally = new EffectTally(action, dataSource);
  for (const segment of segments) tally.add(segment);
  return tally.result();
}

export function targetState(action: BulkAction): 'used' | 'unused' {
  return action === 'markUsed' ? 'used' : 'unused';
}

/** The time range as the tables show it: `2015-09-12 02:00–08:00`, whole days as dates. */
export function formatRange(range: Interval): string {
  return formatUtcRange(range.start, range.end, { dateAtMidnight: true });
}

/** Why a count by Druid has no sizes: used segments are listed by ID only, so no segment's JSON is downloaded. */
export const UNSIZED_BY_ID = 'Druid was asked for segment IDs only, so that counting downloads no segment’s JSON';

/** "24.4 MB", "at least 24.4 MB" or "size unknown". */
export function formatEffectBytes(effect: MarkEffect): string {
  if (effect.count > 0 && effect.unsized === effect.count) return 'size unknown';
  return effect.unsized > 0 ? `at least ${formatBytes(effect.bytes)}` : formatBytes(effect.bytes);
}

/** "Mark 6 segments unused (2015-09-12 02:00–08:00, 24.4 MB)": the confirm button. */
export function markLabel(effect: MarkEffect): string {
  const head = `Mark ${formatCountOf(effect.count, 'segment')} ${targetState(effect.action)}`;
  if (effect.count === 0) return head;
  const details = [effect.range ? formatRange(effect.range) : null, formatEffectBytes(effect)].filter(Boolean);
  return `${head} (${details.join(', ')})`;
}

/** "Mark 6 segments of wikipedia unused?": the dialog's title before it runs. */
export function markQuestion(effect: MarkEffect): string {
  return `Mark ${formatCountOf(effect.count, 'segment')} of ${effect.dataSource} ${targetState(effect.action)}?`;
}

/** "2015-09-12 02:00–03:00 of wikipedia marked unused": toasts name the time, not a segment ID. */
export function markedToast(effect: MarkEffect, changed: number | null = effect.count): string {
  const what = effect.range ? `${formatRange(effect.range)} of ${effect.dataSource}` : effect.dataSource;
  const target = targetState(effect.action);
  if (changed === null) return `${what}: Druid accepted marking ${formatCountOf(effect.count, 'segment')} ${target}`;
  if (effect.count === 1 && changed === 1) return `${what} marked ${target}`;
  return `${what}: ${formatCountOf(changed, 'segment')} marked ${target}`;
}

/**
 * A change reaches the whole datasource when it would leave it with no used segment: Druid then serves nothing of
 * it. `usedKnown` is the number of used segments known to exist; where only a lower bound is known (the served
 * count) the answer errs toward asking.
 */
export function leavesNoUsedSegment(action: BulkAction, usedChanged: number, usedKnown: number): boolean {
  return action === 'markUnused' && usedChanged > 0 && usedChanged >= usedKnown;
}

interface CountedInterval extends Interval {
  count: number;
}

/**
 * The same decision for a `{interval, versions}` mark unused counted by Druid, against the served interval
 * summaries: any served segment not fully inside stays used; with every served one inside and no version filter,
 * nothing stays; with a version filter, what stays is at least the served count less what changes.
 */
export function predicateLeavesNoUsedSegment(
  action: BulkAction,
  interval: Interval,
  versions: readonly string[] | null,
  willChange: number,
  served: readonly CountedInterval[],
): boolean {
  if (action !== 'markUnused' || willChange === 0) return false;
  if (served.some((entry) => entry.count > 0 && !contains(interval, entry))) return false;
  if (versions === null) return true;
  const servedCount = served.reduce((n, entry) => n + entry.count, 0);
  return leavesNoUsedSegment(action, willChange, servedCount);
}

/** The title once a one-request mark (a predicate) has been answered. */
export function predicateHeadline(
  action: BulkAction,
  answer: { failed: true } | { failed: false; changed: number | null },
): { title: string; tone: 'success' | 'warning' | 'error' } {
  if (answer.failed) return { title: 'Failed: no segment changed', tone: 'error' };
  if (answer.changed === null) return { title: 'Sent: Druid did not say how many changed', tone: 'warning' };
  if (answer.changed === 0) return { title: 'No segment changed', tone: 'warning' };
  return { title: `Marked ${formatCountOf(answer.changed, 'segment')} ${targetState(action)}`, tone: 'success' };
}
