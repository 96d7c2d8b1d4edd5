import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// Faults the local cluster cannot produce on demand, injected at the browser's network layer.
const STATUS = '**/status';

async function fulfillStatus(page: Page, handler: (route: Route) => Promise<void>) {
  await page.route(STATUS, handler);
  await page.goto('/cluster');
}

const alert = (page: Page) => page.getByRole('alert');

test.describe('faults on the cluster page', () => {
  test('an unreachable server says so and offers a retry that recovers', async ({ page }) => {
    let down = true;
    await fulfillStatus(page, (route) => (down ? route.abort('connectionrefused') : route.fallback()));
    await expect(alert(page)).toContainText('Could not reach the console server', { timeout: 15_000 });
    down = false;
    await alert(page).getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('druid-version')).toBeVisible();
  });

  test('a dropped connection is reported, not a blank screen', async ({ page }) => {
    await fulfillStatus(page, (route) => route.abort('connectionreset'));
    await expect(alert(page)).toContainText('Could not reach', { timeout: 15_000 });
  });

  for (const [status, body, expected] of [
    [502, '', 'Bad Gateway'],
    [
      503,
      '{"error":"Unable to determine destination[/status]; is your coordinator/overlord running?"}',
      'is your coordinator/overlord running?',
    ],
    [
      504,
      '{"error":"The Druid Router at http://router:8888 did not answer within 60 s."}',
      'did not answer within 60 s',
    ],
  ] as const) {
    test(`HTTP ${status} shows its message and status`, async ({ page }) => {
      await fulfillStatus(page, (route) =>
        route.fulfill({ status, body, contentType: body ? 'application/json' : 'text/plain' }),
      );
      await expect(alert(page)).toContainText(expected, { timeout: 15_000 });
      await expect(alert(page)).toContainText(`HTTP ${status}`);
    });
  }

  test('a Jetty HTML error page is shown as text, never rendered', async ({ page }) => {
    const jetty =
      '<html><head><title>Error 500 java.lang.NullPointerException</title></head><body><h2>HTTP ERROR 500</h2><img src=x onerror="document.title=\'pwned\'"></body></html>';
    await fulfillStatus(page, (route) => route.fulfill({ status: 500, body: jetty, contentType: 'text/html' }));
    await expect(alert(page)).toContainText('Error 500 java.lang.NullPointerException', { timeout: 15_000 });
    await expect(alert(page).locator('img')).toHaveCount(0);
    await expect(page).toHaveTitle('Druid Data Console');
  });

  test('malformed JSON is named as such', async ({ page }) => {
    await fulfillStatus(page, (route) =>
      route.fulfill({ status: 200, body: '{"version": ', contentType: 'application/json' }),
    );
    await expect(alert(page)).toContainText('malformed JSON');
  });

  test('a response of the wrong shape names the field', async ({ page }) => {
    await fulfillStatus(page, (route) => route.fulfill({ status: 200, json: { version: 32 } }));
    await expect(alert(page)).toContainText('Unexpected response from /status at version');
  });

  test('a slow answer shows progress, then the data', async ({ page }) => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await fulfillStatus(page, async (route) => {
      await released;
      await route.fallback();
    });
    await expect(page.getByText('Reading /status…')).toBeVisible();
    release();
    await expect(page.getByTestId('druid-version')).toBeVisible();
  });

  test('403 says permission denied and offers no pointless retry', async ({ page }) => {
    await fulfillStatus(page, (route) =>
      route.fulfill({ status: 403, json: { 'Access-Check-Result': 'Allowed:false, Message:' } }),
    );
    await expect(alert(page)).toContainText('Permission denied');
    await expect(alert(page).getByRole('button', { name: 'Retry' })).toHaveCount(0);
  });

  test('401 asks to sign in, then sends the credentials', async ({ page }) => {
    await fulfillStatus(page, async (route) => {
      const authorization = route.request().headers().authorization;
      if (authorization === `Basic ${Buffer.from('ops:secret').toString('base64')}`) return route.fallback();
      return route.fulfill({ status: 401, headers: { 'WWW-Authenticate': 'Basic' }, json: { error: 'Unauthorized' } });
    });
    const dialog = page.getByRole('dialog', { name: 'Sign in to Druid' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('User name').fill('ops');
    await dialog.getByLabel('Password').fill('secret');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('druid-version')).toBeVisible();
    await expect(page.getByText('Signed in as')).toContainText('ops');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('credentials')))).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('Signed in as')).toHaveCount(0);
  });
});
