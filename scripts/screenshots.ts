import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureChromium } from '../e2e/find-chromium.ts';
import { startLocalCluster } from '../e2e/local-cluster-process.ts';

/** `npx tsx scripts/screenshots.ts`: the README's screenshots, taken from the demo cluster. */
const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'docs', 'screenshots');
const VIEWS: Array<[string, string, string]> = [
  ['datasources', '/segments', 'Datasources'],
  ['segments', '/segments/sales_events', 'sales_events'],
  ['kill', '/kill/sales_events?interval=2024-02-01%2F2024-03-01', 'Kill'],
  ['rules', '/rules/kttm1', 'kttm1'],
  ['history', '/history?interval=2023-07-01%2F2023-08-01', 'History'],
];

const cluster = await startLocalCluster();
const browser = await chromium.launch({
  executablePath: await ensureChromium(),
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, colorScheme: 'light' });
  for (const [name, path, heading] of VIEWS) {
    await page.goto(`${cluster.baseURL}${path}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: heading }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  }
} finally {
  await browser.close();
  await cluster.stop();
}
