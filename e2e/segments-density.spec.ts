import { expect, test } from './fixtures.ts';
import { DataSourcesPage } from './pages/datasources-page.ts';
import { SegmentsPage, WIKI, wikiId } from './pages/segments-page.ts';

// The smallest laptop screen: the table must not be below the fold, and a keyboard user must reach it fast.
test.use({ viewport: { width: 1280, height: 720 } });

test('at 1280×720 the table shows 10 rows above the fold, no date is cut, and its first row is a few Tabs away', async ({
  page,
}) => {
  const view = new SegmentsPage(page);
  await view.goto(WIKI);

  const rowsInView = await view.table.getByRole('row').evaluateAll((rows) =>
    rows.filter((row) => {
      const box = row.getBoundingClientRect();
      return row.querySelector('[role="cell"]') !== null && box.top >= 0 && box.bottom <= window.innerHeight;
    }),
  );
  expect(rowsInView.length).toBeGreaterThanOrEqual(10);

  // From the top of the page: Tab, using the skip links as a keyboard user would, to the first row's checkbox.
  const firstRow = `Select ${wikiId(0)}`;
  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement;
      return {
        name: element?.getAttribute('aria-label') ?? '',
        text: element?.textContent ?? '',
        tag: element?.tagName,
      };
    });
  let presses = 0;
  for (; presses < 12; presses++) {
    const now = await focused();
    if (now.name === firstRow) break;
    if (now.tag === 'A' && /^Skip to/.test(now.text)) await page.keyboard.press('Enter');
    if ((await focused()).name === firstRow) break;
    await page.keyboard.press('Tab');
  }
  await expect(view.checkbox(wikiId(0))).toBeFocused();
  expect(presses).toBeLessThanOrEqual(8);

  // Every date (start, end, version, unused since) and badge is whole in its cell, and every column is on screen:
  // sales_events has overshadowed and unused segments, the widest badge and a time in every column.
  await view.goto('sales_events', { state: 'overshadowed,unused' });
  await expect(view.table.getByText('overshadowed', { exact: true }).first()).toBeVisible();
  await expect(view.table.getByText('unused', { exact: true }).first()).toBeVisible();
  const cut = await view.table
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.flatMap((row) =>
        [...row.children].filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent),
      ),
    );
  expect(cut).toEqual([]);
  const scrollBox = await view.table.evaluate((table) => {
    const box = table.parentElement as HTMLElement;
    return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth };
  });
  expect(scrollBox.scrollWidth).toBeLessThanOrEqual(scrollBox.clientWidth);
});

test('at 1280 wide the datasources list shows every count, size, time range and menu whole', async ({ page }) => {
  const list = new DataSourcesPage(page);
  await list.goto();
  await expect(list.table.getByText(/^(…|counting…)$/)).toHaveCount(0);
  // Names and rules may be long: cut, with their full text in a title. Everything else must fit.
  const cut = await list.table
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.flatMap((row) =>
        [...row.children]
          .filter((cell, column) => column !== 0 && column !== 5 && cell.scrollWidth > cell.clientWidth)
          .map((cell) => cell.textContent),
      ),
    );
  expect(cut).toEqual([]);
  const box = await list.table.evaluate((table) => {
    const scroll = table.parentElement as HTMLElement;
    return { scrollWidth: scroll.scrollWidth, clientWidth: scroll.clientWidth };
  });
  expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
});
