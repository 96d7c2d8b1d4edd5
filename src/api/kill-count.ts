/**
 * Counting what a kill deletes without keeping it: the unused segments fully inside the interval (Druid's
 * `unusedSegments?interval=` is containment, exactly the kill task's own selection), paged by segment ID from both
 * ends at once: one stream ascending from the first ID, one descending from the last. Two requests are always in
 * flight, so the server prepares one page while the browser parses the other, and the streams balance themselves
 * wherever the segments lie in time. They stop where they meet: a page holding an ID the other stream has counted.
 * That test is set membership, never string order, so it holds whatever collation the metadata store sorts IDs in.
 *
 * Memory stays bounded: totals for everything, compact rows only for the first and last `rowCap` segments by ID.
 * A cancelled or failed count keeps what it counted and both positions, so it can go on where it stopped.
 */
import type { Interval } from '../druid/interval.ts';
import { contains } from '../druid/interval.ts';
import type { SegmentRecord } from './segments-records.ts';

/** 5,000 real segments (1.5–3 KB of JSON each) stay under 15 MB a response. */
export const COUNT_PAGE_SIZE = 5000;
/** Rows kept for the list (~200 bytes each): the first and the last by segment ID. */
export const COUNT_ROW_CAP = 50_000;
/** Versions listed one by one, oldest first; real datasources have one per compaction or ingestion run. */
export const LISTED_VERSIONS = 12;

export type KillRow = Pick<SegmentRecord, 'id' | 'start' | 'end' | 'version' | 'partition' | 'size'>;

export interface VersionTotal {
  version: string;
  count: number;
  size: number;
}

export type CountStatus = 'counting' | 'done' | 'cancelled' | 'failed';

export interface UnusedCount {
  status: CountStatus;
  count: number;
  bytes: number;
  /** Earliest start and latest end of the segments counted; null before the first. */
  range: Interval | null;
  /** The oldest LISTED_VERSIONS versions, oldest first. */
  versions: VersionTotal[];
  /** Distinct versions counted. */
  versionCount: number;
  /** The versions after those listed, summed. */
  otherVersions: { count: number; size: number };
  /** The first rows by segment ID, ascending; `headCount` of them belong to this snapshot (the array only grows). */
  head: readonly KillRow[];
  headCount: number;
  /** The last rows by segment ID, descending (the list shows them reversed); `tailCount` belong to this snapshot. */
  tail: readonly KillRow[];
  tailCount: number;
  /** Rows sent although not fully inside (a server ignoring the filter): neither counted nor listed. */
  ignored: number;
  pages: number;
  /** Time spent counting, over every run. */
  elapsedMs: number;
  error: unknown;
}

export interface PageQuery {
  limit: number;
  lastSegmentId?: string;
  sortOrder: 'ASC' | 'DESC';
}

export type PageLoader = (query: PageQuery, signal: AbortSignal) => Promise<readonly SegmentRecord[]>;

export interface UnusedCounterOptions {
  interval: Interval;
  loadPage: PageLoader;
  pageSize?: number;
  rowCap?: number;
  /** After every page and at the end of a run; `snapshot()` reads the counts (it costs a pass over the versions). */
  onProgress?: (counter: UnusedCounter) => void;
}

interface StreamEnd {
  sortOrder: 'ASC' | 'DESC';
  /** The last ID this end counted: where its next page starts. */
  last: string | undefined;
  /** IDs of its latest page: the other end meets it there. */
  latest: Set<string>;
  /** Aborts this end's request in flight when the other end finishes the count. */
  controller: AbortController | null;
}

export class UnusedCounter {
  private readonly ends: [StreamEnd, StreamEnd] = [
    { sortOrder: 'ASC', last: undefined, latest: new Set(), controller: null },
    { sortOrder: 'DESC', last: undefined, latest: new Set(), controller: null },
  ];
  private readonly versions = new Map<string, VersionTotal>();
  private readonly head: KillRow[] = [];
  private readonly tail: KillRow[] = [];
  private state: CountStatus = 'counting';
  private count = 0;
  private bytes = 0;
  private range: Interval | null = null;
  private ignored = 0;
  private pages = 0;
  private elapsedMs = 0;
  /** When the run in progress started, null between runs. */
  private runStartedAt: number | null = null;
  private error: unknown = null;
  private running: Promise<UnusedCount> | null = null;

  constructor(private readonly options: UnusedCounterOptions) {}

  /** Counts to the end, or on from where a cancelled or failed run stopped. Resolves with the outcome, never throws. */
  run(signal?: AbortSignal): Promise<UnusedCount> {
    if (this.state === 'done') return Promise.resolve(this.snapshot());
    this.running ??= this.runOnce(signal);
    return this.running;
  }

  get status(): CountStatus {
    return this.state;
  }

  snapshot(): UnusedCount {
    const versions = oldestVersions(this.versions.values(), LISTED_VERSIONS);
    const otherVersions = { count: this.count, size: this.bytes };
    for (const version of versions) {
      otherVersions.count -= version.count;
      otherVersions.size -= version.size;
    }
    return {
      status: this.state,
      count: this.count,
      bytes: this.bytes,
      range: this.range && { ...this.range },
      versions,
      versionCount: this.versions.size,
      otherVersions,
      head: this.head,
      headCount: this.head.length,
      tail: this.tail,
      tailCount: this.tail.length,
      ignored: this.ignored,
      pages: this.pages,
      elapsedMs: this.elapsedMs + (this.runStartedAt === null ? 0 : performance.now() - this.runStartedAt),
      error: this.error,
    };
  }

  private async runOnce(signal: AbortSignal | undefined): Promise<UnusedCount> {
    this.runStartedAt = performance.now();
    this.state = 'counting';
    this.error = null;
    this.options.onProgress?.(this);
    const stop = new AbortController();
    const onAbort = () => stop.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.all([this.stream(0, stop), this.stream(1, stop)]);
      this.state = 'done';
    } catch (error) {
      this.state = signal?.aborted ? 'cancelled' : 'failed';
      this.error = signal?.aborted ? null : error;
      stop.abort();
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.elapsedMs += performance.now() - (this.runStartedAt ?? performance.now());
      this.runStartedAt = null;
      // Settled before the outcome is reported, so "go on" from its handler starts a new run.
      this.running = null;
    }
    this.options.onProgress?.(this);
    return this.snapshot();
  }

  /** One end's pages until it reaches the other end's counted IDs (or the last ID). */
  private async stream(index: 0 | 1, stop: AbortController): Promise<void> {
    const me = this.ends[index];
    const other = this.ends[index === 0 ? 1 : 0];
    const limit = this.options.pageSize ?? COUNT_PAGE_SIZE;
    for (;;) {
      if (stop.signal.aborted) throw stop.signal.reason;
      if (this.state !== 'counting') return;
      const controller = new AbortController();
      const onStop = () => controller.abort(stop.signal.reason);
      stop.signal.addEventListener('abort', onStop, { once: true });
      me.controller = controller;
      let page: readonly SegmentRecord[];
      try {
        page = await this.options.loadPage(
          { limit, lastSegmentId: me.last, sortOrder: me.sortOrder },
          controller.signal,
        );
      } catch (error) {
        // The other end finished the count and withdrew this request: not a failure.
        if (controller.signal.aborted && !stop.signal.aborted) return;
        // Stop the other end too, so nothing is counted after the failure is reported.
        stop.abort(error);
        throw error;
      } finally {
        stop.signal.removeEventListener('abort', onStop);
        me.controller = null;
      }
      if (stop.signal.aborted) throw stop.signal.reason;
      if (controller.signal.aborted) return;
      // Keyset paging never sends an ID of the previous page again; a server ignoring lastSegmentId does.
      if (page.some((record) => me.latest.has(record.id))) {
        const error = new Error(
          'Druid sent the same page again: it ignored lastSegmentId, so the count would not end.',
        );
        stop.abort(error);
        throw error;
      }
      const met = page.findIndex((record) => other.latest.has(record.id));
      const fresh = met === -1 ? page : page.slice(0, met);
      this.add(fresh, index === 0 ? this.head : this.tail);
      const last = fresh[fresh.length - 1];
      if (last) {
        me.last = last.id;
        me.latest = new Set(fresh.map((record) => record.id));
      }
      if (met !== -1 || page.length < limit) {
        // Everything between the two ends is counted: the other end's request in flight is withdrawn.
        this.state = 'done';
        other.controller?.abort();
        return;
      }
      this.options.onProgress?.(this);
    }
  }

  private add(records: readonly SegmentRecord[], rows: KillRow[]): void {
    const { interval } = this.options;
    const cap = this.options.rowCap ?? COUNT_ROW_CAP;
    this.pages++;
    for (const record of records) {
      // Druid already filtered by containment; checking again guards against a server that ignored the filter.
      if (!contains(interval, record)) {
        this.ignored++;
        continue;
      }
      this.count++;
      this.bytes += record.size;
      if (this.range === null) this.range = { start: record.start, end: record.end };
      else {
        if (record.start < this.range.start) this.range.start = record.start;
        if (record.end > this.range.end) this.range.end = record.end;
      }
      const version = this.versions.get(record.version);
      if (version) {
        version.count++;
        version.size += record.size;
      } else this.versions.set(record.version, { version: record.version, count: 1, size: record.size });
      if (this.head.length + this.tail.length < cap) {
        const { id, start, end, version: v, partition, size } = record;
        rows.push({ id, start, end, version: v, partition, size });
      }
    }
  }
}

/** The `n` oldest versions in one pass: sorting 100k versions ten times a second would hold up the page. */
function oldestVersions(all: Iterable<VersionTotal>, n: number): VersionTotal[] {
  const oldest: VersionTotal[] = [];
  for (const version of all) {
    const last = oldest[oldest.length - 1];
    if (oldest.length === n && last && version.version >= last.version) continue;
    let at = oldest.length;
    while (at > 0 && (oldest[at - 1] as VersionTotal).version > version.version) at--;
    oldest.splice(at, 0, { ...version });
    if (oldest.length > n) oldest.pop();
  }
  return oldest;
}
