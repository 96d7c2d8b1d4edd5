import type { Page } from '@playwright/test';
import { round } from './cluster-bench.ts';

/**
 * The floor of the kill dry run, in the same page and run: the same `unusedSegments` pages the console asks for (the
 * interval, 5,000 a page, keyset by segment ID from both ends at once until the ends meet), fetched and
 * `JSON.parse`d on the page's main thread with nothing else done: no worker, no records, no totals by version, no
 * list, no rendering.
 */
export async function killCountFloor(page: Page, ds: string, interval: string) {
  const { ms, counted } = await page.evaluate(
    async ({ ds, interval }) => {
      const path = `/druid/coordinator/v1/metadata/datasources/${encodeURIComponent(ds)}/unusedSegments`;
      const latest: [Set<string>, Set<string>] = [new Set(), new Set()];
      let counted = 0;
      let done = false;
      const started = performance.now();
      // Inline and anonymous: tsx names declared functions with a helper the page does not have.
      await Promise.all(
        ([0, 1] as const).map(async (index) => {
          const other = index === 0 ? 1 : 0;
          let last: string | undefined;
          while (!done) {
            const query = new URLSearchParams({ interval, limit: '5000', sortOrder: index === 0 ? 'ASC' : 'DESC' });
            if (last) query.set('lastSegmentId', last);
            const text = await (await fetch(`${path}?${query}`)).text();
            if (done) return;
            const ids = (JSON.parse(text) as Array<{ dataSegment: { identifier: string } }>).map(
              (record) => record.dataSegment.identifier,
            );
            const met = ids.findIndex((id) => latest[other].has(id));
            const fresh = met === -1 ? ids : ids.slice(0, met);
            counted += fresh.length;
            last = fresh[fresh.length - 1] ?? last;
            latest[index] = new Set(fresh);
            if (met !== -1 || ids.length < 5000) done = true;
          }
        }),
      );
      return { ms: performance.now() - started, counted };
    },
    { ds, interval: interval.replace('/', '_') },
  );
  return { big_kill_dry_run_floor_ms: round(ms), big_kill_dry_run_floor_segments: counted };
}
