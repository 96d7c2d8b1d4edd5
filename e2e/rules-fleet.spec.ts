import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const RULES = '/druid/coordinator/v1/rules';

async function rulesOf(request: APIRequestContext, dataSource: string): Promise<unknown[]> {
  const response = await request.get(`${RULES}/${encodeURIComponent(dataSource)}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as unknown[];
}

test.describe('one rule change for many datasources', () => {
  test.use({ isolated: true });
  // A whole flow (pick, review, two axe runs, save, retry, undo) on its own cluster: 15 s idle, twice that loaded.
  test.setTimeout(60_000);

  test('review, a partial failure, Retry failed, then Undo restores what nobody changed meanwhile', async ({
    page,
    request,
    expectAccessible,
  }) => {
    // The cluster cannot refuse one datasource's save on demand: fail wikipedia_api's first POST here.
    let failNext = true;
    await page.route(`**${RULES}/wikipedia_api`, async (route) => {
      if (route.request().method() !== 'POST' || !failNext) return route.fallback();
      failNext = false;
      await route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"metadata store busy"}' });
    });

    await page.goto('/rules');
    await page.getByRole('link', { name: /Change the rules of many datasources/ }).click();
    await expect(page.getByRole('heading', { name: 'Change the rules of many datasources', level: 1 })).toBeVisible();
    await page.getByLabel('Name pattern').fill('wiki*');
    await page.getByRole('button', { name: 'Select all that use the defaults' }).click();
    await expect(page.getByText('2 datasources selected')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'wikipedia_hour' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'wikipedia_api' })).toBeChecked();

    await page.getByRole('radio', { name: /Prepend a rule/ }).check();
    await page.getByLabel('Rule to prepend (JSON)').fill('{"type":"dropForever"}');
    await page.getByRole('button', { name: 'Review the change of 2 datasources' }).click();

    await expect(page.getByRole('alert')).toContainText('2 datasources would lose data');
    const changed = page.getByRole('list', { name: 'Changed datasources' });
    await expect(changed.getByRole('listitem').filter({ hasText: 'wikipedia_hour' })).toContainText(
      'drops 24 segments',
    );
    await changed.getByRole('button', { name: 'wikipedia_api' }).click();
    const diff = page.getByRole('list', { name: 'Rule changes of wikipedia_api' });
    await expect(diff).toContainText('Added');
    await expect(diff).toContainText('dropForever');
    await expect(page.getByRole('region', { name: 'Changes of wikipedia_api' })).toContainText(
      'Segments loaded 7 → 0 · dropped 0 → 7',
    );
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Save 2 datasources…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save the rules of 2 datasources' });
    await dialog.getByLabel('Comment (why)').fill('retire the wiki datasources');
    await dialog.getByLabel('Your name').fill('Ada');
    const save = dialog.getByRole('button', { name: 'Save 2 datasources' });
    await expect(save).toBeDisabled();
    await dialog.getByLabel('Type drop data of 2 datasources to confirm').fill('drop data of 2 datasources');
    await save.click();

    await expect(dialog.getByRole('status')).toHaveText('Partly failed: 1 datasource saved, 1 datasource failed');
    const summary = dialog.getByRole('list', { name: 'Summary' });
    await expect(summary).toContainText('wikipedia_api — metadata store busy');
    expect(await rulesOf(request, 'wikipedia_hour')).toEqual([{ type: 'dropForever' }]);
    expect(await rulesOf(request, 'wikipedia_api')).toEqual([]);

    await dialog.getByRole('button', { name: 'Retry failed' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Saved 1 datasource');
    expect(await rulesOf(request, 'wikipedia_api')).toEqual([{ type: 'dropForever' }]);

    // Someone else changes one of them meanwhile: Undo leaves theirs alone and says so.
    const theirs = [{ type: 'loadForever', tieredReplicants: { _default_tier: 1 } }];
    const post = await request.post(`${RULES}/wikipedia_hour`, {
      data: theirs,
      headers: { 'X-Druid-Author': 'someone else', 'X-Druid-Comment': 'meanwhile' },
    });
    expect(post.ok()).toBe(true);
    await dialog.getByRole('button', { name: 'Undo: restore 2 datasources' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Restored 1 datasource; some were not sent');
    await expect(summary).toContainText('Changed by someone else meanwhile, not sent: 1');
    expect(await rulesOf(request, 'wikipedia_api')).toEqual([]);
    expect(await rulesOf(request, 'wikipedia_hour')).toMatchObject(theirs);
    const history = await request.get(`${RULES}/wikipedia_api/history`);
    const entries = (await history.json()) as Array<{ auditInfo: { author: string; comment: string } }>;
    expect(entries.map((entry) => entry.auditInfo)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ author: 'Ada', comment: 'retire the wiki datasources' }),
        expect.objectContaining({ author: 'Ada', comment: 'Undo: retire the wiki datasources' }),
      ]),
    );
  });
});
