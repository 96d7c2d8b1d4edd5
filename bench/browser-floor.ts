import type { Page } from '@playwright/test';

/**
 * The physical floor of loading a datasource's segments in this browser: fetching and JSON-parsing exactly the
 * responses the console needs (used segments with status in one request, unused segments page by page).
 */
export async function floorFetchParseMs(page: Page, dataSource: string, pageSize: number): Promise<number> {
  return page.evaluate(
    async ({ ds, limit }) => {
      const started = performance.now();
      const base = `/druid/coordinator/v1/metadata`;
      const used = await (
        await fetch(`${base}/segments?includeOvershadowedStatus&datasources=${encodeURIComponent(ds)}`)
      ).json();
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
      if ((used as unknown[]).length + unused === 0) throw new Error('no segments');
      return performance.now() - started;
    },
    { ds: dataSource, limit: pageSize },
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
