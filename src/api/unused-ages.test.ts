import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchAllUnusedAges, fetchUnusedAges } from './unused-ages.ts';

/** `n` one-day unused segments of `ds` in ID order, marked unused on 2026-01-01. */
function segments(from: number, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const day = from + i;
    const start = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString();
    const end = new Date(Date.UTC(2024, 0, 2) + day * 86_400_000).toISOString();
    return {
      dataSegment: {
        dataSource: 'ds',
        interval: `${start}/${end}`,
        version: 'v1',
        size: 10,
        shardSpec: { partitionNum: 0 },
      },
      usedStatusLastUpdatedDate: '2026-01-01T00:00:00.000Z',
    };
  });
}

function stubUnused(all: unknown[]): URL[] {
  const asked: URL[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const parsed = new URL(url, 'http://localhost');
    asked.push(parsed);
    const limit = Number(parsed.searchParams.get('limit'));
    const after = parsed.searchParams.get('lastSegmentId');
    // Keyset paging: the page starts after the segment whose ID the stub recorded as its index.
    const from = after === null ? 0 : Number(after.split('|')[1]) + 1;
    const page = all.slice(from, from + limit).map((item, i) => ({
      ...(item as object),
      dataSegment: { ...(item as { dataSegment: object }).dataSegment, identifier: `seg|${from + i}` },
    }));
    return new Response(JSON.stringify(page), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('unused ages', () => {
  it('reads at most cap + 1 by ID and says when there are more', async () => {
    const asked = stubUnused(segments(0, 5));
    const first = await fetchUnusedAges('ds', undefined, 3);
    expect(first.capped).toBe(true);
    expect(first.segments).toHaveLength(3);
    expect(first.segments[0]).toEqual({
      start: Date.UTC(2024, 0, 1),
      end: Date.UTC(2024, 0, 2),
      lastUpdated: Date.UTC(2026, 0, 1),
      size: 10,
    });
    expect(asked[0]?.searchParams.get('limit')).toBe('4');
    expect(asked[0]?.searchParams.get('sortOrder')).toBe('ASC');
    expect((await fetchUnusedAges('ds', undefined, 5)).capped).toBe(false);
  });

  it('counts all on demand, page after page by the last ID, with progress', async () => {
    stubUnused(segments(0, 12_000));
    const progress: number[] = [];
    const all = await fetchAllUnusedAges('ds', undefined, (count) => progress.push(count));
    expect(all.segments).toHaveLength(12_000);
    expect(all.capped).toBe(false);
    expect(progress).toEqual([5_000, 10_000, 12_000]);
  });
});
