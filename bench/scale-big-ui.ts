import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { round } from './cluster-bench.ts';
import { killCountFloor } from './kill-count-floor.ts';
import { childTreesRssMb } from './process-memory.ts';
import { benchBigRetention } from './retention-scale.ts';
import { msSinceNavigation } from './scale-fleet-ui.ts';

/** Watches one page: its largest response, its highest JS heap, and the browser's whole process tree. */
class MemoryWatch {
  largestResponseBytes = 0;
  heapMb = 0;
  browserTreeMb = 0;

  constructor(
    private readonly page: Page,
    private readonly clusterPid: number,
  ) {
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes().catch(() => null);
      if (sizes) this.largestResponseBytes = Math.max(this.largestResponseBytes, sizes.responseBodySize);
    });
  }

  /** Heap without forcing a collection (what the page holds at that moment, garbage included). */
  async sample(): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    await cdp.detach();
    this.heapMb = Math.max(this.heapMb, round(usedSize / 2 ** 20));
    // The browser is this process's child, as is the local cluster: its tree is ours without the cluster's.
    this.browserTreeMb = Math.max(this.browserTreeMb, childTreesRssMb(process.pid, [this.clusterPid]));
  }
}

const windowReady = (page: Page) =>
  page.waitForFunction(
    () =>
      [...document.querySelectorAll('[role=status]')].some((el) =>
        /^Showing [\d,]+ of [\d,]+ segments in this window$/.test(el.textContent ?? ''),
      ) &&
      ![...document.querySelectorAll('p,span,div')].some((el) =>
        el.textContent?.startsWith('Loading the segments from'),
      ),
    null,
    { timeout: 120_000, polling: 'raf' },
  );

/** First rows of the 2M datasource, then a jump from the timeline to a window three quarters in. */
async function openAndJump(page: Page, baseUrl: string, ds: string, watch: MemoryWatch) {
  await page.goto(`${baseUrl}/segments/${encodeURIComponent(ds)}`);
  const firstRows = await msSinceNavigation(
    page,
    () => document.querySelectorAll('[role=table] [role=cell]').length > 0,
  );
  await windowReady(page);
  await watch.sample();
  const timeline = page.getByRole('group', { name: /^Segments over time/ });
  await timeline.scrollIntoViewIfNeeded();
  const box = await timeline.boundingBox();
  if (!box) throw new Error('no timeline');
  const before = await page.getByRole('region', { name: 'Time window' }).getByRole('status').textContent();
  const started = performance.now();
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
  await page.waitForFunction(
    (old) => {
      const region = [...document.querySelectorAll('[role=region]')].find(
        (r) => r.getAttribute('aria-label') === 'Time window',
      );
      return region?.querySelector('[role=status]')?.textContent !== old;
    },
    before,
    { polling: 'raf' },
  );
  await windowReady(page);
  const jump = performance.now() - started;
  await watch.sample();
  return { big_first_rows_ms: firstRows, big_window_jump_ms: round(jump) };
}

/** The kill dry run over every unused segment of the datasource, from navigation to its exact verdict. */
async function killDryRun(page: Page, baseUrl: string, ds: string, interval: string, watch: MemoryWatch) {
  await page.goto(`${baseUrl}/kill/${encodeURIComponent(ds)}?${new URLSearchParams({ interval })}`);
  const dryRun = page.getByRole('region', { name: 'Dry run', exact: true });
  await dryRun.getByRole('status').filter({ hasText: 'will be permanently deleted' }).waitFor({ timeout: 120_000 });
  const ms = await page.evaluate(() => performance.now());
  await watch.sample();
  const text = (await dryRun.getByRole('status').textContent()) ?? '';
  const counted = Number((/([\d,]+) unused segments/.exec(text)?.[1] ?? '0').replaceAll(',', ''));
  return { big_kill_dry_run_1m_ms: round(ms), big_kill_dry_run_segments: counted };
}

/** "Select all matching in the datasource" → Mark unused: the used segments of the whole range, as one request. */
async function bulkByFilter(page: Page, baseUrl: string, ds: string, interval: string, watch: MemoryWatch) {
  const marks: string[] = [];
  page.on('request', (request) => {
    if (/\/mark(Un)?[uU]sed$/.test(new URL(request.url()).pathname)) marks.push(request.postData() ?? '');
  });
  const query = new URLSearchParams({ interval, match: 'contained', state: 'used,overshadowed' });
  await page.goto(`${baseUrl}/segments/${encodeURIComponent(ds)}?${query}`);
  await windowReady(page);
  await page.getByRole('button', { name: 'Select all matching in the datasource' }).click();
  await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Mark unused…' }).click();
  const dialog = page.getByRole('dialog');
  // The button states the effect ("Mark 817,653 segments unused (range, size)"); all of a datasource asks for its name.
  const confirm = dialog.getByRole('button', { name: /^Mark [\d,]+ segments unused/ });
  await confirm.waitFor({ timeout: 120_000 });
  const count = Number(
    /^Mark ([\d,]+)/.exec((await confirm.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? Number.NaN,
  );
  const typed = dialog.getByRole('textbox', { name: `Type ${ds} to confirm` });
  if ((await typed.count()) > 0) await typed.fill(ds);
  const started = performance.now();
  await confirm.click();
  await page.getByRole('dialog', { name: /^Marked [\d,]+ segments? unused/ }).waitFor({ timeout: 120_000 });
  const ms = performance.now() - started;
  await watch.sample();
  return { big_bulk_by_filter_ms: round(ms), big_bulk_segments: count, big_bulk_requests: marks.length };
}

/** The whole range of the datasource's segments, from the metadata store (the bench's own look, not the console's). */
function wholeRange(dataDir: string, ds: string): string {
  const db = new Database(join(dataDir, 'metadata.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare<[string], { start: string; end: string }>(
        'SELECT min(start) AS start, max("end") AS "end" FROM druid_segments WHERE dataSource = ?',
      )
      .get(ds);
    return `${row?.start}/${row?.end}`;
  } finally {
    db.close();
  }
}

export async function benchBigUi(browser: Browser, baseUrl: string, ds: string, dataDir: string, clusterPid: number) {
  const interval = wholeRange(dataDir, ds);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const watch = new MemoryWatch(page, clusterPid);
  try {
    const results: Record<string, number> = {
      ...(await openAndJump(page, baseUrl, ds, watch)),
      ...(await killDryRun(page, baseUrl, ds, interval, watch)),
      ...(await killCountFloor(page, ds, interval)),
    };
    Object.assign(results, await benchBigRetention(browser, baseUrl, ds));
    Object.assign(results, await bulkByFilter(page, baseUrl, ds, interval, watch));
    return {
      ...results,
      big_heap_mb: watch.heapMb,
      big_browser_process_tree_mb: watch.browserTreeMb,
      big_largest_response_mb: round(watch.largestResponseBytes / 2 ** 20),
    };
  } finally {
    await context.close();
  }
}
