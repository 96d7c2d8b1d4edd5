import { expect, test } from './fixtures.ts';

test('the shell loads and its navigation reaches every view', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/segments$/);
  await expect(page.getByRole('link', { name: 'Druid Data Console' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [label, path] of [
    ['Kill', '/kill'],
    ['Rules', '/rules'],
    ['History', '/history'],
    ['Cluster', '/cluster'],
    ['Segments', '/segments'],
  ] as const) {
    await nav.getByRole('link', { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(nav.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
});

test('the cluster page shows the version reported by /status', async ({ page, request }) => {
  const status = (await (await request.get('/status')).json()) as { version: string };
  await page.goto('/cluster');
  await expect(page.getByRole('heading', { name: 'Cluster' })).toBeVisible();
  await expect(page.getByTestId('druid-version')).toHaveText(status.version);
  await expect(page.getByText(/^Local cluster \(data in /)).toBeVisible();
});

test('an unknown page says so and links back', async ({ page }) => {
  await page.goto('/no-such-view');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to segments' }).click();
  await expect(page).toHaveURL(/\/segments$/);
});

test('the theme toggle cycles system, light and dark, and is remembered', async ({ page }) => {
  await page.goto('/cluster');
  const toggle = page.getByRole('button', { name: /theme/ });
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: /theme/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the shell has no serious accessibility violations', async ({ page, expectAccessible }) => {
  await page.goto('/cluster');
  await expect(page.getByTestId('druid-version')).toBeVisible();
  await expectAccessible(page);
});

test('a skip link, the first tab stop, takes the keyboard past a header of few stops into the view', async ({
  page,
}) => {
  await page.goto('/segments');
  await expect(page.getByRole('heading', { name: 'Datasources', level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/\/segments$/);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('main').locator(':focus')).toHaveCount(1);
  const headerStops = await page
    .getByRole('banner')
    .evaluate(
      (header) =>
        [...header.querySelectorAll<HTMLElement>('a, button, input, select')].filter((e) => e.tabIndex >= 0).length,
    );
  // Six views and two controls (theme, your name); the skip link passes them all.
  expect(headerStops).toBeLessThanOrEqual(8);
});
