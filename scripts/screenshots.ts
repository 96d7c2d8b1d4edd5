import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureChromium } from '../e2e/find-chromium.ts';
import { startLocalCluster } from '../e2e/local-cluster-process.ts';

/** `npx tsx scripts/screenshots.ts`: the README's screenshots, taken from the demo cluster. */
const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'docs', 'screenshots');
type View = [name: string, path: string, heading: string];
const VIEWS: View[] = [
  ['datasources', '/segments', 'Datasources'],
  ['segments', '/segments/sales_events', 'sales_events'],
  ['kill', '/kill/sales_events?interval=2024-02-01%2F2024-03-01', 'Kill'],
  ['rules', '/rules/kttm1', 'kttm1'],
  ['history', '/history?interval=2023-07-01%2F2023-08-01', 'History'],
];
// Auto-kill needs a cluster started with kill settings; its own cluster, so the other views show the plain demo.
const AUTO_KILL_VIEWS: View[] = [['unused-data', '/unused-data', 'Unused data']];
const AUTO_KILL_ARGS = ['--properties', join(ROOT, 'docs', 'examples', 'auto-kill.properties')];

const browser = await chromium.launch({
  executablePath: await ensureChromium(),
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  mkdirSync(OUT, { recursive: true });
  await shoot([], VIEWS);
  await shoot(AUTO_KILL_ARGS, AUTO_KILL_VIEWS);
} finally {
  await browser.close();
}

async function shoot(clusterArgs: string[], views: View[]): Promise<void> {
  const cluster = await startLocalCluster(clusterArgs);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, colorScheme: 'light' });
    for (const [name, path, heading] of views) {
      await page.goto(`${cluster.baseURL}${path}`);
      await page.getByRole('heading', { level: 1 }).filter({ hasText: heading }).first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(OUT, `${name}.png`) });
      console.log(`docs/screenshots/${name}.png`);
    }
    await page.close();
  } finally {
    await cluster.stop();
  }
}
