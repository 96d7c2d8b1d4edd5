import { expect, test } from './fixtures.ts';
import { type LocalClusterProcess, startLocalCluster } from './local-cluster-process.ts';
import { RulesPage } from './pages/rules-page.ts';

// A console started with --router in front of a second local cluster running in --auth mode: the same process
// layout as a console in front of a secured production Router.
const AUTH_FILE = 'server/cluster/auth/demo-users.json';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

let router: LocalClusterProcess;
let consoleServer: LocalClusterProcess;

test.beforeAll(async () => {
  router = await startLocalCluster(['--auth', AUTH_FILE]);
  consoleServer = await startLocalCluster(['--router', router.baseURL]);
});

test.afterAll(async () => {
  await consoleServer?.stop();
  await router?.stop();
});

test('the proxy forwards Druid calls with their credentials and passes 401 and 403 through', async ({ request }) => {
  const url = (path: string) => `${consoleServer.baseURL}${path}`;
  const anonymous = await request.get(url('/druid/coordinator/v1/rules'));
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()['www-authenticate']).toContain('Basic');

  const read = await request.get(url('/druid/coordinator/v1/rules/kttm1'), {
    headers: { Authorization: basic('reader', 'reader') },
  });
  expect(read.status()).toBe(200);
  expect(await read.json()).toContainEqual({ type: 'broadcastForever' });

  const refused = await request.post(url('/druid/coordinator/v1/rules/kttm1'), {
    headers: { Authorization: basic('reader', 'reader'), 'Content-Type': 'application/json' },
    data: [{ type: 'loadForever', tieredReplicants: { _default_tier: 1 } }],
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toHaveProperty('Access-Check-Result');

  // Only the Druid API is forwarded: the local-only controls and path tricks stop at the console's server.
  expect((await request.post(url('/local-cluster/coordinator/run'))).status()).toBe(404);
  expect((await request.get(url('/druid/coordinator/v1/%2e%2e/%2e%2e/status/properties'))).status()).toBe(404);
});

test('an operator signs in, reads, and the console keeps credentials out of localStorage', async ({ page }) => {
  await page.goto(`${consoleServer.baseURL}/cluster`);
  const dialog = page.getByRole('dialog', { name: 'Sign in to Druid' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('User name').fill('reader');
  await dialog.getByLabel('Password').fill('wrong');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByText('Druid did not accept these credentials')).toBeVisible();

  await dialog.getByLabel('Password').fill('reader');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('druid-version')).toHaveText('33.0.0-local');
  await expect(page.getByText('Druid Router')).toBeVisible();
  await expect(page.getByText('Signed in as')).toContainText('reader');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('reader');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.reload();
  await expect(page.getByRole('dialog', { name: 'Sign in to Druid' })).toBeVisible();
});

test('a reader is refused a rule change with a clear message; an admin saves as the audit author', async ({
  page,
  request,
}) => {
  const signIn = async (user: string, password: string) => {
    const dialog = page.getByRole('dialog', { name: 'Sign in to Druid' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('User name').fill(user);
    await dialog.getByLabel('Password').fill(password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await expect(dialog).toBeHidden();
  };
  await page.goto(`${consoleServer.baseURL}/rules/wikipedia_api`);
  await signIn('reader', 'reader');
  const rules = new RulesPage(page);
  await expect(rules.jsonTab).toBeVisible();
  await rules.addRule('Drop forever');
  await rules.save('readers cannot do this');
  await expect(rules.saveDialog.getByRole('alert')).toContainText('You may read but not change wikipedia_api');
  await rules.saveDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('You may read but not change these rules')).toBeVisible();
  await expect(rules.saveButton).toBeDisabled();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.reload();
  await signIn('admin', 'admin');
  // The refused edits were kept as a draft in this browser.
  await page.getByRole('button', { name: 'Restore my edits' }).click();
  await expect(rules.typeSelect(1)).toHaveValue('dropForever');
  await rules.save('admins can');
  await expect(rules.saveDialog).toBeHidden();

  const history = await request.get(`${router.baseURL}/druid/coordinator/v1/rules/wikipedia_api/history?count=1`, {
    headers: { Authorization: basic('admin', 'admin') },
  });
  const [entry] = await history.json();
  expect(entry.auditInfo).toMatchObject({ author: 'admin', identity: 'admin', comment: 'admins can' });
});

test('a reader who tries to change segments learns they may only read, and the write actions turn off', async ({
  page,
}) => {
  await page.goto(`${consoleServer.baseURL}/segments/wikipedia_api`);
  const dialog = page.getByRole('dialog', { name: 'Sign in to Druid' });
  await dialog.getByLabel('User name').fill('reader');
  await dialog.getByLabel('Password').fill('reader');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  const table = page.getByRole('table', { name: 'Segments of wikipedia_api' });
  const firstToggle = table.getByRole('button', { name: 'Mark unused' }).first();
  await firstToggle.click();
  await expect(page.getByText('You may read but not change wikipedia_api').first()).toBeVisible();
  await expect(firstToggle).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Actions for wikipedia_api' })).toBeDisabled();
});

test('a listing refused while the operator was signing in is sent again with the new credentials', async ({ page }) => {
  // Hold the first, unauthenticated used listing until the operator has signed in; Druid then refuses it with 401.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/metadata/datasources/*/segments?full', async (route) => {
    if (!route.request().headers().authorization) await held;
    await route.continue();
  });
  await page.goto(`${consoleServer.baseURL}/segments/wikipedia_api`);
  const dialog = page.getByRole('dialog', { name: 'Sign in to Druid' });
  await dialog.getByLabel('User name').fill('reader');
  await dialog.getByLabel('Password').fill('reader');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  release();
  const table = page.getByRole('table', { name: 'Segments of wikipedia_api' });
  await expect(table.getByRole('button', { name: 'Mark unused' }).first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(dialog).toBeHidden();
});
