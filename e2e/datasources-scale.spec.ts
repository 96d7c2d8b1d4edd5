import type { Request } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { type LocalClusterProcess, startLocalCluster } from './local-cluster-process.ts';
import { DataSourcesPage } from './pages/datasources-page.ts';

// 2,000 small datasources (16 generated segments each, some unused: the counts are read from the cluster, since the
// realistic generator's split depends on each name) and one with ~20,000 unused segments: past the cap, and
// three keyset pages (10k each) to count exactly.
const FLEET = 2_000;
const fleetName = (i: number) => `fleet_${String(i).padStart(5, '0')}`;
const MANY = 'many_unused';
const UNUSED_PATH = /\/metadata\/datasources\/([^/]+)\/unusedSegments\?/;

let fleet: LocalClusterProcess;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const generate = Array.from({ length: FLEET }, (_, i) => ['--generate', `${fleetName(i + 1)}:16`]).flat();
  fleet = await startLocalCluster(['--seed', 'none', ...generate, '--generate', `${MANY}:30000`]);
});

test.afterAll(async () => fleet?.stop());

/** Every request the page sends to Druid, and those the page cancelled. */
function recordRequests(page: import('@playwright/test').Page) {
  const sent: Request[] = [];
  const aborted: Request[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/druid/')) sent.push(request);
  });
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText === 'net::ERR_ABORTED') aborted.push(request);
  });
  const unusedOf = (requests: Request[]) =>
    requests.flatMap((request) => {
      const match = UNUSED_PATH.exec(request.url());
      return match ? [decodeURIComponent(match[1] as string)] : [];
    });
  return { sent, aborted, unusedOf };
}

/** What the cluster serves as the datasource's used total (`datasources/{ds}`), as a cell shows it. */
async function usedText(dataSource: string): Promise<string> {
  const url = `${fleet.baseURL}/druid/coordinator/v1/datasources/${dataSource}`;
  return String(((await (await fetch(url)).json()) as { segments: { count: number } }).segments.count);
}

async function unusedText(dataSource: string): Promise<string> {
  return String(await unusedTotal(dataSource));
}

async function unusedTotal(dataSource: string): Promise<number> {
  const url = `${fleet.baseURL}/druid/coordinator/v1/metadata/datasources/${dataSource}/unusedSegments?sortOrder=ASC`;
  return ((await (await fetch(url)).json()) as unknown[]).length;
}

test.describe(`the datasources list with ${FLEET + 1} datasources`, () => {
  test('asks for the unused segments of the rows on screen only, at most twice each; the filter asks nothing', async ({
    page,
  }) => {
    const requests = recordRequests(page);
    const list = new DataSourcesPage(page);
    await list.goto({}, fleet.baseURL);
    await expect(list.status).toHaveText(`${(FLEET + 1).toLocaleString('en-US')} datasources.`);
    await expect(list.cell(fleetName(1), 'used')).toHaveText(await usedText(fleetName(1)));
    await expect(list.cell(fleetName(1), 'unused')).toHaveText(await unusedText(fleetName(1)));
    await expect(list.table.getByText('counting…')).toHaveCount(0);

    const drawn = await list.drawnNames();
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(60);
    const probed = requests.unusedOf(requests.sent);
    // Only rows that are drawn, each under the cap here, so one request each.
    expect(new Set(probed)).toEqual(new Set(drawn));
    expect(probed).toHaveLength(drawn.length);
    // Names, used totals and rules, plus whatever the shell asks: a constant, not one per datasource.
    const listWide = requests.sent.length - probed.length;
    expect(listWide).toBeLessThanOrEqual(5);

    const before = requests.sent.length;
    await list.filter.fill('fleet_0199');
    await expect(list.status).toHaveText(`10 of ${(FLEET + 1).toLocaleString('en-US')} datasources match.`);
    await expect(page).toHaveURL(/filter=fleet_0199/);
    await expect(list.cell(fleetName(1999), 'unused')).toHaveText(await unusedText(fleetName(1999)));
    const afterFilter = requests.sent.slice(before);
    expect(requests.unusedOf(afterFilter)).toHaveLength(afterFilter.length);
    expect(new Set(requests.unusedOf(afterFilter))).toEqual(new Set(await list.drawnNames()));
  });

  test('cancels the requests of rows that scroll away', async ({ page }) => {
    const requests = recordRequests(page);
    // A slow Druid, which the local cluster cannot be on demand: unused listings are held until released.
    const held: Array<() => Promise<void>> = [];
    await page.route(UNUSED_PATH, (route) => {
      held.push(() => route.continue().catch(() => undefined));
    });
    const list = new DataSourcesPage(page);
    await list.goto({}, fleet.baseURL);
    await expect(list.cell(fleetName(1), 'unused')).toHaveText('counting…');
    const firstRows = await list.drawnNames();
    await expect.poll(() => requests.unusedOf(requests.sent).length).toBe(firstRows.length);

    await list.scrollTo(1);
    await expect(list.row(MANY)).toBeVisible();
    // Every request of the rows that left the screen was aborted by the page, none of the rows now on screen.
    await expect.poll(() => new Set(requests.unusedOf(requests.aborted))).toEqual(new Set(firstRows));
    const lastRows = await list.drawnNames();
    expect(lastRows.some((name) => firstRows.includes(name))).toBe(false);

    await page.unroute(UNUSED_PATH);
    for (const release of held) await release();
    await expect(list.cell(MANY, 'unused')).toContainText('100+');
    await expect(list.cell(fleetName(FLEET), 'unused')).toHaveText(await unusedText(fleetName(FLEET)));
  });

  test('a row whose unused segments cannot be read says so; the others are not held up', async ({ page }) => {
    // Druid refusing one listing is a fault the local cluster cannot produce on demand.
    await page.route(`**/datasources/${fleetName(2)}/unusedSegments?*`, (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: '{"error":"Invalid limit"}' }),
    );
    const list = new DataSourcesPage(page);
    await list.goto({}, fleet.baseURL);
    await expect(list.cell(fleetName(2), 'unused')).toHaveText('failed');
    await expect(list.cell(fleetName(2), 'unused').getByText('failed')).toHaveAttribute('title', /Invalid limit/);
    await expect(list.cell(fleetName(2), 'used')).toHaveText(await usedText(fleetName(2)));
    await expect(list.cell(fleetName(3), 'unused')).toHaveText(await unusedText(fleetName(3)));
  });

  test('shows 100+ past the cap and counts exactly on demand, with progress and Cancel', async ({
    page,
    expectAccessible,
  }) => {
    const requests = recordRequests(page);
    const list = new DataSourcesPage(page);
    await list.goto({ filter: MANY }, fleet.baseURL);
    const unused = list.cell(MANY, 'unused');
    await expect(unused).toContainText('100+');
    await expect(list.cell(MANY, 'size')).toContainText(/^≥ /);
    // Past the cap, one more request (the last segment by ID, for the end of the time range).
    expect(requests.unusedOf(requests.sent)).toEqual([MANY, MANY]);

    await expectAccessible(page);
    const count = unused.getByRole('button', { name: `Count the unused segments of ${MANY} exactly` });
    const held: Array<() => Promise<void>> = [];
    await page.route(/unusedSegments\?limit=10000/, (route) => {
      held.push(() => route.continue().catch(() => undefined));
    });
    await count.click();
    await expect(unused.getByRole('status')).toHaveText('100+ · counting…');
    await expect.poll(() => held.length).toBe(1);
    await unused.getByRole('button', { name: `Cancel counting the unused segments of ${MANY}` }).click();
    await expect(count).toBeVisible();
    await expect.poll(() => requests.aborted.filter((r) => r.url().includes('limit=10000')).length).toBe(1);

    await page.unroute(/unusedSegments\?limit=10000/);
    await count.click();
    const exact = await unusedTotal(MANY);
    expect(exact).toBeGreaterThan(10_000);
    await expect(unused).toHaveText(exact.toLocaleString('en-US'));
    await expect(list.cell(MANY, 'size')).not.toContainText('≥');
  });
});
