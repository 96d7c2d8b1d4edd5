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
