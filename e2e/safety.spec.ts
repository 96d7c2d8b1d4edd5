import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { SegmentsPage, WIKI, wikiId } from './pages/segments-page.ts';

/** IDs of the datasource's used segments, straight from the API (404 = none used). */
async function usedIds(request: APIRequestContext, dataSource: string): Promise<string[]> {
  const response = await request.get(
    `/druid/coordinator/v1/metadata/datasources/${encodeURIComponent(dataSource)}/segments`,
  );
  if (response.status() === 404) return [];
  expect(response.ok()).toBe(true);
  return ((await response.json()) as string[]).sort();
}

const allHours = Array.from({ length: 24 }, (_, hour) => wikiId(hour));

test.describe('one safety model', () => {
  test.use({ isolated: true });

  test('a single toggle names its time range and Undo marks it back', async ({ page, request }) => {
    const view = new SegmentsPage(page);
    await view.goto(WIKI);
    const id = wikiId(5);
    await view.row(id).getByRole('button', { name: 'Mark unused' }).click();
    const toast = page.getByRole('listitem').filter({ hasText: 'of wikipedia_hour marked unused' });
    await expect(toast).toContainText('2015-09-12 05:00–06:00 of wikipedia_hour marked unused');
    await expect(toast).not.toContainText(id);
    await expect(view.stateOf(id)).toHaveText('unused');
    expect(await usedIds(request, WIKI)).not.toContain(id);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('Undone: 1 segment is used again.')).toBeVisible();
    await expect(view.stateOf(id)).toHaveText('used');
    expect(await usedIds(request, WIKI)).toEqual(allHours);
  });

  test('a mark by interval offers Undo, which restores exactly the segments it changed', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const view = new SegmentsPage(page);
    await view.goto(WIKI);
    // Hour 2 is unused before: the Undo of a mark unused by interval must not revive it.
    await view.row(wikiId(2)).getByRole('button', { name: 'Mark unused' }).click();
    await expect(view.stateOf(wikiId(2))).toHaveText('unused');

    await page.getByRole('button', { name: `Actions for ${WIKI}` }).click();
    await page.getByRole('button', { name: 'Mark unused by interval…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Interval', exact: true }).fill('2015-09-12T00:00Z/2015-09-12T06:00Z');
    // The exact effect on the button: count, time range, bytes.
    const confirm = dialog.getByRole('button', {
      name: /^Mark 5 segments unused \(2015-09-12 00:00–06:00, [\d.]+ [KM]?B\)$/,
    });
    await expectAccessible(page);
    await confirm.click();
    const toast = page.getByRole('listitem').filter({ hasText: 'marked unused' }).filter({ hasText: '5 segments' });
    await expect(toast).toContainText('2015-09-12 00:00–06:00 of wikipedia_hour: 5 segments marked unused');
    expect(await usedIds(request, WIKI)).toEqual(allHours.slice(6));

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('Undone: 5 segments are used again.')).toBeVisible();
    expect(await usedIds(request, WIKI)).toEqual(allHours.filter((id) => id !== wikiId(2)));
  });

  test('selecting all matching with no filter asks for the name like "Mark all unused"', async ({
    page,
    request,
    expectAccessible,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const view = new SegmentsPage(page);
    await view.goto(WIKI);
    await page.getByRole('button', { name: 'Select all 24 matching' }).click();
    await view.selectionBar.getByRole('button', { name: 'Mark unused…' }).click();
    const confirm = view.dialog.getByRole('button', { name: /^Mark 24 segments unused/ });
    await expect(confirm).toBeDisabled();
    const typed = view.dialog.getByRole('textbox', { name: `Type ${WIKI} to confirm` });
    await expect(typed).toBeFocused();
    await expectAccessible(page);
    await typed.fill('wikipedia');
    await expect(confirm).toBeDisabled();
    await typed.fill(WIKI);
    await confirm.click();
    await expect(page.getByRole('dialog', { name: 'Marked 24 segments unused' })).toBeVisible();
    await expectAccessible(page);
    expect(await usedIds(request, WIKI)).toEqual([]);
  });
});
