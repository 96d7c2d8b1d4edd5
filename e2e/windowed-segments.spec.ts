import type { APIRequestContext, Request } from '@playwright/test';
import { test as base, expect } from './fixtures.ts';
import { type LocalClusterProcess, startLocalCluster } from './local-cluster-process.ts';
import { WindowedSegmentsPage } from './pages/windowed-segments-page.ts';

const DS = 'big';
/**
 * Above the threshold: the generator keeps ~35 % of these used (~119k; the rest are old versions or unused), so it
 * stays windowed after the first test marks one version's thousands unused.
 */
const GENERATED = 340_000;
const COORDINATOR = '/druid/coordinator/v1';
const metadata = `${COORDINATOR}/metadata/datasources/${DS}`;

// Each test gets a fresh cluster with the generated datasource (~3 s to generate), so changes never leak.
const test = base.extend<{ bigCluster: LocalClusterProcess }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires object destructuring for fixtures.
  bigCluster: async ({}, use) => {
    const cluster = await startLocalCluster(['--seed', 'none', '--generate', `${DS}:${GENERATED}`]);
    await use(cluster);
    await cluster.stop();
  },
  cluster: async ({ bigCluster }, use) => use(bigCluster),
});
test.setTimeout(90_000);

async function servedSummary(request: APIRequestContext) {
  const response = await request.get(`${COORDINATOR}/datasources/${DS}/intervals?simple`);
  const map = (await response.json()) as Record<string, { count: number }>;
  const months = new Map<number, number>();
  let first = Number.POSITIVE_INFINITY;
  for (const [interval, { count }] of Object.entries(map)) {
    const start = new Date(interval.split('/')[0] as string);
    first = Math.min(first, start.getTime());
    const month = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1);
    months.set(month, (months.get(month) ?? 0) + count);
  }
  return { count: Object.values(map).reduce((n, entry) => n + entry.count, 0), first, months };
}

/** An ID's interval and version (generated versions are ISO instants, so no `_` inside). */
function readId(id: string) {
  const [start, end, version] = id.slice(DS.length + 1).split('_') as [string, string, string];
  return { start: Date.parse(start), end: Date.parse(end), version };
}

/** Used segment IDs overlapping the interval, from the metadata store (POST …/segments, OVERLAP). */
async function usedIdsOverlapping(request: APIRequestContext, interval: string): Promise<string[]> {
  const response = await request.post(`${metadata}/segments`, { data: [interval] });
  expect(response.ok()).toBe(true);
  return (await response.json()) as string[];
}

/** Unused segment IDs overlapping [start, end): a CONTAINS listing a month wider, filtered (no segment is longer). */
async function unusedIdsOverlapping(request: APIRequestContext, start: number, end: number): Promise<string[]> {
  const month = 31 * 86_400_000;
  const path = `${metadata}/unusedSegments?interval=${iso(start - month)}_${iso(end + month)}&sortOrder=ASC`;
  const response = await request.get(path);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as Array<{ dataSegment: { identifier: string } }>)
    .map((p) => p.dataSegment.identifier)
    .filter((id) => {
      const segment = readId(id);
      return segment.start < end && segment.end > start;
    });
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The version with the most used segments (a backfill job's: one version over many intervals), the interval its
 * segments span, and their IDs: all of them are inside that interval.
 */
async function biggestVersion(request: APIRequestContext) {
  const byVersion = new Map<string, { ids: string[]; start: string; end: string }>();
  for (const id of await usedIdsOverlapping(request, '1000-01-01T00:00:00.000Z/3000-01-01T00:00:00.000Z')) {
    const [, start = '', end = '', version = ''] = id.split('_');
    const entry = byVersion.get(version) ?? { ids: [], start, end };
    entry.ids.push(id);
    if (start < entry.start) entry.start = start;
    if (end > entry.end) entry.end = end;
    byVersion.set(version, entry);
  }
  const [version, biggest] = [...byVersion].sort((a, b) => b[1].ids.length - a[1].ids.length)[0] ?? [];
  if (!version || !biggest) throw new Error('no used segments');
  return { version, interval: `${biggest.start}/${biggest.end}`, inside: biggest.ids };
}

test('a big datasource opens one window, loads the next at its edge and jumps from the timeline', async ({
  page,
  request,
}) => {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  const view = new WindowedSegmentsPage(page);
  await view.goto(DS);

  const rows = await view.loadedRows();
  const { served, threshold, windowRows } = await view.modeFigures();
  const known = await servedSummary(request);
  expect(served).toBe(known.count);
  expect(served).toBeGreaterThan(threshold);
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThanOrEqual(windowRows);
  const first = await view.window();
  expect(first.start).toBeNull();
  expect(first.end).not.toBeNull();
  // Exactly Druid's segments of that window (it starts at the beginning of time; a year before the data will do).
  const from = known.first - 365 * 86_400_000;
  const window = `${iso(from)}/${iso(first.end as number)}`;
  const expected =
    (await usedIdsOverlapping(request, window)).length +
    (await unusedIdsOverlapping(request, from, first.end as number)).length;
  expect(rows).toBe(expected);
  // Never the whole datasource: no full used listing, every used request is for the window.
  expect(requests.some((r) => r.url().includes('/metadata/segments?'))).toBe(false);
  expect(requests.some((r) => r.method() === 'POST' && r.url().includes(`${metadata}/segments?full`))).toBe(true);

  // Past the last row, the wheel loads the next window, which starts where this one ended.
  await view.table.hover();
  await view.table.evaluate((table) => {
    // The table's scroll box is its parent.
    const box = table.parentElement as HTMLElement;
    box.scrollTop = box.scrollHeight;
  });
  await expect(async () => {
    await page.mouse.wheel(0, 400);
    expect((await view.window()).start).toBe(first.end);
  }).toPass();
  const second = await view.window();
  const secondRows = await view.loadedRows();
  expect(secondRows).toBeGreaterThan(0);
  await expect(view.firstRowStart()).toHaveText(
    new Date(first.end as number).toISOString().slice(0, 16).replace('T', ' '),
  );

  // A click on the timeline's last quarter jumps to a window there.
  await view.timeline.scrollIntoViewIfNeeded();
  const box = await view.timeline.boundingBox();
  if (!box) throw new Error('no timeline');
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
  await expect.poll(async () => (await view.window()).start ?? 0).toBeGreaterThan(second.end ?? 0);
  expect(await view.loadedRows()).toBeGreaterThan(0);

  // And back, one window earlier.
  const jumped = await view.window();
  await page.getByRole('button', { name: '← Earlier window' }).click();
  await expect.poll(async () => (await view.window()).end).toBe(jumped.start);
});

test('all matching in the datasource is marked unused as one {interval, versions} request, counted first', async ({
  page,
  request,
}) => {
  // The version with the most used segments (a backfill job) and the interval it spans.
  const { interval, version } = await biggestVersion(request);
  const [start, end] = interval.split('/').map((text) => Date.parse(text)) as [number, number];
  const usedInside = async () =>
    (await usedIdsOverlapping(request, interval))
      .map((id) => ({ id, ...readId(id) }))
      .filter((segment) => segment.start >= start && segment.end <= end);

  const marks: Request[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/markUnused') || r.url().includes('/markUsed')) marks.push(r);
  });
  const view = new WindowedSegmentsPage(page);
  const markAllMatching = async (expected: number) => {
    const count = expected.toLocaleString('en-US');
    await page.getByRole('button', { name: 'Select all matching in the datasource' }).click();
    await expect(view.selectionBar).toContainText('All segments of the datasource matching the filters selected');
    await view.selectionBar.getByRole('button', { name: 'Mark unused…' }).click();
    await expect(view.dialog).toContainText(`${count} segments of big will be marked unused`);
    await view.dialog.getByRole('button', { name: `Mark ${count} segments unused` }).click();
    await expect(view.dialog).toContainText(`Marked ${count} segments unused.`);
    await view.dialog.getByRole('button', { name: 'Done' }).click();
  };

  // One version inside the interval: {interval, versions}.
  const ofVersion = (await usedInside()).filter((segment) => segment.version === version).map((s) => s.id);
  expect(ofVersion.length).toBeGreaterThan(1000);
  await view.goto(DS, { interval, match: 'contained', version, state: 'used,overshadowed' });
  await view.loadedRows();
  const { threshold } = await view.modeFigures();

  // Filters held as the selection, then the interval text broken: nothing may be marked, nor selected by it.
  await page.getByRole('button', { name: 'Select all matching in the datasource' }).click();
  const intervalFilter = page.getByRole('textbox', { name: 'Interval filter', exact: true });
  await intervalFilter.fill(`${interval.split('/')[0]}/nonsense`);
  await expect(view.showing.or(page.getByText(/^Showing [\d,]+ of [\d,]+ segments in this window · /))).toContainText(
    'Interval filter not applied:',
  );
  await expect(view.selectionBar.getByRole('button', { name: 'Mark unused…' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Select all matching in the datasource' })).toBeDisabled();
  await expect(page.getByRole('button', { name: /^Select all [\d,]+ matching in this window$/ })).toBeDisabled();
  expect(new URL(page.url()).searchParams.get('interval')).toBe(interval);
  await intervalFilter.fill(interval);
  await markAllMatching(ofVersion.length);
  expect(marks.map((r) => r.postDataJSON())).toEqual([{ interval, versions: [version] }]);
  expect((await usedInside()).filter((segment) => ofVersion.includes(segment.id))).toEqual([]);

  // Every version in the busiest month: thousands of segments, still one request, {interval} alone.
  const { months } = await servedSummary(request);
  const [monthStart] = [...months].sort((x, y) => y[1] - x[1])[0] ?? [0];
  const first = new Date(monthStart);
  const monthEnd = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1);
  const month = `${iso(monthStart)}/${iso(monthEnd)}`;
  const inMonth = async () =>
    (await usedIdsOverlapping(request, month))
      .map((id) => ({ id, ...readId(id) }))
      .filter((segment) => segment.start >= monthStart && segment.end <= monthEnd);
  const rest = await inMonth();
  expect(rest.length).toBeGreaterThan(1000);
  // The view decides its mode when it opens: the datasource must still be above the threshold to open windowed.
  expect((await servedSummary(request)).count).toBeGreaterThan(threshold);
  await view.goto(DS, { interval: month, match: 'contained', state: 'used,overshadowed' });
  await view.loadedRows();
  await markAllMatching(rest.length);
  expect(marks.map((r) => r.postDataJSON())).toEqual([{ interval, versions: [version] }, { interval: month }]);
  expect(await inMonth()).toEqual([]);
});

test('a window that fails to load says which and offers retry', async ({ page }) => {
  let refusing = true;
  await page.route('**/metadata/datasources/big/segments?full*', async (route) => {
    if (!refusing) return route.continue();
    await route.fulfill({ status: 500, json: { error: 'Historical went away' } });
  });
  const view = new WindowedSegmentsPage(page);
  await view.goto(DS);
  const alert = page.getByRole('alert').filter({ hasText: /^Could not load the segments from the beginning to / });
  // Transient failures are retried with backoff first; the alert comes after the last attempt.
  await expect(alert).toContainText('Historical went away', { timeout: 20_000 });
  refusing = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  expect(await view.loadedRows()).toBeGreaterThan(0);
  await expect(alert).toHaveCount(0);
});
