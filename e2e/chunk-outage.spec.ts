import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// A view's chunk that fails to load: the console server down for a moment, or a deploy that renamed the chunks. The
// shared local cluster cannot go down without failing every other test, so the outage is made in the browser.

/** Fails the console server's own files (the assets, and the index the console asks for) while `down`. */
async function consoleServerOutage(page: Page, assets = /^\/assets\//) {
  const outage = { down: true };
  await page.route(
    (url) => assets.test(url.pathname) || url.pathname === '/',
    (route) => (outage.down ? route.abort('connectionrefused') : route.fallback()),
  );
  return outage;
}

const killHeading = (page: Page) => page.getByRole('heading', { name: 'Kill unused segments', level: 1 });
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
const hasStylesheet = (page: Page, name: RegExp) =>
  page.evaluate(
    (source) => [...document.styleSheets].some((sheet) => new RegExp(source).test(sheet.href ?? '')),
    name.source,
  );

async function openClusterPage(page: Page) {
  await page.goto('/cluster');
  await expect(page.getByTestId('druid-version')).toBeVisible();
}

test.describe('a view whose chunk failed to load', () => {
  test('says the console server could not be reached, and loads with its styles on "Try again"', async ({ page }) => {
    await openClusterPage(page);
    const outage = await consoleServerOutage(page, /^\/assets\/.*\.css$/);
    await nav(page, 'Kill').click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not reach the console server');
    await expect(alert).not.toContainText('Unable to preload');
    outage.down = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(killHeading(page)).toBeVisible();
    await expect(alert).toHaveCount(0);
    expect(await hasStylesheet(page, /\/kill-page-[^/]*\.css$/)).toBe(true);
  });

  test('loads when navigated to again after its script failed', async ({ page }) => {
    await openClusterPage(page);
    const outage = await consoleServerOutage(page, /^\/assets\/.*\.js$/);
    await nav(page, 'Kill').click();
    await expect(page.getByRole('alert')).toContainText('Could not reach the console server');
    outage.down = false;
    await nav(page, 'History').click();
    await expect(page.getByRole('heading', { name: 'Rule history', level: 1 })).toBeVisible();
    await nav(page, 'Kill').click();
    await expect(killHeading(page)).toBeVisible();
  });

  test('reloads the page once after a deploy renamed the chunks', async ({ page }) => {
    await openClusterPage(page);
    let reloads = 0;
    page.on('request', (request) => {
      if (request.isNavigationRequest()) reloads++;
    });
    // The old chunk is gone until the page reloads; the index now names a new entry script.
    await page.route(/\/assets\/kill-page-[^/]*\.js$/, (route) =>
      reloads === 0 ? route.fulfill({ status: 404, body: 'Not found' }) : route.fallback(),
    );
    await page.route(
      (url) => url.pathname === '/',
      async (route) => {
        const index = await (await route.fetch()).text();
        await route.fulfill({ body: index.replace(/\/assets\/index-[^"]+\.js/, '/assets/index-redeployed.js') });
      },
    );
    await nav(page, 'Kill').click();
    await expect(killHeading(page)).toBeVisible();
    expect(reloads).toBe(1);
  });
});
