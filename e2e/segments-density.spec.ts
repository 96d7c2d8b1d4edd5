import { expect, test } from './fixtures.ts';
import { DataSourcesPage } from './pages/datasources-page.ts';

// The smallest laptop screen: the table must not be below the fold, and a keyboard user must reach it fast.
test.use({ viewport: { width: 1280, height: 720 } });

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
