import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const P7D = [{ type: 'loadByPeriod', period: 'P7D', tieredReplicants: { _default_tier: 1 } }, { type: 'dropForever' }];
const P30D = [
  { type: 'loadByPeriod', period: 'P30D', tieredReplicants: { _default_tier: 1 } },
  { type: 'dropForever' },
];

async function setRules(request: APIRequestContext, dataSource: string, rules: unknown, comment: string) {
  const saved = await request.post(`/druid/coordinator/v1/rules/${dataSource}`, {
    data: rules,
    headers: { 'X-Druid-Author': 'e2e as-of', 'X-Druid-Comment': comment },
  });
  expect(saved.status()).toBe(200);
  const [latest] = (await (await request.get(`/druid/coordinator/v1/rules/${dataSource}/history?count=1`)).json()) as [
    { auditTime: string },
  ];
  return Date.parse(latest.auditTime);
}

/** `2026-11-26 11:10:05.123`: the 24-hour UTC text the time field reads. */
const fieldText = (time: number) => new Date(time).toISOString().replace('T', ' ').replace(/Z$/, '');

test.describe('rules as of a past time', () => {
  test.use({ isolated: true });

  test('rebuilds the rules between two changes, diffs them against now, and restores them as edits or as a plan', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const first = await setRules(request, 'wikipedia_api', P7D, 'one week');
    // The next change must come after `first` on the cluster's clock (the same machine's): wait for that state.
    await expect.poll(() => Date.now()).toBeGreaterThan(first);
    const second = await setRules(request, 'wikipedia_api', P30D, 'one month');
    expect(second).toBeGreaterThan(first);
    const rulesNow = await (await request.get('/druid/coordinator/v1/rules/wikipedia_api')).json();
    // A datasource whose first rules come after the time: its rules then are unknown, never "none".
    await setRules(request, 'asof_later', P7D, 'new datasource');

    await page.goto('/history');
    await page
      .getByRole('navigation', { name: 'Rule history views' })
      .getByRole('link', { name: 'Rules as of a time' })
      .click();
    await page.getByLabel('Time (UTC)').fill(fieldText(first));
    await page.getByRole('button', { name: 'Show the rules then' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'As of' })).toContainText(
      '1 datasource had other rules than now, 1 unknown',
    );
    const wiki = page.getByRole('listitem', { name: 'wikipedia_api' });
    await expect(wiki).toContainText('by e2e as-of (“one week”)');
    await expect(wiki).toContainText(/Changed once since, last .* by e2e as-of \(“one month”\)/);
    await expect(wiki.getByRole('list', { name: 'Changes to wikipedia_api since then' })).toContainText('P30D');
    await expect(wiki.getByRole('list', { name: 'Changes to wikipedia_api since then' })).toContainText('P7D');
    await expect(page.getByRole('listitem', { name: 'asof_later' })).toContainText('Unknown then');
    await expect(page.getByRole('listitem', { name: 'asof_later' })).toContainText('No change of its rules is kept');
    await wiki.getByText('Rules then').click();
    await expect(wiki.getByRole('list', { name: 'Rules of wikipedia_api then' })).toContainText('P7D');
    await expectAccessible(page);

    // Several at once: handed to the rules-as-code plan, reviewed there before anything is sent.
    await wiki.getByRole('checkbox', { name: 'Select wikipedia_api to restore' }).check();
    await page.getByRole('button', { name: 'Review 1 selected datasource as a plan…' }).click();
    await expect(page.getByRole('heading', { name: /^Plan for rules-as-of-/ })).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Changes to apply' }).getByRole('listitem', { name: 'wikipedia_api' }),
    ).toBeVisible();
    expect(await (await request.get('/druid/coordinator/v1/rules/wikipedia_api')).json()).toEqual(rulesNow);

    // One datasource: opened in the editor as unsaved edits, never saved silently.
    await page.goBack();
    await page
      .getByRole('listitem', { name: 'wikipedia_api' })
      .getByRole('link', { name: /Open the rules of wikipedia_api then as edits/ })
      .click();
    await expect(page).toHaveURL(/\/rules\/wikipedia_api/);
    await expect(page.getByRole('region', { name: 'Restoring an earlier version' })).toContainText(
      'by e2e as-of (“one week”)',
    );
    expect(await (await request.get('/druid/coordinator/v1/rules/wikipedia_api')).json()).toEqual(rulesNow);
  });
});
