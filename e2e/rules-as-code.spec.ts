import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const RULES = '/druid/coordinator/v1/rules';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; json: unknown }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await (download as Download).path();
  return { name: (download as Download).suggestedFilename(), json: JSON.parse(await readFile(path, 'utf8')) };
}

async function chooseFile(page: Page, name: string, content: unknown) {
  const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
  await page
    .getByLabel('Rules file (JSON)')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test.describe('rules as code, applied', () => {
  test.use({ isolated: true });

  test('export, edit, import as a plan, apply with typed confirmation, read back', async ({
    page,
    request,
    expectAccessible,
  }) => {
    await page.goto('/rules');
    await page.getByRole('link', { name: 'Export or import all rules as a file' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rules as code' })).toBeVisible();

    const exported = await downloaded(page, () =>
      page.getByRole('button', { name: 'Download all rules (JSON)' }).click(),
    );
    expect(exported.name).toMatch(/^druid-rules-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exported.json).toEqual(await (await request.get(RULES)).json());

    // The edit a reviewer would make in git: kttm1 loads once instead of broadcasting; wikipedia_hour is retired.
    const kttm1 = [{ type: 'loadForever', tieredReplicants: { _default_tier: 1 } }];
    const edited = {
      ...(exported.json as Record<string, unknown[]>),
      kttm1,
      wikipedia_hour: [{ type: 'dropForever' }],
    };
    await chooseFile(page, 'rules.json', edited);

    const changes = page.getByRole('list', { name: 'Changes to apply' });
    await expect(changes.getByRole('listitem', { name: 'kttm1' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Rule changes of kttm1' })).toContainText('broadcastForever');
    await expect(page.getByRole('list', { name: 'Effect on kttm1' })).toContainText('No longer broadcasts');
    await expect(page.getByRole('list', { name: 'Effect on wikipedia_hour' })).toContainText('Drops 24 segments');
    await expect(page.getByText(/Unchanged, not sent: _default, social_media, wikipedia_api/)).toBeVisible();

    const plan = await downloaded(page, () => page.getByRole('button', { name: 'Download plan (JSON)' }).click());
    expect(plan.name).toBe('rules-plan.json');
    expect((plan.json as { dataSources: Array<{ name: string; status: string }> }).dataSources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'kttm1', status: 'update' }),
        expect.objectContaining({ name: 'wikipedia_hour', status: 'create' }),
      ]),
    );
    await expectAccessible(page);

    // First kttm1 alone: not a drop, so no typed confirmation; wikipedia_hour is not sent.
    await changes.getByRole('checkbox', { name: 'Apply to wikipedia_hour' }).uncheck();
    await page.getByRole('button', { name: 'Apply 1 selected change…' }).click();
    const first = page.getByRole('dialog', { name: 'Apply the rules of 1 datasource?' });
    await first.getByLabel('Comment (why)').fill('retention from git');
    await first.getByLabel('Your name').fill('Ada');
    await first.getByRole('button', { name: 'Apply to 1 datasource' }).click();
    const result = page.getByRole('status').filter({ hasText: 'saved' });
    await expect(result).toHaveText('1 saved, 3 unchanged (not sent), 0 failed, 1 not sent.');

    // Planned again against the cluster as it is now: only wikipedia_hour is left, and it drops served data.
    await expect(changes.getByRole('checkbox')).toHaveCount(1);
    await expect(changes.getByRole('checkbox', { name: 'Apply to wikipedia_hour' })).toBeChecked();
    await page.getByRole('button', { name: 'Apply 1 selected change…' }).click();
    const second = page.getByRole('dialog', { name: 'Apply the rules of 1 datasource?' });
    await second.getByLabel('Comment (why)').fill('retire wikipedia_hour');
    const confirm = second.getByRole('button', { name: 'Apply to 1 datasource' });
    await expect(confirm).toBeDisabled();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);
    await second.getByLabel('Type wikipedia_hour to confirm').fill('wikipedia_hour');
    await confirm.click();
    await expect(result).toHaveText('1 saved, 4 unchanged (not sent), 0 failed, 0 not sent.');

    const after = (await (await request.get(RULES)).json()) as Record<string, unknown[]>;
    expect(after.kttm1).toEqual([{ ...kttm1[0], useDefaultTierForNull: true }]);
    expect(after.wikipedia_hour).toEqual([{ type: 'dropForever' }]);
    const [audit] = await (await request.get(`${RULES}/kttm1/history?count=1`)).json();
    expect(audit.auditInfo).toMatchObject({ author: 'Ada', comment: 'retention from git' });
    await expect(page.getByText('Nothing to apply: the cluster already holds these rules.')).toBeVisible();
  });
});

test('a file with an invalid period and an unknown rule type is refused whole, naming each problem', async ({
  page,
  request,
}) => {
  const before = await (await request.get(RULES)).json();
  await page.goto('/rules-as-code');
  await chooseFile(page, 'bad.json', {
    kttm1: [{ type: 'loadForever' }, { type: 'dropByPeriod', period: 'P1X' }],
    social_media: [{ type: 'keepForever' }],
  });
  const alert = page.getByRole('alert').filter({ hasText: 'bad.json was refused; nothing will be applied.' });
  const problems = alert.getByRole('list', { name: 'Problems in the file' });
  await expect(problems.getByRole('listitem')).toHaveText([
    'kttm1, rule 2 (dropByPeriod): period "P1X" is not a valid ISO-8601 period',
    /^social_media, rule 1: unknown type "keepForever"/,
  ]);
  await expect(page.getByRole('button', { name: /^Apply/ })).toHaveCount(0);
  expect(await (await request.get(RULES)).json()).toEqual(before);
});
