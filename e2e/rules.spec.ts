import { expect, test } from './fixtures.ts';
import { RulesPage } from './pages/rules-page.ts';

test.describe('rules index and editor (read-only)', () => {
  test('the index lists the defaults and every datasource with a link to its editor', async ({
    page,
    expectAccessible,
  }) => {
    await page.goto('/rules');
    await expect(page.getByRole('heading', { name: 'Retention rules', level: 1 })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Default rules' })).toContainText('forever');
    const row = page.getByRole('row', { name: /kttm1/ });
    await expect(row).toContainText('Broadcast');
    await expect(row).toContainText('the last 1 month (P1M)');
    await expect(page.getByRole('row', { name: /wikipedia_hour/ })).toContainText('cluster defaults apply');
    await expectAccessible(page);
    await page.getByLabel('Filter datasources').fill('ventes');
    await expect(page.getByRole('link', { name: 'données_ventes_été' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'kttm1' })).toHaveCount(0);
    await page.getByRole('link', { name: 'données_ventes_été' }).click();
    await expect(page.getByRole('heading', { name: 'Retention rules of données_ventes_été' })).toBeVisible();
  });

  test('the editor shows the rules as cards and the defaults read-only below', async ({ page, expectAccessible }) => {
    const rules = new RulesPage(page);
    await rules.goto('kttm1');
    await expect(rules.cards).toHaveCount(3);
    await expect(rules.typeSelect(1)).toHaveValue('broadcastForever');
    await expect(rules.typeSelect(3)).toHaveValue('dropByPeriod');
    await expect(rules.card(3).getByLabel('Period', { exact: true })).toHaveValue('P1M');
    const defaults = page.getByRole('region', { name: 'Default rules' });
    await expect(defaults).toContainText('apply when none of this datasource’s rules match');
    await expect(defaults.getByRole('link', { name: 'Edit default rules' })).toHaveAttribute('href', '/rules/_default');
    await expect(rules.outcomeRow(/^Broadcast/)).toContainText('14 segments');
    await expectAccessible(page);
  });

  test('the preview reads interval summaries, one small request, never the list of every segment', async ({ page }) => {
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname + new URL(request.url()).search));
    const rules = new RulesPage(page);
    await rules.goto('wikipedia_hour');
    await expect(rules.retention.getByRole('table')).toHaveAccessibleName(
      'What the rules do to the 24 segments served now',
    );
    await expect(rules.outcomeRow(/^Loaded/)).toContainText('24 segments');
    await expect(rules.retention).toContainText('Used segments not loaded yet');
    expect(asked).toContain('/druid/coordinator/v1/datasources/wikipedia_hour/intervals?simple');
    expect(asked.filter((path) => path.includes('/metadata/segments'))).toEqual([]);
  });

  test('interval summaries Druid refuses show its message and no figures; Retry loads them', async ({ page }) => {
    await page.route('**/datasources/wikipedia_hour/intervals?simple', (route) =>
      route.fulfill({ status: 400, json: { error: 'Inventory not initialized yet' } }),
    );
    const rules = new RulesPage(page);
    await rules.goto('wikipedia_hour');
    const alert = rules.retention.getByRole('alert');
    await expect(alert).toContainText('Segments unavailable');
    await expect(alert).toContainText('Inventory not initialized yet');
    await expect(rules.outcomeRow(/^Loaded/)).toHaveCount(0);
    await page.unrouteAll();
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(rules.outcomeRow(/^Loaded/)).toContainText('24 segments');
    await expect(alert).toHaveCount(0);
  });

  test('a rule placed after loadForever is flagged unreachable', async ({ page }) => {
    const rules = new RulesPage(page);
    await rules.goto('wikipedia_api');
    await rules.addRule('Load forever');
    await rules.addRule('Drop by period');
    await expect(rules.card(2).getByRole('list', { name: 'Warnings for rule 2' })).toContainText(
      'Rule 2 (dropByPeriod P1M) can never match: Rule 1 (loadForever) before it matches every segment.',
    );
    await rules.menuAction(2, 'Move up');
    await expect(rules.typeSelect(1)).toHaveValue('dropByPeriod');
    await expect(rules.card(2).getByRole('list', { name: 'Warnings for rule 2' })).toHaveCount(0);
    await rules.menuAction(1, 'Duplicate');
    await expect(rules.cards).toHaveCount(3);
    await expect(rules.typeSelect(2)).toHaveValue('dropByPeriod');
    await expect(rules.card(2).getByRole('list', { name: 'Warnings for rule 2' })).toContainText('can never match');
    await rules.menuAction(2, 'Delete');
    await expect(rules.cards).toHaveCount(2);
  });

  test('cards are one line each until expanded; while dragging, at least 5 fit a 900 px high window', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const rules = new RulesPage(page);
    await rules.goto('wikipedia_api');
    await rules.jsonTab.click();
    await rules.jsonText.fill(
      JSON.stringify([
        { type: 'loadByPeriod', period: 'P1M', tieredReplicants: { _default_tier: 2 } },
        { type: 'loadByInterval', interval: '2015-09-12/2015-09-13', tieredReplicants: { _default_tier: 1 } },
        { type: 'broadcastByPeriod', period: 'P7D', includeFuture: false },
        { type: 'dropByInterval', interval: '2015-09-01T06:00Z/2015-09-12' },
        { type: 'dropBeforeByPeriod', period: 'P1Y' },
        { type: 'loadForever', tieredReplicants: { _default_tier: 2 } },
      ]),
    );
    await rules.formTab.click();
    await expect(rules.cards).toHaveCount(6);
    await expect(rules.card(1)).toContainText('P1M · _default_tier ×2 · future included');
    await expect(rules.card(4)).toContainText('2015-09-01 06:00 – 2015-09-12');
    await expect(rules.card(5)).toContainText('older than P1Y');
    await expect(rules.card(1).getByLabel('Period', { exact: true })).toBeHidden();
    // Open cards fold to their line while a card is dragged, the lifted card's place moving up with them.
    await rules.expand(1);
    await rules.expand(2);
    await expect(rules.card(1).getByLabel('Period', { exact: true })).toBeVisible();
    await rules.dragHandle(3).focus();
    await page.keyboard.press('Space');
    await expect(page.getByText('Picked up rule 3 of 6.')).toBeAttached();
    await expect(rules.card(1).getByLabel('Period', { exact: true })).toBeHidden();
    // Fully in sight: both ends of the card are the card on screen, not the header or the save bar over it.
    const inSight = await rules.cards.evaluateAll((cards) =>
      cards.filter((card) => {
        const box = card.getBoundingClientRect();
        const x = box.left + box.width / 2;
        return [box.top + 2, box.bottom - 2].every((y) => card.contains(document.elementFromPoint(x, y)));
      }),
    );
    expect(inSight.length).toBeGreaterThanOrEqual(5);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
    await page.keyboard.press('ArrowUp');
    await expect(page.getByText('Rule 3 is over position 2 of 6.')).toBeAttached();
    await page.keyboard.press('Space');
    await expect(page.getByText('Rule 3 moved to position 2 of 6.')).toBeAttached();
    await expect(rules.typeSelect(2)).toHaveValue('broadcastByPeriod');
    // The open cards open again once the card is dropped.
    await expect(rules.card(1).getByLabel('Period', { exact: true })).toBeVisible();
    await expect(rules.card(3).getByRole('textbox', { name: 'Interval' })).toBeVisible();
  });

  test('invalid JSON or an invalid rule blocks saving and names the position and field', async ({ page }) => {
    const rules = new RulesPage(page);
    await rules.goto('wikipedia_api');
    await rules.jsonTab.click();
    await rules.jsonText.fill('[{"type":"dropForever"},{"type":"loadByPeriod","period":"P1Q"}]');
    await expect(
      page.getByRole('alert').filter({ hasText: 'Rule 2 (Load by period): Period must be an ISO 8601 period' }),
    ).toBeVisible();
    await rules.saveButton.click();
    await expect(rules.saveDialog).toBeHidden();
    await rules.jsonText.fill('[{"type":"dropForever"},');
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid JSON' }).first()).toBeVisible();
    await rules.formTab.click();
    await expect(rules.jsonText).toBeVisible();
    // A valid list flows into the form.
    await rules.jsonText.fill('[{"type":"dropByPeriod","period":"P7D","includeFuture":false}]');
    await rules.formTab.click();
    await expect(rules.typeSelect(1)).toHaveValue('dropByPeriod');
    await expect(rules.card(1).getByLabel('Include future data')).not.toBeChecked();
    await rules.expand(1);
    await rules.card(1).getByLabel('Period', { exact: true }).fill('P1X');
    await rules.saveButton.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Cannot save' })).toContainText(
      'Rule 1 (Drop by period): Period must be an ISO 8601 period such as P1M or PT6H.',
    );
  });

  test('unsaved edits survive a reload as a draft, and leaving asks first', async ({ page }) => {
    const rules = new RulesPage(page);
    await rules.goto('wikipedia_api');
    await rules.addRule('Drop before period');
    await rules.card(1).getByRole('button', { name: 'Period 1 year (P1Y)' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Unsaved edits' })).toBeVisible();
    // In-app navigation asks first.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave with unsaved edits?' });
    await expect(leave).toBeVisible();
    await leave.getByRole('button', { name: 'Stay' }).click();
    await expect(page).toHaveURL(/\/rules\/wikipedia_api$/);
    // A reload asks too (beforeunload); accept it, then the draft is offered back.
    page.once('dialog', (dialog) => dialog.accept());
    await page.reload();
    const offer = page.getByRole('region', { name: 'Unsaved edits found' });
    await expect(offer).toBeVisible();
    await expect(rules.cards).toHaveCount(0);
    await offer.getByRole('button', { name: 'Restore my edits' }).click();
    await expect(rules.typeSelect(1)).toHaveValue('dropBeforeByPeriod');
    await expect(rules.card(1).getByLabel('Period', { exact: true })).toHaveValue('P1Y');
  });
});
