/** The effective-retention figures of both benches: 20 rules saved, then one edit timed in the browser. */
import type { Page } from '@playwright/test';
import { round } from './cluster-bench.ts';
import { median } from './stats.ts';

/** 20 rules of every kind, so effective retention has real work: periods, intervals, drops, broadcast. */
export function twentyRules(): unknown[] {
  const rules: unknown[] = [];
  for (let year = 2000; year < 2012; year++) {
    rules.push({ type: 'dropByInterval', interval: `${year}-01-01T00:00:00.000Z/${year}-07-01T00:00:00.000Z` });
  }
  rules.push({
    type: 'loadByPeriod',
    period: 'P7D',
    includeFuture: true,
    tieredReplicants: { hot: 1, _default_tier: 1 },
  });
  rules.push({ type: 'broadcastByPeriod', period: 'P1D', includeFuture: true });
  rules.push({ type: 'loadByInterval', interval: '2023-06-01/2023-07-01', tieredReplicants: { _default_tier: 3 } });
  rules.push({ type: 'dropByPeriod', period: 'P30D', includeFuture: false });
  rules.push({ type: 'loadByPeriod', period: 'P1Y', includeFuture: true, tieredReplicants: { _default_tier: 2 } });
  rules.push({ type: 'dropBeforeByPeriod', period: 'P3Y' });
  rules.push({ type: 'loadByInterval', interval: '2021-01-01/2022-01-01', tieredReplicants: { _default_tier: 1 } });
  rules.push({ type: 'loadForever', tieredReplicants: { _default_tier: 2 } });
  return rules;
}

/**
 * Opens the rules of `ds` with twentyRules() saved, then adds a rule `runs` times: the time from the click until the
 * effective-retention panel shows the new figures, and the longest main-thread task meanwhile (long-task observer);
 * also when the first preview showed.
 */
export async function measureRetentionEdits(page: Page, baseUrl: string, ds: string, runs = 3) {
  const response = await page.request.post(`${baseUrl}/druid/coordinator/v1/rules/${encodeURIComponent(ds)}`, {
    data: twentyRules(),
    headers: { 'X-Druid-Author': 'bench', 'X-Druid-Comment': '20 rules' },
  });
  if (!response.ok()) throw new Error(`posting rules failed: ${response.status()}`);
  await page.goto(`${baseUrl}/rules/${encodeURIComponent(ds)}`);
  await page.getByText('What the rules do to the').waitFor({ timeout: 300_000 });
  // Since navigation; the long tasks of the load, if an init script observed them (retention-scale.ts does).
  const firstPreviewMs = await page.evaluate(() => performance.now());
  const loadLongest = await page.evaluate(() => (window as unknown as { __loadLongest?: number }).__loadLongest ?? 0);
  await page.getByText('No unsaved edits').first().waitFor();
  const times: number[] = [];
  const blocks: number[] = [];
  const evaluations: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number; __observer?: PerformanceObserver };
      w.__longest = 0;
      w.__observer?.disconnect();
      w.__observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
      });
      w.__observer.observe({ type: 'longtask' });
      performance.clearMeasures('effective retention');
    });
    const before = await page.locator('.retention-panel, [aria-label="Effective retention"]').first().innerText();
    const started = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.waitForFunction(
      (text) => {
        const panel = document.querySelector('[aria-label="Effective retention"]') as HTMLElement | null;
        return panel !== null && panel.innerText !== text && !panel.querySelector('[aria-busy=true]');
      },
      before,
      { polling: 'raf' },
    );
    times.push((await page.evaluate(() => performance.now())) - started);
    blocks.push(await page.evaluate(() => (window as unknown as { __longest: number }).__longest));
    // The evaluation alone, as the preview's hook measures it (User Timing), apart from rendering.
    evaluations.push(
      await page.evaluate(() =>
        Math.max(0, ...performance.getEntriesByName('effective retention').map((entry) => entry.duration)),
      ),
    );
    await page.getByRole('button', { name: 'Discard edits' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Discard/ })
      .click();
  }
  return { times, blocks, evaluations, firstPreviewMs, loadLongest };
}

/** Effective retention recomputed for the 200k bench (20 rules) after one edit, and the longest task meanwhile. */
export async function benchRetention(page: Page, baseUrl: string, ds: string) {
  const { times, blocks } = await measureRetentionEdits(page, baseUrl, ds);
  return { effective_retention_ms: round(median(times)), longest_main_thread_block_ms: round(Math.max(...blocks)) };
}
