import { expect, test } from './fixtures.ts';
import { HistoryPage } from './pages/history-page.ts';
import { RulesPage } from './pages/rules-page.ts';

const SEEDED_WEEK = '?interval=2023-07-13/2023-07-19';

test.describe('rule history of the seeded cluster', () => {
  test('the changes of 2023-07-13…19 appear newest first with their authors and comments', async ({
    page,
    expectAccessible,
  }) => {
    const history = new HistoryPage(page);
    await history.goto(SEEDED_WEEK);
    await expect(history.summary).toContainText('8 changes');
    await expect(history.rows()).toHaveCount(8);
    await expect(history.rows().first()).toContainText('2023-07-18 18:49:43 UTC');
    await expect(history.rows().last()).toContainText('2023-07-13 18:05:33 UTC');
    for (const row of await history.rows().all()) {
      await expect(row.getByRole('cell').nth(2)).toHaveText('console');
      await expect(row.getByRole('cell').nth(3)).toHaveText('test');
    }
    // kttm1's change of 2023-07-10 is outside the window.
    await expect(history.table).not.toContainText('kttm1');
    // Changes minutes apart share one mark at a week's zoom, with their count.
    await expect(history.lane('social_media').getByRole('button')).toHaveText(['', '5']);
    await expect(history.lane('social_media').getByRole('button').first()).toHaveAccessibleName(
      'social_media, 2023-07-13 18:05:33 UTC, by console: test',
    );
    await expect(history.lane('social_media').getByRole('button').last()).toHaveAccessibleName(
      /^5 changes to social_media from 2023-07-18 18:10:21 UTC to 2023-07-18 18:49:43 UTC/,
    );
    await expect(history.lane('wikipedia_api').getByRole('button')).toHaveText(['2']);
    await expectAccessible(page);
  });

  test('an entry shows who, when and why, a diff in rule terms, the raw JSON and a restore link', async ({
    page,
    expectAccessible,
  }) => {
    const history = new HistoryPage(page);
    await history.goto(SEEDED_WEEK);
    await history.open('social_media', '2023-07-18 18:49:43 UTC');
    await expect(page).toHaveURL(/entry=social_media%402023-07-18T18%3A49%3A43.964Z/);
    await expect(history.details()).toContainText([
      '2023-07-18 18:49:43 UTC',
      'console',
      /not recorded/,
      'test',
      '127.0.0.1',
    ]);
    await expect(history.detail).toContainText('Compared with the version of 2023-07-18 18:38:37 UTC by console');
    await expect(history.changes()).toHaveText([
      /Unchanged.*dropByInterval 2020-01-01T00:00:00.000Z\/2022-02-01T00:00:00.000Z/,
      /Removed.*loadForever/,
      /Added.*loadByInterval 2010-01-01T00:00:00.000Z\/2020-01-01T00:00:00.000Z/,
    ]);
    await expect(
      history.detail.getByRole('list', { name: 'Rules of social_media in this version' }).getByRole('listitem'),
    ).toHaveCount(2);
    await expect(history.detail.getByRole('link', { name: 'Restore this version' })).toHaveAttribute(
      'href',
      `/rules/social_media?restore=${encodeURIComponent('2023-07-18T18:49:43.964Z')}`,
    );
    await history.detail.getByRole('button', { name: 'Show raw JSON' }).click();
    await expect(history.detail.getByRole('heading', { name: /Raw JSON/ })).toBeVisible();
    await expect(history.detail).toContainText('"type": "loadByInterval"');
    await expectAccessible(page);
    await history.detail.getByRole('link', { name: 'Close this change' }).click();
    await expect(history.detail).toBeHidden();
  });

  test('the previous version is fetched when it lies before the window', async ({ page }) => {
    const history = new HistoryPage(page);
    await history.goto('?interval=2023-07-18T18:30Z/2023-07-18T18:33Z');
    await expect(history.rows()).toHaveCount(1);
    await history.open('social_media', '2023-07-18 18:32:50 UTC');
    await expect(history.detail).toContainText('Compared with the version of 2023-07-18 18:10:21 UTC');
    await expect(history.changes()).toHaveText([/Added.*dropByInterval 2023-07-03T18:49:54.848Z/]);
  });

  test('a link to an entry outside the window still opens it', async ({ page }) => {
    const history = new HistoryPage(page);
    await history.goto(`${SEEDED_WEEK}&entry=${encodeURIComponent('kttm1@2023-07-10T09:00:00.000Z')}`);
    await expect(history.detail).toContainText('doc intern');
    await expect(history.detail).toContainText('first recorded version');
    await expect(history.changes()).toHaveCount(3);
  });

  test('count mode shows the last N changes, newest first; interval mode comes back', async ({ page }) => {
    const history = new HistoryPage(page);
    await history.goto();
    await history.countMode.check();
    await expect(page).toHaveURL(/count=50/);
    await expect(history.rows()).toHaveCount(9);
    await expect(history.row('kttm1', '2023-07-10 09:00:00 UTC')).toContainText('doc intern');
    await expect(history.row('kttm1', '2023-07-10 09:00:00 UTC')).toContainText('submitted via api');
    await history.countField.fill('3');
    await expect(page).toHaveURL(/count=3/);
    await expect(history.rows()).toHaveCount(3);
    await expect(history.rows().first()).toContainText('2023-07-18 18:49:43 UTC');

    await history.dataSource.selectOption('wikipedia_api');
    await expect(history.rows()).toHaveCount(2);
    await history.dataSource.selectOption('');

    await history.intervalMode.check();
    await history.intervalField.fill('2023-07-10/2023-07-11');
    await expect.poll(() => new URL(page.url()).searchParams.get('interval')).toBe('2023-07-10/2023-07-11');
    await expect(history.rows()).toHaveCount(1);
    await expect(history.rows().first()).toContainText('kttm1');
  });

  test('a bad interval is explained and requests nothing', async ({ page }) => {
    const history = new HistoryPage(page);
    await history.goto(SEEDED_WEEK);
    await expect(history.rows()).toHaveCount(8);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/rules/history')) requests.push(request.url());
    });
    await history.intervalField.fill('2023-07-19/2023-07-13');
    await expect(page.getByText('End must be after start.')).toBeVisible();
    // The URL and the list keep the last valid interval.
    expect(new URL(page.url()).searchParams.get('interval')).toBe('2023-07-13/2023-07-19');
    await expect(history.rows()).toHaveCount(8);
    expect(requests).toEqual([]);
  });

  test('an empty window says so and offers the last 50 changes', async ({ page, expectAccessible }) => {
    const history = new HistoryPage(page);
    await history.goto('?interval=2001-01-01/2001-02-01');
    await expect(page.getByRole('status')).toContainText('No rule changes to any datasource between 2001-01-01');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Show the last 50 changes' }).click();
    await expect(page).toHaveURL(/count=50/);
    await expect(history.rows()).toHaveCount(9);
  });

  test('the timeline is driven by the keyboard: move, zoom, open', async ({ page }) => {
    const history = new HistoryPage(page);
    await history.goto(SEEDED_WEEK);
    const bundle = history.lane('social_media').getByRole('button', { name: /^5 changes to social_media/ });
    // The newest mark is the one Tab reaches.
    await expect(bundle).toHaveAttribute('tabindex', '0');
    await bundle.focus();
    await expect(page.getByRole('tooltip')).toContainText('5 changes to social_media');
    const shown = page.getByTestId('timeline-view');
    // Enter opens a bundle by zooming into it; focus goes to its first change.
    await page.keyboard.press('Enter');
    await expect(shown).toHaveText('2023-07-18 17:58 UTC – 2023-07-18 19:01 UTC');
    const first = history.lane('social_media').getByRole('button', { name: /^social_media, 2023-07-18 18:10:21 UTC/ });
    await expect(first).toBeFocused();
    await expect(page.getByRole('tooltip')).toContainText('by console');
    await page.keyboard.press('End');
    await expect(history.lane('social_media').getByRole('button', { name: /2023-07-18 18:49:43 UTC/ })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(history.lane('social_media').getByRole('button', { name: /2023-07-18 18:38:37 UTC/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const wiki = history.lane('wikipedia_api').getByRole('button', { name: /^2 changes to wikipedia_api/ });
    await expect(wiki).toBeFocused();
    await page.keyboard.press('-');
    await expect(shown).not.toHaveText('2023-07-18 17:58 UTC – 2023-07-18 19:01 UTC');
    await page.keyboard.press('+');
    await page.keyboard.press('Enter');
    await expect(shown).toHaveText('2023-07-18 18:10 UTC – 2023-07-18 18:11 UTC');
    await expect(
      history.lane('wikipedia_api').getByRole('button', { name: /^wikipedia_api, 2023-07-18 18:10:44 UTC/ }),
    ).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(history.detail).toContainText('Change to wikipedia_api');
    await expect(history.details().first()).toContainText('2023-07-18 18:11:02 UTC');
  });

  test('presets run from the last 24 hours to all time; "All time" shows every change', async ({ page }) => {
    const history = new HistoryPage(page);
    await history.goto(SEEDED_WEEK);
    await expect(history.rows()).toHaveCount(8);
    await history.intervalButton.click();
    const presets = history.intervalPopover.getByRole('list', { name: 'Presets' }).getByRole('button');
    await expect(presets).toHaveText([
      'Last 24 hours',
      'Last 7 days',
      'Last 30 days',
      'Last 90 days',
      'Last year',
      'All time',
    ]);
    // The calendar opens on the range shown, not on today's month.
    await expect(history.intervalPopover.getByRole('grid', { name: 'July 2023' })).toBeVisible();
    await presets.last().click();
    await expect(history.intervalPopover).toBeHidden();
    await expect(history.intervalField).toHaveValue(/^1000-01-01\/\d{4}-/);
    await expect.poll(() => new URL(page.url()).searchParams.get('interval')).toMatch(/^1000-01-01\//);
    await expect(history.table).toContainText('kttm1');
  });

  test('an opened change is scrolled into view, where the timeline or the list was clicked', async ({ page }) => {
    // Narrower than 1100 px the change opens below the list, off screen.
    await page.setViewportSize({ width: 1024, height: 720 });
    const history = new HistoryPage(page);
    await history.goto(SEEDED_WEEK);
    await history.open('social_media', '2023-07-13 18:05:33 UTC');
    const heading = (dataSource: string) => history.detail.getByRole('heading', { name: `Change to ${dataSource}` });
    await expect(heading('social_media')).toBeInViewport();
    await page.evaluate(() => window.scrollTo(0, 0));
    const bundle = history.lane('wikipedia_api').getByRole('button', { name: /^2 changes to wikipedia_api/ });
    await bundle.focus();
    await page.keyboard.press('Enter');
    const first = history
      .lane('wikipedia_api')
      .getByRole('button', { name: /^wikipedia_api, 2023-07-18 18:10:44 UTC/ });
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(heading('wikipedia_api')).toBeInViewport();
    // Focus stays on the timeline, so its arrow keys go on working.
    await expect(first).toBeFocused();
  });

  test('the zoom buttons and the wheel change the window', async ({ page }) => {
    const history = new HistoryPage(page);
    await history.goto(SEEDED_WEEK);
    const shown = page.getByTestId('timeline-view');
    await expect(shown).toHaveText('2023-07-13 00:00 UTC – 2023-07-19 00:00 UTC');
    await history.timeline.getByRole('button', { name: 'Zoom in' }).click();
    await expect(shown).toHaveText('2023-07-14 12:00 UTC – 2023-07-17 12:00 UTC');
    await history.timeline.getByRole('button', { name: 'Later →' }).click();
    await expect(shown).toHaveText('2023-07-16 00:00 UTC – 2023-07-19 00:00 UTC');
    await history.timeline.getByRole('button', { name: 'Fit' }).click();
    await expect(shown).toHaveText('2023-07-13 00:00 UTC – 2023-07-19 00:00 UTC');
    await history.lane('social_media').hover();
    await page.mouse.wheel(0, 600);
    await expect(shown).not.toHaveText('2023-07-13 00:00 UTC – 2023-07-19 00:00 UTC');
  });
});

test.describe('rule history when Druid refuses or keeps nothing', () => {
  const ALL_HISTORY = '**/druid/coordinator/v1/rules/history**';

  test('a 403 says which permission is missing', async ({ page, expectAccessible }) => {
    await page.route(ALL_HISTORY, (route) =>
      route.fulfill({ status: 403, contentType: 'application/json', body: '{"Access-Check-Result":"Allowed:false"}' }),
    );
    const history = new HistoryPage(page);
    await history.goto();
    await expect(page.getByRole('alert')).toContainText('Permission denied');
    await expect(page.getByText(/needs READ permission on the cluster state/)).toBeVisible();
    await expectAccessible(page);
  });

  test('a cluster that never recorded a change says the audit log may be off', async ({ page }) => {
    await page.route(ALL_HISTORY, (route) => route.fulfill({ json: [] }));
    const history = new HistoryPage(page);
    await history.goto();
    await expect(page.getByRole('status')).toContainText('No rule change has ever been recorded on this cluster.');
    await expect(page.getByRole('status')).toContainText('druid.audit.manager.type=log');
  });
});

test.describe('rule history after a change', () => {
  test.use({ isolated: true });

  test('a change made through the API appears with its author, comment and a diff naming the changed rule', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const rules = [
      { type: 'broadcastForever' },
      { type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true },
      { type: 'dropByPeriod', period: 'P2M', includeFuture: true },
    ];
    const saved = await request.post('/druid/coordinator/v1/rules/kttm1', {
      data: rules,
      headers: { 'X-Druid-Author': 'e2e operator', 'X-Druid-Comment': 'keep <b>two</b> months' },
    });
    expect(saved.status()).toBe(200);
    const [latest] = (await (await request.get('/druid/coordinator/v1/rules/kttm1/history?count=1')).json()) as Array<{
      auditTime: string;
    }>;
    expect(latest).toBeDefined();

    const history = new HistoryPage(page);
    await history.goto();
    // Druid's default window (the last 7 days) holds only this change.
    await expect(history.rows()).toHaveCount(1);
    const row = history.rows().first();
    await expect(row).toContainText('kttm1');
    await expect(row).toContainText('e2e operator');
    await expect(row).toContainText('keep <b>two</b> months');
    await row.getByRole('link').click();
    await expect(history.details()).toContainText([/UTC/, 'e2e operator', /not recorded/, 'keep <b>two</b> months']);
    // The previous version (2023-07-10) is weeks outside the window and is fetched.
    await expect(history.detail).toContainText('Compared with the version of 2023-07-10 09:00:00 UTC by doc intern');
    await expect(history.changes().filter({ hasNotText: 'Unchanged' })).toHaveText([
      /Changed.*#3.*dropByPeriod P2M.*period: P1M → P2M/,
    ]);
    await expect(history.detail.getByRole('link', { name: 'Restore this version' })).toHaveAttribute(
      'href',
      `/rules/kttm1?restore=${encodeURIComponent(latest?.auditTime ?? '')}`,
    );
    await expectAccessible(page);
  });

  test('restoring a version through the rules editor saves exactly that version, and history records it', async ({
    page,
    request,
  }) => {
    const RULES = '/druid/coordinator/v1/rules/kttm1';
    const [seeded] = (await (await request.get(`${RULES}/history?count=1`)).json()) as Array<{ payload: string }>;
    const changed = await request.post(RULES, {
      data: [{ type: 'dropForever' }],
      headers: { 'X-Druid-Author': 'e2e operator', 'X-Druid-Comment': 'drop everything' },
    });
    expect(changed.status()).toBe(200);

    const history = new HistoryPage(page);
    await history.goto('?ds=kttm1&count=50');
    await expect(history.rows()).toHaveCount(2);
    await history.open('kttm1', '2023-07-10 09:00:00 UTC');
    await history.detail.getByRole('link', { name: 'Restore this version' }).click();

    const rules = new RulesPage(page);
    await expect(page.getByRole('region', { name: 'Restoring an earlier version' })).toContainText(
      '2023-07-10 09:00:00 UTC',
    );
    await rules.saveButton.click();
    await expect(rules.saveDialog.getByLabel('Comment (why)')).toHaveValue(/2023-07-10T09:00:00.000Z/);
    await rules.saveDialog.getByLabel('Your name').fill('e2e restorer');
    await rules.saveDialog.getByRole('button', { name: 'Save rules' }).click();
    await expect(rules.saveDialog).toBeHidden();
    expect(await (await request.get(RULES)).json()).toEqual(JSON.parse(seeded?.payload ?? 'null'));

    await history.goto('?ds=kttm1&count=50');
    await expect(history.rows()).toHaveCount(3);
    await expect(history.rows().first()).toContainText('e2e restorer');
    await history.rows().first().getByRole('link').click();
    await expect(history.changes().filter({ hasNotText: 'Unchanged' })).toHaveText([
      /Removed.*was #1.*dropForever/,
      /Added.*#1.*broadcastForever/,
      /Added.*#2.*loadForever/,
      /Added.*#3.*dropByPeriod P1M/,
    ]);
  });
});
