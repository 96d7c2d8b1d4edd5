import { expect, test } from './fixtures.ts';

// Names, versions, authors and comments that try to be markup, run right-to-left or never end: all must show as
// plain text on every view, and nothing may execute.
const SCRIPT_NAME = '<img src=x onerror="window.__pwned=1">_ds';
const RTL_NAME = 'مبيعات_العملاء_2024';
const LONG_NAME = `very_long_${'x'.repeat(300)}`;
const NAMES = [SCRIPT_NAME, RTL_NAME, LONG_NAME];

test.describe('hostile data', () => {
  test.use({ isolated: true });

  test.beforeEach(async ({ request, page }) => {
    const segments = NAMES.flatMap((dataSource) => [
      { dataSource, interval: '2024-01-01/2024-01-02', version: '<b>v1</b>', used: true },
      { dataSource, interval: '2024-01-02/2024-01-03', version: '<b>v1</b>', used: false },
    ]);
    expect((await request.post('/local-cluster/segments', { data: segments })).ok()).toBe(true);
    const rules = await request.post(`/druid/coordinator/v1/rules/${encodeURIComponent(SCRIPT_NAME)}`, {
      data: [{ type: 'loadForever', tieredReplicants: { _default_tier: 1 } }],
      headers: {
        'X-Druid-Author': '<script>window.__pwned=2</script>',
        'X-Druid-Comment': '<img src=y onerror=alert(1)>',
      },
    });
    expect(rules.ok()).toBe(true);
    page.on('dialog', (dialog) => {
      throw new Error(`A dialog opened: ${dialog.message()}`);
    });
  });

  test('every view shows hostile names as text and runs nothing', async ({ page }) => {
    const views = [
      '/segments',
      ...NAMES.map((name) => `/segments/${encodeURIComponent(name)}`),
      '/rules',
      `/rules/${encodeURIComponent(SCRIPT_NAME)}`,
      `/kill/${encodeURIComponent(RTL_NAME)}`,
      '/history?count=20',
    ];
    for (const view of views) {
      await page.goto(view);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img[src="x"], img[src="y"], main script').count()).toBe(0);
    }
    await page.goto('/segments');
    await expect(page.getByText(SCRIPT_NAME, { exact: true }).first()).toBeVisible();
    await expect(page.getByText(RTL_NAME, { exact: true }).first()).toBeVisible();
    await page.goto('/history?count=20');
    await expect(page.getByText('<script>window.__pwned=2</script>').first()).toBeVisible();
  });

  test('a long name does not push the actions off screen', async ({ page }) => {
    await page.goto(`/segments/${encodeURIComponent(LONG_NAME)}`);
    const actions = page.getByRole('button', { name: /^Actions for / });
    await expect(actions).toBeInViewport();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('axe finds no serious or critical violation', () => {
  const views = [
    '/cluster',
    '/segments',
    '/segments/wikipedia_hour',
    '/kill/sales_events?interval=2024-02-01%2F2024-03-01',
    '/rules',
    '/rules/kttm1',
    '/rules/_default',
    '/history?interval=2023-07-01%2F2023-08-01',
    '/unused-data',
    '/rules-fleet',
    '/rules-as-code',
    '/retire/kttm1',
    '/history?asof=2023-07-15%2012%3A00',
  ];
  for (const scheme of ['light', 'dark'] as const) {
    for (const view of views) {
      test(`${view} in the ${scheme} theme`, async ({ page, expectAccessible }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(view);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page);
      });
    }
  }
});
