import type { APIRequestContext, Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { SegmentsPage, WIKI, wikiId } from './pages/segments-page.ts';

const metadata = (dataSource: string) => `/druid/coordinator/v1/metadata/datasources/${encodeURIComponent(dataSource)}`;

/** IDs of the datasource's used segments, straight from the API (404 = none used). */
async function usedIds(request: APIRequestContext, dataSource: string): Promise<string[]> {
  const response = await request.get(`${metadata(dataSource)}/segments`);
  if (response.status() === 404) return [];
  expect(response.ok()).toBe(true);
  return ((await response.json()) as string[]).sort();
}

async function unusedIds(request: APIRequestContext, dataSource: string): Promise<string[]> {
  const response = await request.get(`${metadata(dataSource)}/unusedSegments?limit=10000&sortOrder=ASC`);
  expect(response.ok()).toBe(true);
  const list = (await response.json()) as Array<{ dataSegment: { identifier: string } }>;
  return list.map((plus) => plus.dataSegment.identifier).sort();
}

const hours = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => wikiId(from + i));
const allHours = hours(0, 23);

test.describe('segments of wikipedia_hour', () => {
  test.use({ isolated: true });

  test('toggles one segment unused and back', async ({ page, request }) => {
    const view = new SegmentsPage(page);
    await view.goto(WIKI);
    await view.expectShowing(24, 24);
    const id = wikiId(5);
    await view.row(id).getByRole('button', { name: 'Mark unused' }).click();
    await expect(view.stateOf(id)).toHaveText('unused');
    expect(await usedIds(request, WIKI)).not.toContain(id);
    expect(await unusedIds(request, WIKI)).toEqual([id]);

    await view.row(id).getByRole('button', { name: 'Mark used' }).click();
    await expect(view.stateOf(id)).toHaveText('used');
    expect(await usedIds(request, WIKI)).toEqual(allHours);
  });

  test('marks a Shift-clicked range unused, exactly those, and Undo restores them', async ({ page, request }) => {
    const view = new SegmentsPage(page);
    await view.goto(WIKI);
    await view.checkbox(wikiId(3)).click();
    await view.checkbox(wikiId(7)).click({ modifiers: ['Shift'] });
    await expect(view.selectionCount()).toContainText('5 selected (5 used, 0 overshadowed, 0 unused)');
    for (const id of hours(3, 7)) await expect(view.checkbox(id)).toBeChecked();
    await expect(view.checkbox(wikiId(2))).not.toBeChecked();
    await expect(view.checkbox(wikiId(8))).not.toBeChecked();

    await view.selectionBar.getByRole('button', { name: 'Mark unused…' }).click();
    await expect(view.dialog).toContainText('5 segments of wikipedia_hour will be marked unused');
    await view.dialog.getByRole('button', { name: 'Mark 5 segments unused' }).click();
    await expect(view.summaryValue('Marked unused')).toHaveText('5');
    await view.dialog.getByRole('button', { name: 'Done' }).click();

    expect(await unusedIds(request, WIKI)).toEqual(hours(3, 7));
    expect(await usedIds(request, WIKI)).toEqual([...hours(0, 2), ...hours(8, 23)]);
    for (const id of hours(3, 7)) await expect(view.stateOf(id)).toHaveText('unused');

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('Undone: 5 segments are used again.')).toBeVisible();
    expect(await usedIds(request, WIKI)).toEqual(allHours);
    await expect(view.stateOf(wikiId(5))).toHaveText('used');
  });

  test('selects all segments matching an interval filter', async ({ page, request }) => {
    const view = new SegmentsPage(page);
    await view.goto(WIKI);
    await view.intervalFilter.fill('2015-09-12T10:00Z/PT4H');
    await page.getByRole('combobox', { name: 'Match' }).selectOption('Fully inside');
    await view.expectShowing(4, 24);
    await expect(page).toHaveURL(/interval=2015-09-12T10%3A00Z%2FPT4H&match=contained/);
    await page.getByRole('button', { name: 'Select all 4 matching' }).click();
    await expect(view.selectionCount()).toContainText('4 selected');
    await view.selectionBar.getByRole('button', { name: 'Mark unused…' }).click();
    await view.dialog.getByRole('button', { name: 'Mark 4 segments unused' }).click();
    await expect(view.summaryValue('Marked unused')).toHaveText('4');
    expect(await unusedIds(request, WIKI)).toEqual(hours(10, 13));
  });

  test('cancelling a long bulk run stops after the batch in flight, and the summary matches Druid', async ({
    page,
    request,
  }) => {
    const view = new SegmentsPage(page);
    await view.goto(WIKI);
    // Hold the third batch in flight until Cancel has been pressed.
    let batches = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/markUnused', async (route) => {
      batches++;
      if (batches === 3) await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Select all 24 matching' }).click();
    await view.selectionBar.getByRole('button', { name: 'Mark unused…' }).click();
    await view.dialog.getByRole('spinbutton', { name: /Batch size/ }).fill('1');
    // Every used segment of the datasource: its name must be typed, as for "Mark all unused".
    await view.dialog.getByRole('textbox', { name: `Type ${WIKI} to confirm` }).fill(WIKI);
    await view.dialog.getByRole('button', { name: 'Mark 24 segments unused' }).click();
    await expect(view.dialog.getByText('Sent 2 of 24')).toBeVisible();
    await view.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(view.dialog.getByRole('button', { name: 'Stopping…' })).toBeDisabled();
    release();

    await expect(
      view.dialog.getByRole('heading', { name: 'Stopped after 3 of 24 batches: 3 segments marked unused' }),
    ).toBeVisible();
    await expect(view.summaryValue('Marked unused')).toHaveText('3');
    await expect(view.summaryValue('Not sent (cancelled)')).toHaveText('21');
    expect(batches).toBe(3);
    expect(await unusedIds(request, WIKI)).toEqual(hours(0, 2));
    expect(await usedIds(request, WIKI)).toEqual(hours(3, 23));
  });

  test('reports a failed batch with Druid’s error, and retries just that batch', async ({ page, request }) => {
    const view = new SegmentsPage(page);
    await view.goto(WIKI);
    let calls = 0;
    await page.route('**/markUnused', async (route) => {
      calls++;
      if (calls === 1)
        await route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: '{"error":"Server error","message":"metadata store unavailable"}',
        });
      else await route.continue();
    });
    await view.checkbox(wikiId(0)).click();
    await view.checkbox(wikiId(3)).click({ modifiers: ['Shift'] });
    await view.selectionBar.getByRole('button', { name: 'Mark unused…' }).click();
    await view.dialog.getByRole('spinbutton', { name: /Batch size/ }).fill('2');
    await view.dialog.getByRole('button', { name: 'Mark 4 segments unused' }).click();
    await expect(view.summaryValue('Marked unused')).toHaveText('2');
    await expect(view.summaryValue('Failed')).toHaveText('2');
    await expect(view.dialog.getByRole('alert')).toContainText('metadata store unavailable');
    expect(await unusedIds(request, WIKI)).toEqual(hours(2, 3));

    await view.dialog.getByRole('button', { name: 'Retry failed' }).click();
    await expect(view.dialog.getByRole('heading', { name: 'Marked 2 segments unused' })).toBeVisible();
    await expect(view.summaryValue('Marked unused')).toHaveText('2');
    await expect(view.summaryValue('Failed')).toHaveCount(0);
    expect(await unusedIds(request, WIKI)).toEqual(hours(0, 3));
  });

  test('is usable with the keyboard alone', async ({ page, request }) => {
    const view = new SegmentsPage(page);
    await view.goto(WIKI);
    await view.checkbox(wikiId(0)).focus();
    await view.tabTo(`Select ${wikiId(20)}`, 70);
    await page.keyboard.press('Space');
    await view.tabTo(`Select ${wikiId(22)}`);
    await page.keyboard.press('Shift+Space');
    await expect(view.selectionCount()).toContainText('3 selected');

    await view.selectionBar.getByRole('button', { name: 'Mark unused…' }).focus();
    await page.keyboard.press('Enter');
    await expect(view.dialog).toBeVisible();
    // Tab past the batch size to the confirm button.
    const confirm = view.dialog.getByRole('button', { name: 'Mark 3 segments unused' });
    for (let i = 0; i < 6 && !(await confirm.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(view.dialog.getByRole('button', { name: 'Done' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(view.dialog).toBeHidden();
    expect(await unusedIds(request, WIKI)).toEqual(hours(20, 22));

    const details = view.row(wikiId(21)).getByRole('button', { name: 'Details' });
    await details.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Segment details' })).toContainText('"identifier"');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Segment details' })).toBeHidden();
    await expect(details).toBeFocused();

    await view.row(wikiId(21)).getByRole('button', { name: 'Mark used' }).focus();
    await page.keyboard.press('Enter');
    await expect(view.stateOf(wikiId(21))).toHaveText('used');
  });
});

test.describe('reading segments', () => {
  test('sorts by a column and keeps filters and sort in the URL', async ({ page, request }) => {
    const response = await request.get(`${metadata(WIKI)}/segments?full`);
    const segments = (await response.json()) as Array<{ identifier: string; size: number }>;
    const matching = segments.filter((s) => s.identifier.includes('T1'));
    const largest = matching.reduce((a, b) => (b.size > a.size ? b : a));

    const view = new SegmentsPage(page);
    await view.goto(WIKI, { q: 'T1' });
    await view.expectShowing(matching.length, 24);
    await view.table.getByRole('button', { name: /^Size/ }).click();
    await expect(page).toHaveURL(/sort=size/);
    await expect(view.table.getByRole('columnheader', { name: /^Size/ })).toHaveAttribute('aria-sort', 'ascending');
    await view.table.getByRole('button', { name: /^Size/ }).click();
    await expect(page).toHaveURL(/sort=-size/);
    await expect(view.table.getByRole('columnheader', { name: /^Size/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(view.table.getByRole('row').nth(1).getByRole('checkbox')).toHaveAccessibleName(
      `Select ${largest.identifier}`,
    );
    await page.reload();
    await view.waitLoaded();
    await expect(view.idFilter).toHaveValue('T1');
    await view.expectShowing(matching.length, 24);
    await expect(view.table.getByRole('columnheader', { name: /^Size/ })).toHaveAttribute('aria-sort', 'descending');
  });

  test('a listing Druid refuses shows Druid’s message, and Retry loads the segments', async ({ page }) => {
    // The listings are fetched by a web worker; page.route sees its requests like the page's own.
    const refuse = (route: Route) =>
      route.fulfill({ status: 400, json: { error: 'Metadata store is read-only for maintenance' } });
    await page.route('**/metadata/datasources/*/segments?full', refuse);
    await page.route('**/unusedSegments?*', refuse);
    await page.goto(`/segments/${WIKI}`);
    const usedAlert = page.getByRole('alert').filter({ hasText: 'Could not load the used segments' });
    const unusedAlert = page.getByRole('alert').filter({ hasText: 'Could not load the unused segments' });
    await expect(usedAlert).toContainText('Metadata store is read-only for maintenance');
    await expect(unusedAlert).toContainText('Metadata store is read-only for maintenance');

    await page.unrouteAll();
    await usedAlert.getByRole('button', { name: 'Retry' }).click();
    const view = new SegmentsPage(page);
    await view.expectShowing(24, 24);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('selects the rows on screen, and keeps the selection across sorting', async ({ page }) => {
    const view = new SegmentsPage(page);
    await view.goto(WIKI);
    await page.getByRole('button', { name: 'Select all on screen' }).click();
    await expect(view.checkbox(wikiId(0))).toBeChecked();
    const status = await view.selectionCount().textContent();
    const selected = Number(/^([\d,]+) selected/.exec(status ?? '')?.[1]);
    // The table shows a window of rows; the rest are below the fold.
    expect(selected).toBeGreaterThan(3);
    expect(selected).toBeLessThan(24);
    await view.table.getByRole('button', { name: /^Start/ }).click();
    await expect(page).toHaveURL(/sort=-start/);
    await expect(view.selectionCount()).toContainText(`${selected} selected`);
    await expect(view.checkbox(wikiId(23))).not.toBeChecked();
  });

  test('opens a segment from a deep link, with its JSON and a copyable ID', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const id = wikiId(4);
    await page.goto(`/segments/${WIKI}?${new URLSearchParams({ segment: id })}`);
    const dialog = page.getByRole('dialog', { name: 'Segment details' });
    await expect(dialog.getByRole('region', { name: 'Segment JSON' })).toContainText(`"identifier": "${id}"`);
    await dialog.getByRole('button', { name: 'Copy ID' }).click();
    await expect(page.getByText('Copied the segment ID.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page).not.toHaveURL(/segment=/);
  });

  test('the timeline filters to a clicked bar or a dragged range', async ({ page }) => {
    const view = new SegmentsPage(page);
    await view.goto(WIKI);
    const plot = page.getByRole('group', { name: /^Segments over time/ });
    const box = await plot.boundingBox();
    if (!box) throw new Error('the timeline has no box');
    const xOfHour = (hour: number) => box.x + ((hour + 0.5) / 24) * box.width;
    await page.mouse.click(xOfHour(6), box.y + box.height / 2);
    await expect(view.intervalFilter).toHaveValue('2015-09-12T06:00Z/2015-09-12T07:00Z');
    await view.expectShowing(1, 24);
    await page.mouse.move(xOfHour(2), box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(xOfHour(5), box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(view.intervalFilter).toHaveValue('2015-09-12T02:00Z/2015-09-12T06:00Z');
    await view.expectShowing(4, 24);
    // And from the keyboard: the first bar, extended by two.
    await plot.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Enter');
    await expect(view.intervalFilter).toHaveValue('2015-09-12/2015-09-12T03:00Z');
  });

  test('an invalid interval filter is not applied, blocks every bulk action and stays out of the URL', async ({
    page,
  }) => {
    const view = new SegmentsPage(page);
    await view.goto(WIKI);
    await view.intervalFilter.fill('2015-09-12T10:00Z/PT4H');
    await view.expectShowing(4, 24);
    await expect(page).toHaveURL(/interval=2015-09-12T10%3A00Z%2FPT4H/);
    // A selection made while the filter was valid, then the filter broken.
    await page.getByRole('button', { name: 'Select all 4 matching' }).click();
    await expect(view.selectionCount()).toContainText('4 selected');
    await view.intervalFilter.fill('2015-09-12T10:00Z/nonsense');
    const notApplied = page.getByRole('status').filter({ hasText: /^Showing 24 of 24 segments/ });
    await expect(notApplied).toContainText('Interval filter not applied:');
    await expect(view.table).toHaveAccessibleDescription(/^Interval filter not applied:/);
    await expect(page.getByRole('button', { name: /^Select all [\d,]+ matching/ })).toBeDisabled();
    await expect(view.selectionBar.getByRole('button', { name: 'Mark unused…' })).toBeDisabled();
    await expect(view.selectionBar.getByRole('button', { name: 'Mark used…' })).toBeDisabled();
    await expect(view.selectionBar).toContainText('Fix or clear the interval filter');
    // The URL keeps the last valid filter; a reload shows it applied again.
    await expect(page).toHaveURL(/interval=2015-09-12T10%3A00Z%2FPT4H/);
    await page.reload();
    await view.waitLoaded();
    await expect(view.intervalFilter).toHaveValue('2015-09-12T10:00Z/PT4H');
    await view.expectShowing(4, 24);
  });

  test('has no serious accessibility violations', async ({ page, expectAccessible }) => {
    const view = new SegmentsPage(page);
    await view.goto('sales_events');
    await view
      .checkbox('sales_events_2024-01-01T00:00:00.000Z_2024-01-02T00:00:00.000Z_2024-04-01T00:00:00.000Z')
      .check();
    await expectAccessible(page);
    await view.selectionBar.getByRole('button', { name: 'Mark unused…' }).click();
    await expectAccessible(page);
  });
});

test.describe('sales_events, with overshadowed segments', () => {
  test.use({ isolated: true });

  test('loads used segments in parts over all time, with the overshadowed status Druid gives', async ({
    page,
    request,
  }) => {
    const parts: Array<{ body: string[]; bytes: number }> = [];
    const listings: string[] = [];
    page.on('requestfinished', async (finished) => {
      const url = finished.url();
      if (url.includes('/metadata/segments?')) listings.push(url);
      if (!url.includes(`${metadata('sales_events')}/segments?full`)) return;
      const bytes = (await finished.sizes()).responseBodySize;
      parts.push({ body: finished.postDataJSON() as string[], bytes });
    });
    const view = new SegmentsPage(page);
    await view.goto('sales_events');
    // Druid's own status of every used segment, in the one response the console no longer asks for.
    const own = await request.get(
      '/druid/coordinator/v1/metadata/segments?includeOvershadowedStatus&datasources=sales_events',
    );
    const statuses = (await own.json()) as Array<{ overshadowed: boolean }>;
    const overshadowed = statuses.filter((segment) => segment.overshadowed).length;
    expect(overshadowed).toBeGreaterThan(0);
    const unused = (await unusedIds(request, 'sales_events')).length;
    await view.expectTotals(statuses.length - overshadowed, overshadowed, unused);
    await expect.poll(() => parts.length).toBeGreaterThan(0);
    // Parts cover all time, so used segments no summary shows are found; none is the whole listing of a big one.
    const intervals = parts.flatMap((part) => part.body).sort();
    expect(intervals[0]).toMatch(/^-146136543-09-08T08:23:32\.096Z\//);
    expect(intervals.some((interval) => interval.endsWith('/146140482-04-24T15:36:27.903Z'))).toBe(true);
    for (const part of parts) expect(part.bytes).toBeLessThan(20 * 1024 * 1024);
    expect(listings).toEqual([]);
  });
  const v1 = '2024-04-01T00:00:00.000Z';
  const jan2 = `sales_events_2024-01-02T00:00:00.000Z_2024-01-03T00:00:00.000Z_${v1}`;
  const feb10 = `sales_events_2024-02-10T00:00:00.000Z_2024-02-11T00:00:00.000Z_${v1}`;

  test('bulk mark used explains and reports the overshadowed segment Druid leaves unused', async ({
    page,
    request,
  }) => {
    const view = new SegmentsPage(page);
    await view.goto('sales_events', { state: 'unused', interval: '2024-01-02/2024-01-03' });
    await view.expectShowing(3, 242);
    await view.checkbox(jan2).check();
    // The selection survives changing the filter.
    await view.intervalFilter.fill('2024-02-10/2024-02-11');
    await view.expectShowing(3, 242);
    await view.checkbox(feb10).check();
    await expect(view.selectionCount()).toContainText(
      '2 selected (0 used, 0 overshadowed, 2 unused, 1 hidden by the filters)',
    );

    await view.selectionBar.getByRole('button', { name: 'Mark used…' }).click();
    await expect(view.dialog.getByRole('note')).toContainText('1 will stay unused');
    await expect(view.dialog.getByRole('note')).toContainText(jan2);
    await view.dialog.getByRole('button', { name: 'Mark 1 segment used' }).click();
    await expect(view.summaryValue('Marked used')).toHaveText('1');
    await expect(
      view.summaryValue('Left unused by Druid (overshadowed by a newer version, or already changed)'),
    ).toHaveText('1');

    const used = await usedIds(request, 'sales_events');
    expect(used).toContain(feb10);
    expect(used).not.toContain(jan2);
  });
});
