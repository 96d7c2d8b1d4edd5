import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { type LocalClusterProcess, startLocalCluster } from './local-cluster-process.ts';

// One console started with --config in front of two local clusters, each its own process: "prod" secured and
// labelled production, "staging" open with a datasource of its own.
let prod: LocalClusterProcess;
let staging: LocalClusterProcess;
let consoleServer: LocalClusterProcess;
let configDir: string;

test.beforeAll(async () => {
  [prod, staging] = await Promise.all([
    startLocalCluster(['--auth', 'server/cluster/auth/demo-users.json']),
    startLocalCluster(['--seed', 'none', '--generate', 'staging_only:20']),
  ]);
  configDir = mkdtempSync(join(tmpdir(), 'druid-console-clusters-'));
  const config = join(configDir, 'clusters.json');
  const clusters = [
    { name: 'prod', routerUrl: prod.baseURL, label: 'production', colour: '#b91c1c' },
    { name: 'staging', routerUrl: staging.baseURL, colour: '#2563eb' },
  ];
  writeFileSync(config, JSON.stringify({ clusters }));
  consoleServer = await startLocalCluster(['--config', config], { healthPath: '/console/ready' });
});

test.afterAll(async () => {
  await Promise.all([consoleServer?.stop(), prod?.stop(), staging?.stop()]);
  rmSync(configDir, { recursive: true, force: true });
});

function dataSourceHeader(page: Page, name: string) {
  return page.getByRole('table', { name: 'Datasources' }).getByRole('rowheader', { name, exact: true });
}

test('switches between two clusters keeping the view, each with its own data and credentials', async ({
  page,
  expectAccessible,
}) => {
  const authorizationsToStaging: string[] = [];
  page.on('request', async (request) => {
    if (!new URL(request.url()).pathname.startsWith('/clusters/staging/')) return;
    authorizationsToStaging.push((await request.allHeaders()).authorization ?? 'none');
  });

  // An address without a cluster asks which one, rather than acting on a guess.
  await page.goto(`${consoleServer.baseURL}/segments`);
  await expect(page.getByRole('heading', { name: 'Choose a cluster' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /^prod/ }).click();

  const signIn = page.getByRole('dialog', { name: 'Sign in to Druid' });
  await signIn.getByLabel('User name').fill('admin');
  await signIn.getByLabel('Password').fill('admin');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(dataSourceHeader(page, 'kttm1')).toBeVisible();
  await expect(page).toHaveURL(/\/c\/prod\/segments$/);
  await expect(page.getByText('production · prod')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page);
  }

  await page.getByRole('button', { name: 'Cluster prod (production): switch cluster' }).click();
  await page
    .getByRole('dialog', { name: 'Switch cluster' })
    .getByRole('link', { name: /^staging/ })
    .click();
  await expect(dataSourceHeader(page, 'staging_only')).toBeVisible();
  await expect(page).toHaveURL(/\/c\/staging\/segments$/);
  await expect(dataSourceHeader(page, 'kttm1')).toBeHidden();
  await expect(page.getByText('production · prod')).toBeHidden();
  await expect(signIn).toBeHidden();
  expect(authorizationsToStaging.length).toBeGreaterThan(0);
  expect(new Set(authorizationsToStaging)).toEqual(new Set(['none']));

  // A deeper view keeps its path across a switch; prod's credentials are still there when coming back.
  await page.goto(`${consoleServer.baseURL}/c/staging/rules/staging_only`);
  await page.getByRole('button', { name: 'Cluster staging: switch cluster' }).click();
  await page.getByRole('dialog', { name: 'Switch cluster' }).getByRole('link', { name: /^prod/ }).click();
  await expect(page).toHaveURL(/\/c\/prod\/rules\/staging_only$/);
  await expect(page.getByText('No datasource named staging_only')).toBeVisible();
  await expect(page.getByText('Signed in as')).toContainText('admin');
});

test("copies one datasource's rules from staging to prod, recorded in prod's history with the source named", async ({
  page,
  request,
  expectAccessible,
}) => {
  const rules = [{ type: 'loadForever', tieredReplicants: { _default_tier: 1 } }];
  const seeded = await request.post(`${staging.baseURL}/druid/coordinator/v1/rules/staging_only`, { data: rules });
  expect(seeded.ok()).toBe(true);

  await page.goto(`${consoleServer.baseURL}/c/prod/compare-clusters`);
  const signIn = page.getByRole('dialog', { name: 'Sign in to Druid' });
  await signIn.getByLabel('User name').fill('admin');
  await signIn.getByLabel('Password').fill('admin');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Copy rules to prod', level: 1 })).toBeVisible();
  await page.getByLabel('Rules from cluster').selectOption('staging');
  await expect(page.getByRole('checkbox', { name: 'Apply to staging_only' })).toBeChecked();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Apply 1 selected change…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply the rules of 1 datasource?' });
  await dialog.getByLabel('Comment (why)').fill('tested on staging');
  await dialog.getByRole('button', { name: 'Apply to 1 datasource' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 saved' })).toBeVisible();

  const admin = { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` };
  const history = await request.get(`${prod.baseURL}/druid/coordinator/v1/rules/staging_only/history?count=1`, {
    headers: admin,
  });
  const [entry] = (await history.json()) as Array<{ auditInfo: { author: string; comment: string }; payload: string }>;
  expect(entry?.auditInfo).toMatchObject({
    author: 'admin',
    comment: 'Copied from cluster staging: tested on staging',
  });
  const onStaging = await request.get(`${staging.baseURL}/druid/coordinator/v1/rules/staging_only`);
  expect(JSON.parse(entry?.payload ?? 'null')).toEqual(await onStaging.json());
});

test('unsaved rule edits: a link in this cluster asks in the console, a switch of cluster asks once, in the browser', async ({
  page,
}) => {
  const editRules = async () => {
    await page.goto(`${consoleServer.baseURL}/c/staging/rules/staging_only`);
    await page.getByRole('button', { name: 'Add rule' }).click();
    await expect(page.getByText('Unsaved edits', { exact: true })).toBeVisible();
  };
  await editRules();
  await page.getByRole('navigation').getByRole('link', { name: 'Segments' }).click();
  await page.getByRole('dialog', { name: 'Leave with unsaved edits?' }).getByRole('button', { name: 'Leave' }).click();
  await expect(page).toHaveURL(/\/c\/staging\/segments$/);

  await editRules();
  const prompts: string[] = [];
  page.on('dialog', (dialog) => {
    prompts.push(dialog.type());
    // The first time the operator stays, the second time leaves.
    void (prompts.length === 1 ? dialog.dismiss() : dialog.accept());
  });
  const switcher = page.getByRole('dialog', { name: 'Switch cluster' });
  await page.getByRole('button', { name: 'Cluster staging: switch cluster' }).click();
  await switcher.getByRole('link', { name: /^prod/ }).click();
  await expect.poll(() => prompts).toEqual(['beforeunload']);
  await expect(page).toHaveURL(/\/c\/staging\/rules\/staging_only$/);
  await expect(page.getByRole('dialog', { name: 'Leave with unsaved edits?' })).toBeHidden();

  // Still there with the edits: the switcher stays open for another choice.
  await switcher.getByRole('link', { name: /^prod/ }).click();
  await expect(page).toHaveURL(/\/c\/prod\/rules\/staging_only$/);
  expect(prompts).toEqual(['beforeunload', 'beforeunload']);
});
