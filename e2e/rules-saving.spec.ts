import { expect, test } from './fixtures.ts';
import { RulesPage } from './pages/rules-page.ts';
import { postRules, RULES, rulesOf, types } from './rules-api.ts';

test.describe('saving rules', () => {
  test.use({ isolated: true });

  test('reorders by mouse drag and saves the new order', async ({ page, request }) => {
    const rules = new RulesPage(page);
    await rules.goto('kttm1');
    // Open cards above fold when the drag starts; the card stays under the pointer all the same.
    await rules.expand(1);
    await rules.expand(2);
    await rules.dragWithMouse(3, 1);
    await expect(rules.typeSelect(1)).toHaveValue('dropByPeriod');
    await expect(rules.typeSelect(2)).toHaveValue('broadcastForever');
    await rules.save('drop old data first', 'Ada');
    await expect(rules.saveDialog).toBeHidden();
    expect(types(await rulesOf(request, 'kttm1'))).toEqual(['dropByPeriod', 'broadcastForever', 'loadForever']);
  });

  test('reorders with the keyboard only, with announcements, and saves', async ({ page, request }) => {
    const rules = new RulesPage(page);
    await rules.goto('kttm1');
    await rules.dragHandle(1).focus();
    await page.keyboard.press('Space');
    await expect(page.getByText('Picked up rule 1 of 3.')).toBeAttached();
    // dnd-kit's keyboard sensor starts listening in a setTimeout after the lift, and Chromium runs input before
    // timers on a busy page: wait for that timer to have run (a later one runs after it) so the key is not lost.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
    await page.keyboard.press('ArrowDown');
    await expect(page.getByText('Rule 1 is over position 2 of 3.')).toBeAttached();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByText('Rule 1 is over position 3 of 3.')).toBeAttached();
    await page.keyboard.press('Space');
    await expect(page.getByText('Rule 1 moved to position 3 of 3.')).toBeAttached();
    await expect(page.getByText(/dropped/)).toHaveCount(0);
    await expect(rules.typeSelect(3)).toHaveValue('broadcastForever');
    await rules.save('broadcast last', 'Ada');
    await expect(rules.saveDialog).toBeHidden();
    expect(types(await rulesOf(request, 'kttm1'))).toEqual(['loadForever', 'dropByPeriod', 'broadcastForever']);
  });

  test('creates one rule of each of the ten types and reads them back exactly, with author and comment', async ({
    page,
    request,
  }) => {
    const rules = new RulesPage(page);
    await rules.goto('wikipedia_api');
    const interval = async (position: number, text: string) =>
      rules.card(position).getByRole('textbox', { name: 'Interval' }).fill(text);
    const period = async (position: number, text: string) =>
      rules.card(position).getByLabel('Period', { exact: true }).fill(text);

    await rules.addRule('Load by interval');
    await interval(1, '2016-06-27/2016-06-29');
    await rules.card(1).getByLabel('Tier', { exact: true }).fill('hot');
    await rules.card(1).getByLabel('Replicas', { exact: true }).fill('1');
    await rules.card(1).getByRole('button', { name: 'Add tier' }).click();
    await rules.card(1).getByLabel('Tier', { exact: true }).nth(1).fill('_default_tier');
    await rules.card(1).getByLabel('Replicas', { exact: true }).nth(1).fill('2');
    await rules.addRule('Load by period');
    await period(2, 'P3M');
    await rules.card(2).getByLabel('Include future data').uncheck();
    await rules
      .card(2)
      .getByRole('button', { name: /^Remove tier/ })
      .click();
    await rules.card(2).getByLabel('useDefaultTierForNull').uncheck();
    await rules.addRule('Broadcast by interval');
    await interval(3, '2016-07-01T00:00Z/P1D');
    await rules.addRule('Broadcast by period');
    await rules.card(4).getByRole('button', { name: 'Period 7 days (P7D)' }).click();
    await rules.addRule('Drop by interval');
    await interval(5, '2016-07-02/2016-07-03');
    await rules.addRule('Drop by period');
    await period(6, 'P1Y');
    await rules.addRule('Drop before period');
    await period(7, 'P2Y');
    await rules.addRule('Load forever');
    await rules.card(8).getByLabel('Replicas', { exact: true }).fill('3');
    await rules.addRule('Broadcast forever');
    await rules.addRule('Drop forever');

    await rules.save('one of each', 'Grace Hopper');
    await expect(rules.saveDialog).toBeHidden();
    expect(await rulesOf(request, 'wikipedia_api')).toEqual([
      {
        type: 'loadByInterval',
        interval: '2016-06-27T00:00:00.000Z/2016-06-29T00:00:00.000Z',
        tieredReplicants: { hot: 1, _default_tier: 2 },
        useDefaultTierForNull: true,
      },
      { type: 'loadByPeriod', period: 'P3M', includeFuture: false, tieredReplicants: {}, useDefaultTierForNull: false },
      { type: 'broadcastByInterval', interval: '2016-07-01T00:00:00.000Z/2016-07-02T00:00:00.000Z' },
      { type: 'broadcastByPeriod', period: 'P7D', includeFuture: true },
      { type: 'dropByInterval', interval: '2016-07-02T00:00:00.000Z/2016-07-03T00:00:00.000Z' },
      { type: 'dropByPeriod', period: 'P1Y', includeFuture: true },
      { type: 'dropBeforeByPeriod', period: 'P2Y' },
      { type: 'loadForever', tieredReplicants: { _default_tier: 3 }, useDefaultTierForNull: true },
      { type: 'broadcastForever' },
      { type: 'dropForever' },
    ]);
    const history = await request.get(`${RULES}/wikipedia_api/history?count=1`);
    const [entry] = (await history.json()) as Array<{ auditInfo: { author: string; comment: string } }>;
    expect(entry?.auditInfo).toMatchObject({ author: 'Grace Hopper', comment: 'one of each' });
    // The name is remembered for the next save.
    await rules.menuAction(10, 'Delete');
    await rules.saveButton.click();
    await expect(rules.saveDialog).toContainText('Recorded as Grace Hopper');
  });

  test('effective retention predicts what the coordinator then drops', async ({
    page,
    request,
    runCoordinator,
    expectAccessible,
  }) => {
    const rules = new RulesPage(page);
    await rules.goto('wikipedia_hour');
    await expect(rules.outcomeRow(/^Loaded/)).toContainText('24 segments');
    await rules.addRule('Drop by interval');
    await rules.card(1).getByRole('textbox', { name: 'Interval' }).fill('2015-09-12T00/2015-09-12T06');
    await expect(rules.outcomeRow(/^Dropped/)).toContainText('6 segments');
    await expect(rules.outcomeRow(/^Loaded/)).toContainText('18 segments');
    await expect(rules.retention).toContainText('Saving this will drop 6 segments');
    await rules.saveButton.click();
    await expect(rules.saveDialog).toContainText('Saving this will drop 6 segments');
    await expectAccessible(page);
    await rules.saveDialog.getByRole('button', { name: 'Cancel' }).click();
    await rules.save('drop the first six hours', 'Ada');
    await expect(rules.saveDialog).toBeHidden();
    await runCoordinator();
    const used = (await (
      await request.get('/druid/coordinator/v1/metadata/datasources/wikipedia_hour/segments')
    ).json()) as string[];
    expect(used).toHaveLength(18);
    expect(used.some((id) => id.includes('2015-09-12T05:00:00.000Z_2015-09-12T06'))).toBe(false);
    expect(used.some((id) => id.includes('2015-09-12T06:00:00.000Z_2015-09-12T07'))).toBe(true);
    // Druid no longer serves the dropped hours, so the preview now counts the 18 it keeps, none to drop.
    await page.reload();
    await expect(rules.outcomeRow(/^Loaded/)).toContainText('18 segments');
    await expect(rules.outcomeRow(/^Dropped/)).toContainText('0 segments');
  });

  test('a change made through the API meanwhile is detected; the operator can overwrite knowingly', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const rules = new RulesPage(page);
    await rules.goto('social_media');
    await rules.addRule('Drop forever');
    await postRules(request, 'social_media', [{ type: 'loadForever' }], 'sneaky change');
    await rules.saveButton.click();
    await rules.saveDialog.getByLabel('Comment (why)').fill('mine');
    await rules.saveDialog.getByLabel('Your name').fill('Ada');
    await rules.saveDialog.getByRole('button', { name: 'Save rules' }).click();
    await expect(rules.saveDialog.getByRole('alert')).toContainText('changed by someone else');
    await expect(rules.saveDialog.getByRole('list', { name: 'Rules on the server now' })).toContainText('forever');
    await expect(rules.saveDialog.getByRole('list', { name: 'Your edited rules' })).toContainText('within');
    expect(types(await rulesOf(request, 'social_media'))).toEqual(['loadForever']);
    await expectAccessible(page);
    await rules.saveDialog.getByRole('button', { name: 'Overwrite with my edits' }).click();
    await expect(rules.saveDialog).toBeHidden();
    expect(types(await rulesOf(request, 'social_media'))).toEqual(['dropByInterval', 'loadByInterval', 'dropForever']);
  });

  test('a conflict can also be resolved by loading the other version', async ({ page, request }) => {
    const rules = new RulesPage(page);
    await rules.goto('social_media');
    await rules.addRule('Drop forever');
    await postRules(request, 'social_media', [{ type: 'dropBeforeByPeriod', period: 'P5Y' }]);
    await rules.save('mine', 'Ada');
    await rules.saveDialog.getByRole('button', { name: 'Discard my edits and load theirs' }).click();
    await expect(rules.cards).toHaveCount(1);
    await expect(rules.typeSelect(1)).toHaveValue('dropBeforeByPeriod');
    await expect(page.getByRole('status').filter({ hasText: 'No unsaved edits' })).toBeVisible();
  });

  test('a failed save keeps the edits and shows the error', async ({ page, request }) => {
    const rules = new RulesPage(page);
    await rules.goto('wikipedia_api');
    await rules.addRule('Drop forever');
    await page.route(`**${RULES}/wikipedia_api`, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"database is down"}' })
        : route.fallback(),
    );
    await rules.save('will fail', 'Ada');
    await expect(rules.saveDialog.getByRole('alert')).toContainText('database is down');
    await rules.saveDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(rules.typeSelect(1)).toHaveValue('dropForever');
    await expect(page.getByRole('status').filter({ hasText: 'Unsaved edits' })).toBeVisible();
    expect(await rulesOf(request, 'wikipedia_api')).toEqual([]);
    await page.unroute(`**${RULES}/wikipedia_api`);
    await rules.save('works now');
    await expect(rules.saveDialog).toBeHidden();
    expect(types(await rulesOf(request, 'wikipedia_api'))).toEqual(['dropForever']);
  });

  test("an empty _default is refused with Druid's message", async ({ page, request }) => {
    const rules = new RulesPage(page);
    await rules.goto('_default');
    await expect(page.getByRole('heading', { name: 'Default retention rules' })).toBeVisible();
    await rules.menuAction(1, 'Delete');
    await expect(page.getByText('Cluster-level rules cannot be empty.').first()).toBeVisible();
    await rules.saveButton.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Cannot save' })).toContainText(
      'Cluster-level rules cannot be empty.',
    );
    await expect(rules.saveDialog).toBeHidden();
    // The server refuses it the same way.
    const response = await request.post(`${RULES}/_default`, { data: [] });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ error: 'Cluster-level rules cannot be empty.' });
  });

  test('restores an audit entry as unsaved edits with a prefilled comment', async ({ page, request }) => {
    await postRules(request, 'wikipedia_api', [{ type: 'dropBeforeByPeriod', period: 'P3Y' }], 'old version');
    const [entry] = (await (await request.get(`${RULES}/wikipedia_api/history?count=1`)).json()) as Array<{
      auditTime: string;
    }>;
    const auditTime = entry?.auditTime ?? '';
    await postRules(request, 'wikipedia_api', [{ type: 'dropForever' }], 'newer version');
    const rules = new RulesPage(page);
    await rules.goto('wikipedia_api', `?restore=${encodeURIComponent(auditTime)}`);
    // Shown in 24-hour UTC to the second: 2023-07-18T18:49:43.964Z reads 2023-07-18 18:49:43 UTC.
    await expect(page.getByRole('region', { name: 'Restoring an earlier version' })).toContainText(
      `${auditTime.slice(0, 10)} ${auditTime.slice(11, 19)} UTC`,
    );
    await expect(rules.typeSelect(1)).toHaveValue('dropBeforeByPeriod');
    await expect(page).toHaveURL(/\/rules\/wikipedia_api$/);
    await rules.saveButton.click();
    await expect(rules.saveDialog.getByLabel('Comment (why)')).toHaveValue(`Restore rules of ${auditTime}`);
    await rules.saveDialog.getByLabel('Your name').fill('Ada');
    await rules.saveDialog.getByRole('button', { name: 'Save rules' }).click();
    await expect(rules.saveDialog).toBeHidden();
    expect(await rulesOf(request, 'wikipedia_api')).toEqual([{ type: 'dropBeforeByPeriod', period: 'P3Y' }]);
  });
});
