import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { type LocalClusterProcess, startLocalCluster } from './local-cluster-process.ts';

interface WorkerFixtures {
  /** One local cluster per worker, started on first use, for tests that do not disturb each other. */
  sharedCluster: { get(): Promise<LocalClusterProcess> };
}

interface TestFixtures {
  /** Set `test.use({ isolated: true })` for tests that need a pristine demo cluster of their own. */
  isolated: boolean;
  /** Extra `server/main.ts` flags for an isolated cluster, e.g. `['--properties', file]`. */
  clusterArgs: string[];
  /** The cluster the test's page and `request` talk to. */
  cluster: LocalClusterProcess;
  /** Runs the coordinator duty now instead of waiting for its period. */
  runCoordinator: () => Promise<void>;
  /** Fails the test on any serious or critical accessibility violation of the current page. */
  expectAccessible: (page: Page) => Promise<void>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sharedCluster: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires object destructuring for fixtures.
    async ({}, use) => {
      const state: { started?: Promise<LocalClusterProcess> } = {};
      await use({ get: () => (state.started ??= startLocalCluster()) });
      if (state.started) await (await state.started).stop();
    },
    { scope: 'worker' },
  ],
  isolated: [false, { option: true }],
  clusterArgs: [[], { option: true }],
  cluster: async ({ isolated, clusterArgs, sharedCluster }, use) => {
    if (!isolated) return use(await sharedCluster.get());
    const fresh = await startLocalCluster(clusterArgs);
    await use(fresh);
    await fresh.stop();
  },
  baseURL: async ({ cluster }, use) => use(cluster.baseURL),
  runCoordinator: async ({ request }, use) => {
    await use(async () => {
      const response = await request.post('/local-cluster/coordinator/run');
      expect(response.ok(), await response.text()).toBe(true);
    });
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires object destructuring for fixtures.
  expectAccessible: async ({}, use) => {
    await use(async (page) => {
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
        [],
      );
    });
  },
});

export { expect };
