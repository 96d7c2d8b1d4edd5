import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureChromium } from '../e2e/find-chromium.ts';
import { startLocalCluster } from '../e2e/local-cluster-process.ts';
import { buildConsole, isBuildStale } from '../scripts/build-freshness.ts';
import { initialJsGzipKb } from './bundle-size.ts';
import { benchCluster } from './cluster-bench.ts';
import { reportResults } from './report.ts';
import { runScaleBench } from './scale-run.ts';
import { settleStore } from './settle-store.ts';
import { TARGETS } from './targets.ts';
import { benchUi } from './ui-bench.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const DATASOURCE = 'bench_200k';
const SEGMENTS = 200_000;

/**
 * `npm run bench`: 200k segments in one datasource, every figure next to the floor of the same work.
 * `npm run bench -- --scale`: a 10,000-datasource fleet and a 2M-segment datasource (bench/scale-run.ts).
 */
async function main(): Promise<void> {
  if (isBuildStale(ROOT)) buildConsole(ROOT);
  const executablePath = await ensureChromium();
  if (process.argv.includes('--scale')) return runScaleBench(executablePath, process.argv.slice(2));
  const startedAt = performance.now();
  const cluster = await startLocalCluster(['--seed', 'none', '--generate', `${DATASOURCE}:${SEGMENTS}`]);
  const startupMs = Math.round(performance.now() - startedAt);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
  });
  const results: Record<string, number | string | null> = {};
  try {
    results.cluster_start_with_200k_ms = startupMs;
    Object.assign(results, await benchCluster(cluster.baseURL, DATASOURCE));
    results.initial_js_gzip_kb = initialJsGzipKb(join(ROOT, 'dist'));
    Object.assign(results, await benchUi(browser, cluster.baseURL, DATASOURCE, () => settleStore(cluster.dataDir)));
  } finally {
    await browser.close();
    await cluster.stop();
  }
  reportResults(join(ROOT, 'bench', 'results.json'), results, TARGETS, { segments: SEGMENTS });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
