import { describe, expect, it } from 'vitest';
import { iv } from '../druid/test-helpers.ts';
import { type PageLoader, type PageQuery, type UnusedCount, UnusedCounter } from './kill-count.ts';
import type { SegmentRecord } from './segments-records.ts';

const HOUR = 3_600_000;
const START = Date.parse('2024-01-01T00:00:00Z');
const INTERVAL = iv('2024-01-01/2025-01-01');

function record(index: number, version = index % 3 === 0 ? 'v2' : 'v1'): SegmentRecord {
  const start = START + index * HOUR;
  const stamp = new Date(start).toISOString();
  return {
    id: `ds_${stamp}_${new Date(start + HOUR).toISOString()}_${version}`,
    start,
    end: start + HOUR,
    version,
    partition: 0,
    size: 10 + index,
    state: 'unused',
    replication: null,
    lastUpdated: null,
  };
}

/**
 * Druid's unusedSegments over `records`: keyset paging after lastSegmentId in the store's own order (`compare`,
 * which may differ from JavaScript's string order, as a case-insensitive collation does).
 */
function fakeDruid(records: SegmentRecord[], compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)) {
  const sorted = [...records].sort((a, b) => compare(a.id, b.id));
  const queries: PageQuery[] = [];
  const load: PageLoader = async (query, signal) => {
    queries.push(query);
    await Promise.resolve();
    if (signal.aborted) throw signal.reason;
    const ordered = query.sortOrder === 'ASC' ? sorted : [...sorted].reverse();
    const after = query.lastSegmentId;
    const rest =
      after === undefined
        ? ordered
        : ordered.filter((r) => (query.sortOrder === 'ASC' ? compare(r.id, after) > 0 : compare(r.id, after) < 0));
    return rest.slice(0, query.limit);
  };
  return { load, queries };
}

const sum = (records: SegmentRecord[]) => records.reduce((total, r) => total + r.size, 0);

function listedIds(count: UnusedCount): string[] {
  return [...count.head.slice(0, count.headCount), ...count.tail.slice(0, count.tailCount).reverse()].map((r) => r.id);
}

describe('UnusedCounter', () => {
  it.each([0, 1, 9, 10, 11, 20, 95, 100, 101])(
    'counts each of %i segments exactly once from both ends',
    async (total) => {
      const records = Array.from({ length: total }, (_, i) => record(i));
      const { load } = fakeDruid(records);
      const count = await new UnusedCounter({ interval: INTERVAL, loadPage: load, pageSize: 10 }).run();
      expect(count.status).toBe('done');
      expect(count.count).toBe(total);
      expect(count.bytes).toBe(sum(records));
      expect(listedIds(count)).toEqual(records.map((r) => r.id));
      expect(count.versions.map((v) => [v.version, v.count])).toEqual(
        total === 0
          ? []
          : [
              ['v1', records.filter((r) => r.version === 'v1').length],
              ['v2', records.filter((r) => r.version === 'v2').length],
            ].filter(([, n]) => n !== 0),
      );
      expect(count.range).toEqual(total === 0 ? null : { start: START, end: START + total * HOUR });
    },
  );

  it('pages ascending and descending at once, each after its own last segment id', async () => {
    const records = Array.from({ length: 40 }, (_, i) => record(i));
    const { load, queries } = fakeDruid(records);
    await new UnusedCounter({ interval: INTERVAL, loadPage: load, pageSize: 10 }).run();
    expect(queries.slice(0, 2)).toEqual([
      { limit: 10, lastSegmentId: undefined, sortOrder: 'ASC' },
      { limit: 10, lastSegmentId: undefined, sortOrder: 'DESC' },
    ]);
    expect(queries[2]).toEqual({ limit: 10, lastSegmentId: records[9]?.id, sortOrder: 'ASC' });
    expect(queries[3]).toEqual({ limit: 10, lastSegmentId: records[30]?.id, sortOrder: 'DESC' });
    // Meeting costs one page per end at most: without comparing ids, adjacent ends only see each other then.
    expect(queries.length).toBeLessThanOrEqual(6);
  });

  it('is exact whatever order the metadata store sorts ids in (the ends meet by id, not by comparison)', async () => {
    const records = Array.from({ length: 57 }, (_, i) => record(i, i % 2 ? 'Ver' : 'ver'));
    // A collation that orders by the version first, then the rest: nothing like JavaScript's order.
    const collation = (a: string, b: string) => {
      const key = (id: string) => `${id.slice(-3).toLowerCase()}|${id}`;
      return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
    };
    const { load } = fakeDruid(records, collation);
    const count = await new UnusedCounter({ interval: INTERVAL, loadPage: load, pageSize: 7 }).run();
    expect(count.count).toBe(57);
    expect(new Set(listedIds(count)).size).toBe(57);
  });

  it('lists the oldest versions and sums up the others', async () => {
    const records = Array.from({ length: 40 }, (_, i) => record(i, `v${String(39 - i).padStart(2, '0')}`));
    const { load } = fakeDruid(records);
    const count = await new UnusedCounter({ interval: INTERVAL, loadPage: load, pageSize: 7 }).run();
    expect(count.versions.map((v) => v.version)).toEqual(
      Array.from({ length: 12 }, (_, i) => `v${String(i).padStart(2, '0')}`),
    );
    expect(count.versionCount).toBe(40);
    const listed = records.slice(28);
    expect(count.otherVersions).toEqual({ count: 28, size: sum(records) - sum(listed) });
  });

  it('keeps rows only up to the cap, the first and the last by id, and counts the rest', async () => {
    const records = Array.from({ length: 100 }, (_, i) => record(i));
    const { load } = fakeDruid(records);
    const count = await new UnusedCounter({ interval: INTERVAL, loadPage: load, pageSize: 10, rowCap: 30 }).run();
    expect(count.count).toBe(100);
    expect(count.headCount + count.tailCount).toBe(30);
    expect(count.head[0]?.id).toBe(records[0]?.id);
    expect(count.tail[0]?.id).toBe(records[99]?.id);
  });

  it('leaves out, and reports, segments a server sent although they are not fully inside', async () => {
    const records = Array.from({ length: 12 }, (_, i) => record(i));
    const { load } = fakeDruid(records);
    const count = await new UnusedCounter({
      interval: { start: START, end: START + 10 * HOUR },
      loadPage: load,
      pageSize: 5,
    }).run();
    expect(count.count).toBe(10);
    expect(count.ignored).toBe(2);
  });

  it('cancelled mid-way, reports what it counted; going on counts the rest, nothing twice', async () => {
    const records = Array.from({ length: 100 }, (_, i) => record(i));
    const { load } = fakeDruid(records);
    const controller = new AbortController();
    const progress: UnusedCount[] = [];
    const counter = new UnusedCounter({
      interval: INTERVAL,
      loadPage: load,
      pageSize: 10,
      onProgress: (self) => {
        const count = self.snapshot();
        progress.push(count);
        if (count.pages === 3) controller.abort();
      },
    });
    const cancelled = await counter.run(controller.signal);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.count).toBe(30);
    expect(cancelled.bytes).toBe(sum([...records.slice(0, 20), ...records.slice(90)]));
    expect(progress.at(-1)).toEqual(cancelled);
    const resumed = await counter.run();
    expect(resumed).toMatchObject({ status: 'done', count: 100, bytes: sum(records) });
    expect(listedIds(resumed)).toEqual(records.map((r) => r.id));
  });

  it('failing mid-way keeps the totals so far and the error; retrying goes on from there', async () => {
    const records = Array.from({ length: 100 }, (_, i) => record(i));
    const { load, queries } = fakeDruid(records);
    let failNext = false;
    let failedOnce = false;
    const flaky: PageLoader = async (query, signal) => {
      if (failNext) {
        failNext = false;
        throw new Error('Router timed out');
      }
      return load(query, signal);
    };
    const counter = new UnusedCounter({
      interval: INTERVAL,
      loadPage: flaky,
      pageSize: 10,
      onProgress: (self) => {
        if (self.snapshot().pages === 4 && !failedOnce) {
          failNext = true;
          failedOnce = true;
        }
      },
    });
    const failed = await counter.run();
    expect(failed.status).toBe('failed');
    expect((failed.error as Error).message).toBe('Router timed out');
    expect(failed.count).toBeGreaterThanOrEqual(40);
    expect(failed.count).toBeLessThan(100);
    const sent = queries.length;
    const retried = await counter.run();
    expect(retried).toMatchObject({ status: 'done', count: 100, bytes: sum(records), error: null });
    // The retry starts where each end stopped, not from the beginning.
    expect(queries[sent]?.lastSegmentId).toBeDefined();
  });

  it('fails with a clear error instead of looping when the server ignores lastSegmentId', async () => {
    const records = Array.from({ length: 30 }, (_, i) => record(i));
    const stuck: PageLoader = async (query) =>
      query.sortOrder === 'ASC' ? records.slice(0, 10) : [...records].reverse().slice(0, 10);
    const count = await new UnusedCounter({ interval: INTERVAL, loadPage: stuck, pageSize: 10 }).run();
    expect(count.status).toBe('failed');
    expect(String(count.error)).toMatch(/ignored lastSegmentId/);
  });
});
