import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { SegmentsPage } from './pages/segments-page.ts';

const DONNEES = 'données_ventes_été';

async function usedCount(request: APIRequestContext, dataSource: string): Promise<number> {
  const response = await request.get(
    `/druid/coordinator/v1/metadata/datasources/${encodeURIComponent(dataSource)}/segments`,
  );
  return response.status() === 404 ? 0 : ((await response.json()) as string[]).length;
}

function dataSourceRow(page: Page, name: string) {
  return page
    .getByRole('table', { name: 'Datasources' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

async function openAction(page: Page, dataSource: string, action: string) {
  const row = dataSourceRow(page, dataSource);
  await row.getByRole('button', { name: `Actions for ${dataSource}` }).click();
  await row.getByRole('button', { name: action }).click();
  return page.getByRole('dialog');
}

test.describe('the datasources list', () => {
  test('lists every datasource with counts, sizes, ranges and rules, and filters by name', async ({ page }) => {
    await page.goto('/segments');
    await expect(page.getByRole('heading', { name: 'Datasources', level: 1 })).toBeVisible();
    const social = dataSourceRow(page, 'social_media');
    // 36 monthly segments, those inside 2020-01-01/2022-02-01 unused.
    await expect(social.getByRole('cell').nth(0)).toHaveText('11');
    await expect(social.getByRole('cell').nth(1)).toHaveText('25');
    await expect(social.getByRole('cell').nth(3)).toHaveText('2019-06-01 → 2022-06-01');
    await expect(social.getByRole('cell').nth(4)).toContainText('dropByInterval');
    await expect(dataSourceRow(page, 'wikipedia_hour').getByRole('cell').nth(4)).toContainText('Cluster defaults');

    await page.getByRole('searchbox', { name: 'Filter by name' }).fill('WIKI');
    await expect(page.getByText('2 of 6 datasources match.')).toBeVisible();
    await expect(page).toHaveURL(/filter=WIKI/);
    await page.getByRole('link', { name: 'wikipedia_hour' }).click();
    await expect(page).toHaveURL(/\/segments\/wikipedia_hour$/);
    await expect(page.getByRole('heading', { name: 'Segments of wikipedia_hour' })).toBeVisible();
  });

  test('has no serious accessibility violations', async ({ page, expectAccessible }) => {
    await page.goto('/segments');
    await expect(dataSourceRow(page, 'sales_events').getByRole('cell').nth(1)).toHaveText(/\d/);
    await expectAccessible(page);
    const dialog = await openAction(page, 'sales_events', 'Mark unused by interval…');
    await expect(dialog.getByRole('textbox', { name: 'Interval', exact: true })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe('datasource actions', () => {
  test.use({ isolated: true });

  test('marks all segments unused (typing the name) and all used again', async ({ page, request }) => {
    await page.goto('/segments');
    let dialog = await openAction(page, 'wikipedia_api', 'Mark all unused…');
    await expect(dialog).toContainText('7 used segments of wikipedia_api will be marked unused');
    const confirm = dialog.getByRole('button', { name: 'Mark 7 segments unused' });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('textbox', { name: /to confirm/ }).fill('wikipedia_ap');
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('textbox', { name: /to confirm/ }).fill('wikipedia_api');
    await confirm.click();
    await expect(page.getByText(/ of wikipedia_api: 7 segments marked unused$/)).toBeVisible();
    expect(await usedCount(request, 'wikipedia_api')).toBe(0);
    // Still listed though nothing is used: names come from the metadata store.
    const row = dataSourceRow(page, 'wikipedia_api');
    await expect(row.getByRole('cell').nth(0)).toHaveText('0');
    await expect(row.getByRole('cell').nth(1)).toHaveText('7');

    dialog = await openAction(page, 'wikipedia_api', 'Mark all used…');
    await expect(dialog).toContainText('7 unused segments of wikipedia_api will be marked used');
    await dialog.getByRole('button', { name: 'Mark 7 segments used' }).click();
    await expect(page.getByText(/ of wikipedia_api: 7 segments marked used$/)).toBeVisible();
    expect(await usedCount(request, 'wikipedia_api')).toBe(7);
    await expect(row.getByRole('cell').nth(1)).toHaveText('0');
  });

  test('marks by interval with a live count of the segments fully inside', async ({ page, request }) => {
    await page.goto('/segments');
    const dialog = await openAction(page, 'kttm1', 'Mark unused by interval…');
    const interval = dialog.getByRole('textbox', { name: 'Interval', exact: true });
    await interval.fill('2019-08-25/2019-08-28T12:00Z');
    await expect(dialog).toContainText('3 segments fully inside 2019-08-25T00:00:00.000Z/2019-08-28T12:00:00.000Z');
    await expect(dialog).toContainText('1 segment only partly inside the interval is left as it is.');
    await interval.fill('2019-08-28/2019-08-25');
    await expect(dialog).toContainText('End must be after start.');
    await expect(dialog.getByRole('button', { name: 'Mark segments unused' })).toBeDisabled();
    await interval.fill('2019-08-25/P3D');
    await dialog.getByRole('button', { name: 'Mark 3 segments unused' }).click();
    await expect(page.getByText(/ of kttm1: 3 segments marked unused$/)).toBeVisible();
    expect(await usedCount(request, 'kttm1')).toBe(11);
  });

  test(`${DONNEES}: opens from the list, URL-encoded, and its segments can be changed`, async ({ page, request }) => {
    await page.goto('/segments');
    await page.getByRole('link', { name: DONNEES }).click();
    await expect(page).toHaveURL(/\/segments\/donn%C3%A9es_ventes_%C3%A9t%C3%A9$/);
    const view = new SegmentsPage(page);
    await view.waitLoaded();
    await view.expectTotals(7, 0, 3);
    const id = `${DONNEES}_2024-07-08T00:00:00.000Z_2024-07-09T00:00:00.000Z_2024-07-15T00:00:00.000Z`;
    await view.row(id).getByRole('button', { name: 'Mark used' }).click();
    await expect(view.stateOf(id)).toHaveText('used');
    expect(await usedCount(request, DONNEES)).toBe(8);

    await page.getByRole('button', { name: `Actions for ${DONNEES}` }).click();
    await page.getByRole('button', { name: 'Mark unused by interval…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Interval: calendar and presets' }).click();
    await page
      .getByRole('dialog', { name: 'Interval: calendar and presets' })
      .getByRole('button', { name: 'Whole datasource' })
      .click();
    await expect(dialog).toContainText('8 segments fully inside');
    // Every used segment: the name must be typed, as for "Mark all unused".
    await dialog.getByRole('textbox', { name: `Type ${DONNEES} to confirm` }).fill(DONNEES);
    await dialog.getByRole('button', { name: 'Mark 8 segments unused' }).click();
    await expect(page.getByText(`of ${DONNEES}: 8 segments marked unused`)).toBeVisible();
    expect(await usedCount(request, DONNEES)).toBe(0);
    await view.expectTotals(0, 0, 10);
  });

  test('datasource actions work from the keyboard', async ({ page, request }) => {
    await page.goto('/segments');
    const toggle = page.getByRole('button', { name: 'Actions for wikipedia_hour' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Mark all unused…' })).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Mark all segments of wikipedia_hour unused?' });
    await expect(dialog.getByRole('textbox', { name: /to confirm/ })).toBeFocused();
    await page.keyboard.type('wikipedia_hour');
    // Enter confirms only once the count is shown: nothing is marked before the dialog says what will change.
    await expect(dialog.getByRole('button', { name: 'Mark 24 segments unused' })).toBeEnabled();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/ of wikipedia_hour: 24 segments marked unused$/)).toBeVisible();
    await expect(toggle).toBeFocused();
    expect(await usedCount(request, 'wikipedia_hour')).toBe(0);
  });
});
