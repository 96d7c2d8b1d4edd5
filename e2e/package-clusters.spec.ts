import type { Page } from '@playwright/test';
import { type ConsoleProcess, startConsoleProcess } from '../server/testing/console-process.ts';
import { type InstalledPackage, packAndInstall } from '../server/testing/package-install.ts';
import { test as base, expect } from './fixtures.ts';
import { type LocalClusterProcess, startLocalCluster } from './local-cluster-process.ts';
import { HistoryPage } from './pages/history-page.ts';

// Issue 19's "done when": the packed tarball installed into an empty prefix, its bin started with plain Node in front
// of two local clusters, and an operator copying staging's rules to prod in the browser. Packing and installing
// (~30–50 s) overlap the two clusters' start.
let installed: InstalledPackage | undefined;
let staging: LocalClusterProcess | undefined;
let prod: LocalClusterProcess | undefined;
let consoleServer: ConsoleProcess | undefined;

// The page talks to the installed console only: no shared local cluster is started for this file.
const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires object destructuring for fixtures.
  baseURL: async ({}, use) => use(consoleServer?.baseUrl),
});

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // allSettled: whatever started is known to afterAll even when another part fails.
  const started = await Promise.allSettled([
    packAndInstall().then((value) => (installed = value)),
    startLocalCluster(['--seed', 'none', '--generate', 'events:24']).then((value) => (staging = value)),
    startLocalCluster(['--seed', 'none', '--generate', 'events:24', '--generate', 'prod_only:4']).then(
      (value) => (prod = value),
    ),
  ]);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  if (!installed || !staging || !prod) throw new Error('unreachable: every part started');
  consoleServer = await startConsoleProcess(installed.command, [
    '--cluster',
    `staging=${staging.baseURL}`,
    '--cluster',
    `prod=${prod.baseURL}`,
  ]);
});

test.afterAll(async () => {
  if (consoleServer) {
    consoleServer.child.kill('SIGTERM');
    await consoleServer.exited();
  }
  await Promise.all([staging?.stop(), prod?.stop()]);
  installed?.remove();
});

function dataSourceHeader(page: Page, name: string) {
  return page.getByRole('table', { name: 'Datasources' }).getByRole('rowheader', { name, exact: true });
}

async function switchTo(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: `Cluster ${from}: switch cluster` }).click();
  await page
    .getByRole('dialog', { name: 'Switch cluster' })
    .getByRole('link', { name: new RegExp(`^${to}`) })
    .click();
}

test("the installed package serves two clusters: switch between them, copy staging's rules to prod, read prod's history", async ({
  page,
  request,
}) => {
  const rules = [{ type: 'loadForever', tieredReplicants: { _default_tier: 2 } }];
  const seeded = await request.post(`${staging?.baseURL}/druid/coordinator/v1/rules/events`, { data: rules });
  expect(seeded.ok()).toBe(true);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Choose a cluster' })).toBeVisible();
  await page.getByRole('link', { name: /^staging/ }).click();
  await expect(dataSourceHeader(page, 'events')).toBeVisible();
  await expect(page).toHaveURL(/\/c\/staging\//);
  await expect(dataSourceHeader(page, 'prod_only')).toBeHidden();

  await switchTo(page, 'staging', 'prod');
  await expect(dataSourceHeader(page, 'prod_only')).toBeVisible();
  await expect(page).toHaveURL(/\/c\/prod\//);

  await page.getByRole('button', { name: 'Cluster prod: switch cluster' }).click();
  await page.getByRole('link', { name: 'Compare rules and copy them to prod' }).click();
  await expect(page.getByRole('heading', { name: 'Copy rules to prod', level: 1 })).toBeVisible();
  await page.getByLabel('Rules from cluster').selectOption('staging');
  await expect(page.getByRole('checkbox', { name: 'Apply to events' })).toBeChecked();
  await page.getByRole('button', { name: 'Apply 1 selected change…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply the rules of 1 datasource?' });
  await dialog.getByLabel('Comment (why)').fill('two replicas, as on staging');
  await dialog.getByLabel('Your name').fill('Ada');
  await dialog.getByRole('button', { name: 'Apply to 1 datasource' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 saved' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/\/c\/prod\/history/);
  const history = new HistoryPage(page);
  const copy = history.rows().filter({ hasText: 'events' });
  await expect(copy).toHaveCount(1);
  await expect(copy.getByRole('cell')).toContainText([
    'Ada',
    'Copied from cluster staging: two replicas, as on staging',
  ]);
  await copy.getByRole('link').click();
  await expect(
    history.detail.getByRole('list', { name: 'Rules of events in this version' }).getByRole('listitem'),
  ).toHaveText([/loadForever/]);

  // The copy landed on prod only: staging's history of events is the seeding alone.
  await switchTo(page, 'prod', 'staging');
  await expect(page).toHaveURL(/\/c\/staging\/history/);
  await expect(history.rows().filter({ hasText: 'events' })).toHaveCount(1);
  await expect(history.table).not.toContainText('Copied from cluster');
});
