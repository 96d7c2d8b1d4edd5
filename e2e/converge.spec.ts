import { expect, test } from './fixtures.ts';
import { ClusterPage } from './pages/cluster-page.ts';
import { RulesPage } from './pages/rules-page.ts';

// Historicals that load and drop 2 segments a second each: moving wikipedia_hour's 24 segments takes 12 s.
test.describe('following a rule change until Druid has applied it', () => {
  test.use({ isolated: true, clusterArgs: ['--load-rate', '2'] });

  test('a move to another tier: pending loads and drops per tier go to zero, followed from any page', async ({
    page,
    runCoordinator,
    expectAccessible,
  }) => {
    test.setTimeout(90_000);
    const cluster = new ClusterPage(page);
    await cluster.goto();
    const hotSegments = await cluster.tierCell('hot', 'Segments');
    await expect(hotSegments).toHaveText(/^\d+$/);
    const hotBefore = Number(await hotSegments.textContent());

    const rules = new RulesPage(page);
    await rules.goto('wikipedia_hour');
    await rules.jsonTab.click();
    await rules.jsonText.fill('[{"type":"loadForever","tieredReplicants":{"hot":1}}]');
    await rules.save('move to the hot tier', 'Ada');
    const progress = page.getByRole('region', { name: 'Applying the saved rules' });
    await expect(progress.getByRole('status')).toHaveText(/^Waiting for the Coordinator/);

    // Leave the page: the header keeps following the change.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Segments' }).click();
    const indicator = page.getByRole('button', { name: '1 rule change converging' });
    await expect(indicator).toBeVisible();
    // A reload keeps following it: the change is in sessionStorage, and the indicator's chunk loads for it.
    await page.reload();
    await expect(indicator).toBeVisible();
    await runCoordinator();
    await indicator.click();
    await expect(page.getByRole('region', { name: 'Rule changes being applied' })).toContainText(
      /Applying: \d+ to load/,
    );

    await nav.getByRole('link', { name: 'Cluster' }).click();
    await expect(cluster.tiers).toBeVisible();
    // The hot historical loads while both default ones drop, until every queue is empty.
    await expect(await cluster.tierCell('hot', 'To load')).not.toHaveText('0');
    // 24 segments at 2 a second: the move takes 12 s, longer than an assertion's default wait.
    await expect(await cluster.tierCell('hot', 'To load')).toHaveText('0', { timeout: 30_000 });
    await expect(await cluster.tierCell('_default_tier', 'To drop')).toHaveText('0');
    await expect(hotSegments).toHaveText(String(hotBefore + 24));
    await expect(cluster.historicalRow('localhost:8483')).toBeVisible();
    await expectAccessible(page);

    await expect(page.getByRole('button', { name: 'Rule change applied' })).toBeVisible();
    await page.getByRole('button', { name: 'Rule change applied' }).click();
    const list = page.getByRole('region', { name: 'Rule changes being applied' });
    await expect(list).toContainText(/Applied in [\d.]+ s/);
    await list.getByRole('link', { name: 'wikipedia_hour' }).click();

    await expect(progress.getByRole('status')).toHaveText(/^Applied in [\d.]+ s: nothing left to load or drop\.$/);
    const hot = progress.getByRole('row', { name: /^hot/ });
    await expect(hot.getByRole('cell').first()).toHaveText('0');
    await expect(hot.getByRole('cell').nth(1)).not.toHaveText('0');
    await expect(
      progress
        .getByRole('row', { name: /^_default_tier/ })
        .getByRole('cell')
        .nth(2),
    ).toHaveText('0');
    await expect(progress.getByRole('progressbar', { name: 'Progress on hot' })).toHaveAttribute('value', '1');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);
  });
});
