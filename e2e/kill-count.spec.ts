import type { APIRequestContext, Locator, Route } from '@playwright/test';
import { test as base, expect } from './fixtures.ts';
import { type LocalClusterProcess, startLocalCluster } from './local-cluster-process.ts';
import { KillPage } from './pages/kill-page.ts';

// A generated datasource big enough to page through (tens of thousands of unused segments), on its own cluster.
const DATASOURCE = 'generated';
// Everything the generator wrote (it ends at 2026-01-01), so the count spans many pages.
const INTERVAL = '2000-01-01/2026-01-01';
const INTERVAL_PATH = '2000-01-01T00:00:00.000Z_2026-01-01T00:00:00.000Z';
const COUNT = (n: number) => n.toLocaleString('en-US');

/** The page and `request` talk to a cluster of their own with the generated datasource, not the demo one. */
const test = base.extend<{ baseURL: string }, { generated: LocalClusterProcess }>({
  generated: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires object destructuring for fixtures.
    async ({}, use) => {
      const started = await startLocalCluster(['--seed', 'none', '--generate', `${DATASOURCE}:60000`], {
        healthTimeoutMs: 120_000,
      });
      await use(started);
      await started.stop();
    },
    { scope: 'worker', timeout: 150_000 },
  ],
  baseURL: async ({ generated }, use) => use(generated.baseURL),
});

/** Druid's own answer, paged to the end: what the dry run must count. */
async function unusedInside(request: APIRequestContext) {
  const prefix = `/druid/coordinator/v1/metadata/datasources/${DATASOURCE}/unusedSegments`;
  const versions = new Map<string, number>();
  let count = 0;
  let lastSegmentId: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ interval: INTERVAL_PATH, limit: '10000', sortOrder: 'ASC' });
    if (lastSegmentId) query.set('lastSegmentId', lastSegmentId);
    const response = await request.get(`${prefix}?${query}`);
    const page = (await response.json()) as Array<{ dataSegment: { version: string; identifier: string } }>;
    for (const { dataSegment } of page) versions.set(dataSegment.version, (versions.get(dataSegment.version) ?? 0) + 1);
    count += page.length;
    if (page.length < 10000) return { count, versions };
    lastSegmentId = page[page.length - 1]?.dataSegment.identifier;
  }
}

/**
 * A slow Router for the count's pages (the local cluster answers too fast to watch): `let(n)` lets n pages through
 * (their segments are added to `passedSegments`), `failOne()` answers the next waiting page with a 500, `open()`
 * lets everything through. A page the console withdraws meanwhile is simply dropped.
 */
class CountGate {
  passedSegments = 0;
  private free = 0;
  private waiting: Array<(verdict: 'pass' | 'fail') => void> = [];

  get waitingPages() {
    return this.waiting.length;
  }

  async handle(route: Route) {
    let verdict: 'pass' | 'fail' = 'pass';
    if (this.free > 0) this.free--;
    else verdict = await new Promise((resolve) => this.waiting.push(resolve));
    try {
      if (verdict === 'fail')
        return await route.fulfill({
          status: 500,
          json: { error: 'Unknown exception', errorMessage: 'database is locked' },
        });
      // Once open, pages go straight to the cluster (fetching them here would slow the count down).
      if (this.free === Number.POSITIVE_INFINITY) return await route.fallback();
      const response = await route.fetch();
      const segments = ((await response.json()) as unknown[]).length;
      await route.fulfill({ response });
      this.passedSegments += segments;
    } catch {
      // The console withdrew the request (cancelled): nothing was counted.
    }
  }

  let(pages: number) {
    this.free += pages;
    while (this.free > 0 && this.waiting.length > 0) {
      this.free--;
      this.waiting.shift()?.('pass');
    }
  }

  failOne() {
    this.waiting.shift()?.('fail');
  }

  open() {
    this.let(Number.POSITIVE_INFINITY);
  }
}

/** The oldest versions one per line with their exact counts, the others summed up in one line. */
async function expectVersions(list: Locator, versions: Map<string, number>) {
  const sorted = [...versions].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [version, count] of sorted.slice(0, 3))
    await expect(list).toContainText(`${version}: ${COUNT(count)} segment`);
  const rest = sorted.slice(12);
  if (rest.length > 0) {
    const restCount = rest.reduce((sum, [, count]) => sum + count, 0);
    await expect(list).toContainText(`${COUNT(rest.length)} more versions: ${COUNT(restCount)} segments`);
  }
}

async function gateCountPages(page: KillPage['page']) {
  const gate = new CountGate();
  await page.context().route(
    (url) => url.pathname.endsWith('/unusedSegments') && url.searchParams.get('interval') === INTERVAL_PATH,
    (route) => gate.handle(route),
  );
  return gate;
}

test('the dry run counts in the background, marked partial until complete; Cancel keeps the count, going on completes it exactly', async ({
  page,
  request,
  expectAccessible,
}) => {
  test.setTimeout(90_000);
  const truth = await unusedInside(request);
  // Several pages from each end, so Cancel comes mid-way.
  expect(truth.count).toBeGreaterThan(25_000);
  const gate = await gateCountPages(page);
  gate.let(2);
  const kill = new KillPage(page);
  await kill.goto(DATASOURCE, INTERVAL);

  // The first page from each end is counted; the next ones wait at the gate.
  await expect.poll(() => gate.waitingPages).toBe(2);
  const counted = gate.passedSegments;
  await expect(kill.countProgress).toContainText(`${COUNT(counted)} unused segments`);
  await expect(kill.countProgress).toContainText('so far');
  await expect(kill.countProgress).toContainText('partial');
  await expect(kill.dryRun.getByRole('list', { name: 'Versions found so far' })).toBeVisible();
  await expect(kill.killButton).toHaveCount(0);
  await expectAccessible(page);

  await kill.dryRun.getByRole('button', { name: 'Cancel' }).click();
  await expect(kill.dryRun.getByRole('status')).toContainText(`Counting cancelled: ${COUNT(counted)} unused segments`);
  await expect(kill.killButton).toHaveCount(0);

  gate.open();
  await kill.dryRun.getByRole('button', { name: 'Go on counting' }).click();
  await expect(kill.verdict()).toContainText(`${COUNT(truth.count)} unused segments`, { timeout: 60_000 });
  await expect(kill.verdict()).toContainText('will be permanently deleted');
  await expectVersions(kill.dryRun.getByRole('list', { name: 'Versions to delete' }), truth.versions);
  // Every counted segment is listed once (below the row cap), in segment ID order.
  await expect(kill.toDelete.getByRole('table')).toHaveAttribute('aria-rowcount', String(truth.count + 1));
  await expect(kill.killButton).toHaveText(`Kill ${COUNT(truth.count)} segments…`);

  await kill.killButton.click();
  await expect(kill.dialog).toContainText(`${COUNT(truth.count)} unused segments`);
  await expect(kill.dialog).toContainText(/Segments from 20\d\d-\d\d-\d\d \d\d:\d\d – 20\d\d-/);
  await expectVersions(kill.dialog.getByRole('list', { name: 'Versions the kill deletes' }), truth.versions);
  await expectAccessible(page);
  await kill.dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a count failing mid-way keeps what it counted and says so; Retry goes on to the exact total', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const truth = await unusedInside(request);
  const gate = await gateCountPages(page);
  gate.let(2);
  const kill = new KillPage(page);
  await kill.goto(DATASOURCE, INTERVAL);
  await expect.poll(() => gate.waitingPages).toBe(2);
  const counted = gate.passedSegments;
  await expect(kill.countProgress).toContainText(`${COUNT(counted)} unused segments`);
  gate.failOne();

  const alert = kill.dryRun.getByRole('alert');
  await expect(alert).toContainText('The dry run failed');
  await expect(alert).toContainText('database is locked');
  await expect(kill.dryRun).toContainText(`Counted before the failure: ${COUNT(counted)} unused segments`);
  await expect(kill.killButton).toHaveCount(0);

  gate.open();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(kill.verdict()).toContainText(`${COUNT(truth.count)} unused segments`, { timeout: 60_000 });
  await expect(kill.killButton).toHaveText(`Kill ${COUNT(truth.count)} segments…`);
});
