import { expect, test } from './fixtures.ts';
import { RulesPage } from './pages/rules-page.ts';

const DEFAULT_RULES = '/druid/coordinator/v1/rules/_default';

test.describe('saving the cluster default rules', () => {
  test.use({ isolated: true });

  test('Drop forever as the defaults lists what each datasource loses and asks to type _default', async ({
    page,
    request,
    expectAccessible,
  }) => {
    const summaries: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith('/intervals') && url.searchParams.has('simple'))
        summaries.push(decodeURIComponent(url.pathname.split('/').at(-2) ?? ''));
    });
    const rules = new RulesPage(page);
    await rules.goto('_default');
    await rules.jsonTab.click();
    await rules.jsonText.fill('[{"type":"dropForever"}]');
    await rules.saveButton.click();
    const impact = rules.saveDialog.getByRole('table', { name: /^What the new defaults change/ });
    // No rules of its own: every served segment falls back to the defaults.
    await expect(impact.getByRole('row', { name: /^wikipedia_hour/ })).toContainText('24 segments');
    // Its own rules keep 2019 and drop 2020–Jan 2022; its four months of 2022 fall through to the defaults.
    await expect(impact.getByRole('row', { name: /^social_media/ })).toContainText('4 segments');
    // broadcastForever comes first: the defaults are never reached.
    await expect(impact.getByRole('row', { name: /^kttm1/ })).toHaveCount(0);
    await expect(impact.getByRole('row', { name: /^All 5 datasources/ })).toBeVisible();
    // The served totals place every other datasource inside one rule: only social_media's intervals are read.
    expect(summaries).toEqual(['social_media']);
    await rules.saveDialog.getByLabel('Comment (why)').fill('drop everything');
    await rules.saveDialog.getByLabel('Your name').fill('Ada');
    await rules.saveDialog.getByRole('button', { name: /^Save rules/ }).click();

    const confirm = page.getByRole('dialog', { name: /^Drop data of 5 datasources/ });
    const confirmButton = confirm.getByRole('button', { name: 'Save the default rules' });
    await expect(confirmButton).toBeDisabled();
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);
    await confirm.getByLabel('Type _default to confirm').fill('_default');
    await confirmButton.click();
    await expect(rules.saveDialog).toBeHidden();
    await expect.poll(async () => (await request.get(DEFAULT_RULES)).json()).toEqual([{ type: 'dropForever' }]);
  });
});
