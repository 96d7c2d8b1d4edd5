import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { KillPage } from './pages/kill-page.ts';

const META = '/druid/coordinator/v1/metadata/datasources';

interface SegmentPlus {
  dataSegment: { identifier: string; interval: string };
}

async function unusedIds(request: APIRequestContext, dataSource: string, interval: string): Promise<string[]> {
  const response = await request.get(
    `${META}/${encodeURIComponent(dataSource)}/unusedSegments?interval=${interval}&sortOrder=ASC`,
  );
  expect(response.ok()).toBe(true);
  return ((await response.json()) as SegmentPlus[]).map((s) => s.dataSegment.identifier).sort();
}

async function usedIds(request: APIRequestContext, dataSource: string): Promise<string[]> {
  const response = await request.get(`${META}/${encodeURIComponent(dataSource)}/segments`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as string[]).sort();
}

test.describe('kill, for real', () => {
  test.use({ isolated: true });

  test('the dry run lists exactly the unused segments fully inside; the kill runs to SUCCESS and deletes only them', async ({
    page,
    request,
    expectAccessible,
  }) => {
    test.setTimeout(60_000);
    const toKill = await unusedIds(request, 'sales_events', '2024-02-01_2024-03-01');
    // Feb 10–19, three partitions each.
    expect(toKill).toHaveLength(30);
    expect(toKill.every((id) => /_2024-02-1\d/.test(id))).toBe(true);
    const usedBefore = await usedIds(request, 'sales_events');
    const deletes: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'DELETE') deletes.push(r.url());
    });

    const kill = new KillPage(page);
    await kill.goto('sales_events', '2024-02-01/2024-03-01');
    await expect(kill.verdict()).toContainText('30 unused segments');
    await expect(kill.verdict()).toContainText('will be permanently deleted');
    await expect(kill.dryRun.getByRole('list', { name: 'Versions to delete' })).toHaveText(
      /2024-04-01T00:00:00.000Z: 30 segments/,
    );
    await expect(kill.toDelete.getByRole('table')).toHaveAttribute('aria-rowcount', '31');
    await expect(kill.segmentRows(kill.toDelete).first()).toContainText('2024-02-10T00:00:00.000Z/2024-02-11');
    await kill.toDelete.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect(kill.segmentRows(kill.toDelete).last()).toContainText('2024-02-19T00:00:00.000Z/2024-02-20');
    // February's other days stay used: 19 days × 3 partitions, from the served intervals summary.
    await expect(kill.dryRun).toContainText('57 used segments');
    await expect(kill.dryRun).toContainText('19 intervals');
    await expectAccessible(page);

    await kill.killButton.click();
    await expect(kill.dialog).toContainText('This cannot be undone.');
    await expect(kill.confirmButton(30)).toBeDisabled();
    await kill.confirmField.fill('sales');
    await expect(kill.confirmButton(30)).toBeDisabled();
    await kill.confirmField.fill('sales_events');
    await expect(kill.confirmButton(30)).toBeEnabled();
    await expectAccessible(page);
    await kill.confirmButton(30).click();

    await expect(kill.dialog).toBeHidden();
    await expect(kill.killTask).toContainText('api-issued_kill_sales_events_');
    await expect(kill.killTask.getByRole('status')).toContainText('SUCCESS', { timeout: 20_000 });
    await expect(kill.killTask).toContainText('Duration');
    expect(deletes).toHaveLength(1);
    expect(decodeURIComponent(deletes[0] ?? '')).toContain(
      '/druid/coordinator/v1/datasources/sales_events/intervals/2024-02-01T00:00:00.000Z_2024-03-01T00:00:00.000Z',
    );
    // The refreshed dry run finds nothing left to delete, and the task is in the recent list.
    await expect(kill.verdict()).toContainText('Nothing to delete');
    await expect(kill.killButton).toBeHidden();
    await expect(kill.recentTasks.getByRole('row').filter({ hasText: 'SUCCESS' })).toHaveCount(1);
    await expectAccessible(page);

    for (const id of toKill) {
      const response = await request.get(`${META}/sales_events/segments/${encodeURIComponent(id)}?includeUnused=true`);
      expect(response.status(), id).toBe(404);
    }
    expect(await usedIds(request, 'sales_events')).toEqual(usedBefore);
    expect(await unusedIds(request, 'sales_events', '2024-02-01_2024-03-01')).toEqual([]);
  });
});

test.describe('kill dry runs that change nothing', () => {
  test('an empty dry run says so and offers no kill', async ({ page, expectAccessible }) => {
    const kill = new KillPage(page);
    await kill.goto('sales_events', '2024-03-01/2024-04-01');
    await expect(kill.verdict()).toContainText('Nothing to delete');
    await expect(kill.dryRun).toContainText('31 used segments');
    await expect(kill.killButton).toHaveCount(0);
    await expectAccessible(page);
  });

  test('a bad typed interval shows an error and sends nothing', async ({ page }) => {
    const kill = new KillPage(page);
    await kill.goto('sales_events');
    await expect(kill.recentTasks).toBeVisible();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'DELETE' || r.url().includes('unusedSegments?interval')) sent.push(`${r.method()} ${r.url()}`);
    });
    await kill.intervalField.fill('2024-03-01/2024-02-01');
    await expect(page.getByText('End must be after start.')).toBeVisible();
    await expect(kill.intervalField).toHaveAttribute('aria-invalid', 'true');
    await kill.intervalField.fill('last tuesday');
    await expect(page.getByText(/^Not an interval: use start\/end such as 2015-09-12\/2015-09-13/)).toBeVisible();
    await expect(kill.dryRun).toHaveCount(0);
    await expect(kill.killButton).toHaveCount(0);
    expect(sent).toEqual([]);
  });

  test('a valid interval replacing a previewed one withdraws the old kill until its own dry run is done', async ({
    page,
  }) => {
    const kill = new KillPage(page);
    await kill.goto('sales_events', '2024-02-01/2024-03-01');
    await expect(kill.killButton).toHaveText('Kill 30 segments…');
    await kill.intervalField.fill('2024-02-01/2024-02-0');
    await expect(kill.killButton).toHaveCount(0);
    await kill.intervalField.fill('2024-02-10T12:00Z/2024-02-15');
    // Feb 11–14 fully inside; Feb 10 (three partitions) only partly inside and kept.
    await expect(kill.killButton).toHaveText('Kill 12 segments…');
    await expect(kill.dryRun).toContainText('3 unused segments only partly inside the interval will stay');
    await expect.poll(() => new URL(page.url()).searchParams.get('interval')).toBe('2024-02-10T12:00Z/2024-02-15');
  });

  test('an interval reaching into the last 24 hours or the future is flagged', async ({ page }) => {
    const kill = new KillPage(page);
    await kill.goto('sales_events', '2024-02-01/3000-01-01');
    await expect(kill.dryRun).toContainText('The interval reaches into the future.');
    await kill.pickPreset('Everything older than 24 hours');
    await expect(kill.intervalField).toHaveValue(/^1000-01-01\//);
    await expect(kill.dryRun).not.toContainText('reaches into');
    await expect(kill.verdict()).toContainText('unused segments');
  });

  test('a datasource is picked from every datasource, unicode names included', async ({ page }) => {
    const kill = new KillPage(page);
    await kill.goto();
    await kill.dataSource.selectOption('données_ventes_été');
    await expect(page).toHaveURL(/\/kill\/donn%C3%A9es_ventes_%C3%A9t%C3%A9$/);
    await kill.pickPreset('All unused segments of données_ventes_été');
    await expect(kill.verdict()).toContainText('3 unused segments');
    await expect(kill.killButton).toHaveText('Kill 3 segments…');
  });
});

test.describe('the kill interval field', () => {
  test('offers only what the kill view does not warn against, opens on the data, and closes back to its button', async ({
    page,
    expectAccessible,
  }) => {
    const kill = new KillPage(page);
    await kill.goto('sales_events');
    await kill.intervalButton.click();
    await expect(kill.intervalPopover).toBeVisible();
    // Focus moves into the popover, and the rest of the page is inert while it is open.
    await expect(kill.intervalPopover.locator(':focus')).toHaveCount(1);
    const presets = kill.intervalPopover.getByRole('list', { name: 'Presets' }).getByRole('button');
    await expect(presets).toHaveText(['Everything older than 24 hours', 'All unused segments of sales_events']);
    // Each preset shows the plain interval text it writes.
    await expect(presets.first()).toHaveAccessibleDescription(/^1000-01-01\/\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    // No interval typed yet: the calendar opens on the unused segments' first month, not on today's.
    const unusedRange = (await presets.nth(1).getAttribute('aria-describedby')) ?? '';
    const unusedStart = (await page.locator(`[id="${unusedRange}"]`).textContent())?.slice(0, 7) ?? '';
    const month = new Date(`${unusedStart}-01T00:00Z`).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    expect(unusedStart).toMatch(/^20\d\d-\d\d$/);
    await expect(kill.intervalPopover.getByRole('grid', { name: `${month} ${unusedStart.slice(0, 4)}` })).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectAccessible(page);
    }
    await page.keyboard.press('Escape');
    await expect(kill.intervalPopover).toBeHidden();
    await expect(kill.intervalButton).toBeFocused();
    await expect(kill.intervalField).toHaveValue('');
  });
});
