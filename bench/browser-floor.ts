import type { Page } from '@playwright/test';
import { USED_PARTS_AT_ONCE, usedListingParts } from '../src/api/used-parts.ts';
import { formatInterval, tryParseInterval } from '../src/druid/interval.ts';

/** The used listing's parts, as the console cuts them from the served summaries (fetched outside the timing). */
async function usedPartBodies(page: Page, dataSource: string): Promise<string[]> {
  const data = await page.evaluate(async (ds) => {
    const response = await fetch(`/druid/coordinator/v1/datasources/${encodeURIComponent(ds)}/intervals?simple`);
    return response.status === 204 ? null : ((await response.json()) as unknown);
  }, dataSource);
  const counted = Object.entries((data ?? {}) as Record<string, { count: number }>).map(([text, { count }]) => {
    const parsed = tryParseInterval(text);
    if (!parsed.ok) throw new Error(parsed.error);
    return { start: parsed.interval.start, count };
  });
  return usedListingParts(counted).map((part) => JSON.stringify([formatInterval(part)]));
}

/**
 * The physical floor of loading a datasource's segments in this browser: fetching and JSON-parsing exactly the
 * responses the console needs (used segments in parts, as many at once as the console sends, then unused segments
 * page by page). The console already holds the summaries the parts are cut from, so they are not timed.
 */
export async function floorFetchParseMs(page: Page, dataSource: string, pageSize: number): Promise<number> {
  const parts = await usedPartBodies(page, dataSource);
  return page.evaluate(
    async ({ ds, limit, bodies, atOnce }) => {
      const started = performance.now();
      const base = `/druid/coordinator/v1/metadata`;
      const partPath = `${base}/datasources/${encodeURIComponent(ds)}/segments?full`;
      let used = 0;
      let next = 0;
      const lane = async () => {
        while (next < bodies.length) {
          const body = bodies[next++];
          const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body };
          used += ((await (await fetch(partPath, init)).json()) as unknown[]).length;
        }
      };
      await Promise.all(Array.from({ length: atOnce }, lane));
      let last: string | null = null;
      let unused = 0;
      for (;;) {
        const query = new URLSearchParams({ limit: String(limit), sortOrder: 'ASC' });
        if (last) query.set('lastSegmentId', last);
        const pageRows = (await (
          await fetch(`${base}/datasources/${encodeURIComponent(ds)}/unusedSegments?${query}`)
        ).json()) as Array<{ dataSegment: { identifier: string } }>;
        unused += pageRows.length;
        if (pageRows.length < limit) break;
        last = pageRows[pageRows.length - 1]?.dataSegment.identifier ?? null;
      }
      if (used + unused === 0) throw new Error('no segments');
      return performance.now() - started;
    },
    { ds: dataSource, limit: pageSize, bodies: parts, atOnce: USED_PARTS_AT_ONCE },
  );
}

/** The floor of a bulk mark: the same batched markUnused requests, sent one after another straight from the page. */
export async function bulkFloorMs(page: Page, dataSource: string, ids: string[], batchSize: number): Promise<number> {
  return page.evaluate(
    async ({ ds, all, size }) => {
      const started = performance.now();
      for (let i = 0; i < all.length; i += size) {
        const response = await fetch(`/druid/indexer/v1/datasources/${encodeURIComponent(ds)}/markUnused`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/plain' },
          body: JSON.stringify({ segmentIds: all.slice(i, i + size) }),
        });
        await response.json();
      }
      return performance.now() - started;
    },
    { ds: dataSource, all: ids, size: batchSize },
  );
}
