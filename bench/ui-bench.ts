import type { Browser, Page } from '@playwright/test';
import { bulkFloorMs, floorFetchParseMs } from './browser-floor.ts';
import { round } from './cluster-bench.ts';
import { benchRetention } from './retention-bench.ts';
import { median, percentile } from './stats.ts';
import { scrollWholeTable } from './table-scroll.ts';

const UNUSED_PAGE_SIZE = 10_000;
const BATCH_SIZE = 500;

/** Milliseconds since this page's navigation started, read when `ready` first holds. */
async function timeUntil(page: Page, ready: () => boolean): Promise<number> {
  await page.waitForFunction(ready, null, { timeout: 120_000, polling: 'raf' });
  return page.evaluate(() => performance.now());
}

async function openSegments(page: Page, baseUrl: string, ds: string, total: string) {
  await page.goto(`${baseUrl}/segments/${encodeURIComponent(ds)}`);
  const firstRows = await timeUntil(page, () => document.querySelectorAll('[role=table] [role=cell]').length > 0);
  const allRows = await page.evaluate(
    async (text) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const status = [...document.querySelectorAll('[role=status]')].some((el) => el.textContent?.includes(text));
          const loading = document.getElementById('unused-progress');
          if (status && !loading) resolve(performance.now());
          else requestAnimationFrame(check);
        };
        check();
      }),
    `Showing ${total} of ${total} segments`,
  );
  return { firstRows, allRows };
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return round(usedSize / 2 ** 20);
}

async function benchBulk(page: Page, baseUrl: string, ds: string, total: string, settle: () => void) {
  await page.getByRole('button', { name: `Select all ${total} matching` }).click();
  await page.getByRole('button', { name: 'Mark unused…' }).click();
  const dialog = page.getByRole('dialog');
  // The button states the effect ("Mark 200,000 segments unused (range, size)"); all of a datasource asks for its name.
  const run = dialog.getByRole('button', { name: /^Mark [\d,]+ segments unused/ });
  await run.waitFor({ timeout: 120_000 });
  const typed = dialog.getByRole('textbox', { name: `Type ${ds} to confirm` });
  if ((await typed.count()) > 0) await typed.fill(ds);
  const ids = await page.evaluate(async (name) => {
    const response = await fetch(`/druid/coordinator/v1/metadata/datasources/${encodeURIComponent(name)}/segments`);
    return (await response.json()) as string[];
  }, ds);
  settle();
  const started = await page.evaluate(() => performance.now());
  await run.click();
  // The title becomes the outcome when the run ends.
  await page.getByRole('dialog', { name: /^(Marked|Stopped|Partly failed|Failed)/ }).waitFor({ timeout: 300_000 });
  const bulk = (await page.evaluate(() => performance.now())) - started;
  await dialog.getByRole('button', { name: 'Done' }).click();
  // The floor sends the same batches straight from the page, after putting the same segments back to used.
  await page.request.post(`${baseUrl}/druid/indexer/v1/datasources/${encodeURIComponent(ds)}/markUsed`, {
    data: { segmentIds: ids },
  });
  settle();
  const floor = await bulkFloorMs(page, ds, ids, BATCH_SIZE);
  return { bulk_mark_unused_ms: round(bulk), bulk_floor_ms: round(floor), bulk_vs_floor: round(bulk / floor) };
}

export async function benchUi(browser: Browser, baseUrl: string, ds: string, settle: () => void) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, baseURL: baseUrl });
  // tsx compiles with keepNames, which wraps named functions inside page.evaluate callbacks in a `__name` helper
  // that only exists in Node; give the page a no-op one.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const page = await context.newPage();
  await page.goto(`${baseUrl}/cluster`);
  // The first run warms the server's page cache and the browser's JSON paths up; it ran ~40 % slower, so it is left out.
  await floorFetchParseMs(page, ds, UNUSED_PAGE_SIZE);
  const floors: number[] = [];
  for (let run = 0; run < 3; run++) floors.push(await floorFetchParseMs(page, ds, UNUSED_PAGE_SIZE));
  const floor = median(floors);
  const total = (200_000).toLocaleString('en-US');

  const firsts: number[] = [];
  const alls: number[] = [];
  for (let run = 0; run < 3; run++) {
    const { firstRows, allRows } = await openSegments(page, baseUrl, ds, total);
    firsts.push(firstRows);
    alls.push(allRows);
  }
  const heap = await heapMb(page);
  const frames = await scrollWholeTable(page);
  await page.evaluate(() => document.querySelector('.data-table-scroll')?.scrollTo(0, 0));
  const flick = await scrollWholeTable(page, 320, 600);
  // The same whole-table scroll with the CPU slowed 2× (DevTools throttling): the headroom a slower machine has.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 2 });
  await page.evaluate(() => document.querySelector('.data-table-scroll')?.scrollTo(0, 0));
  const slowed = await scrollWholeTable(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  const bulk = await benchBulk(page, baseUrl, ds, total, settle);
  const retention = await benchRetention(page, baseUrl, ds);
  await context.close();
  return {
    floor_fetch_parse_ms: round(floor),
    first_rows_ms: round(median(firsts)),
    all_rows_ms: round(median(alls)),
    all_rows_vs_floor: round(median(alls) / floor),
    scroll_p95_frame_ms: round(percentile(frames, 95)),
    scroll_flick_p95_frame_ms: round(percentile(flick, 95)),
    scroll_p95_frame_ms_cpu_x2: round(percentile(slowed, 95)),
    heap_mb: heap,
    ...bulk,
    ...retention,
  };
}
