import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { RulesPage } from './pages/rules-page.ts';

const TYPO = 'wikipedia_huor';

/** The not-found page of `view` for the typo, with the closest name linking to the same view. */
async function expectNotFound(page: Page, view: 'segments' | 'kill' | 'rules') {
  await page.goto(`/${view}/${TYPO}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`No datasource named ${TYPO}`);
  const suggestions = page.getByRole('list', { name: 'Did you mean' });
  await expect(suggestions.getByRole('link')).toHaveText(['wikipedia_hour']);
  await expect(suggestions.getByRole('link')).toHaveAttribute('href', `/${view}/wikipedia_hour`);
  // No write action of any kind on a name that does not exist.
  await expect(page.getByRole('main').getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Kill unused segments…|Mark/ })).toHaveCount(0);
}

test('a datasource that does not exist says so on every view, names the closest ones and offers no write', async ({
  page,
  expectAccessible,
}) => {
  await expectNotFound(page, 'segments');
  await expectNotFound(page, 'kill');
  await expectNotFound(page, 'rules');
  await expect(page.getByRole('link', { name: `Create rules for ${TYPO} anyway` })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await page.getByRole('list', { name: 'Did you mean' }).getByRole('link', { name: 'wikipedia_hour' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Retention rules of wikipedia_hour');
});

test.describe('rules without segments', () => {
  test.use({ isolated: true });

  test('a datasource with rules but no segments is told apart; rules for a new name are created on purpose, asking the name once', async ({
    page,
    request,
  }) => {
    const planned = await request.post('/druid/coordinator/v1/rules/orders_2027', {
      data: [{ type: 'loadForever', tieredReplicants: { _default_tier: 1 } }],
      headers: { 'X-Druid-Author': 'e2e', 'X-Druid-Comment': 'ahead of ingestion' },
    });
    expect(planned.ok()).toBe(true);
    await page.goto('/segments/orders_2027');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('orders_2027 has rules but no segments');
    await page.getByRole('link', { name: 'Retention rules of orders_2027' }).click();
    const rules = new RulesPage(page);
    await expect(page.getByText('orders_2027 has rules but no segments, used or unused')).toBeVisible();
    await expect(rules.cards).toHaveCount(1);

    await page.goto('/rules/orders_2028');
    await page.getByRole('link', { name: 'Create rules for orders_2028 anyway' }).click();
    await expect(page.getByText('No datasource named orders_2028 yet.')).toBeVisible();
    await rules.addRule('Load forever');
    // The first save asks for the operator's name; a missing one gets the focus.
    await rules.saveButton.click();
    await rules.saveDialog.getByLabel('Comment (why)').fill('planned for 2028');
    await rules.saveDialog.getByRole('button', { name: 'Save rules' }).click();
    await expect(rules.saveDialog.getByLabel('Your name')).toBeFocused();
    await page.keyboard.type('Ada');
    await page.keyboard.press('Enter');
    await expect(rules.saveDialog).toBeHidden();
    await expect(page.getByText('orders_2028 has rules but no segments, used or unused')).toBeVisible();
    const history = await request.get('/druid/coordinator/v1/rules/orders_2028/history?count=1');
    const [entry] = (await history.json()) as { auditInfo: { author: string }; payload: string }[];
    expect(entry?.auditInfo.author).toBe('Ada');
    expect((JSON.parse(entry?.payload ?? '[]') as { type: string }[]).map((rule) => rule.type)).toEqual([
      'loadForever',
    ]);

    // Later dialogs only show it.
    await rules.addRule('Drop forever');
    await rules.saveButton.click();
    await expect(rules.saveDialog.getByText(/^Recorded as/)).toHaveText('Recorded as Ada · Change');
    await expect(rules.saveDialog.getByLabel('Your name')).toHaveCount(0);
  });
});
