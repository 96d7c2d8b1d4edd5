import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { startLocalCluster } from '../e2e/local-cluster-process.ts';
import { childTreesRssMb, processTreeRssMb } from './process-memory.ts';
import { reportResults } from './report.ts';
import { benchBigUi } from './scale-big-ui.ts';
import { benchBigCluster, benchFleetCluster } from './scale-cluster.ts';
import { benchFleetUi } from './scale-fleet-ui.ts';
import { SCALE_TARGETS } from './scale-targets.ts';

const ROOT = new URL('..', import.meta.url).pathname;
// The sizes; `--fleet COUNT:SEGMENTS` and `--big SEGMENTS` shrink them for a quick try of the harness.
const FLEET = { count: 10_000, segments: 300 };
const BIG = { name: 'big_2m', segments: 2_000_000 };
type Results = Record<string, number | string | null>;

/** Starts a local cluster that generates its data, and times how long generating (and start-up) took. */
async function generated(args: string[]) {
  const started = performance.now();
  const cluster = await startLocalCluster(['--seed', 'none', ...args], { healthTimeoutMs: 600_000 });
  return { cluster, seconds: (performance.now() - started) / 1000 };
}

async function fleetFigures(browser: Browser, results: Results): Promise<number> {
  const { cluster, seconds } = await generated(['--generate-fleet', `${FLEET.count}:${FLEET.segments}`]);
  try {
    results.fleet_datasources = FLEET.count;
    results.fleet_segments = FLEET.count * FLEET.segments;
    results.fleet_generate_s = Math.round(seconds * 10) / 10;
    Object.assign(results, await benchFleetCluster(cluster.baseURL, cluster.pid, 'fleet_00042'));
    Object.assign(results, await benchFleetUi(browser, cluster.baseURL));
  } finally {
    await cluster.stop();
  }
  return seconds;
}

async function bigFigures(browser: Browser, results: Results): Promise<number> {
  const { cluster, seconds } = await generated(['--generate', `${BIG.name}:${BIG.segments}`]);
  try {
    results.big_generate_s = Math.round(seconds * 10) / 10;
    Object.assign(results, await benchBigCluster(cluster.baseURL, cluster.dataDir, BIG.name));
    Object.assign(results, await benchBigUi(browser, cluster.baseURL, BIG.name, cluster.dataDir, cluster.pid));
    results.big_cluster_rss_mb = processTreeRssMb(cluster.pid);
  } finally {
    await cluster.stop();
  }
  return seconds;
}

/** `npm run bench -- --scale`: a 10,000 × 300 fleet, then one datasource of 2M segments, each in its own cluster. */
export async function runScaleBench(executablePath: string, argv: string[]): Promise<void> {
  const flag = (name: string) => argv[argv.indexOf(name) + 1];
  if (argv.includes('--fleet')) {
    const [count, segments] = (flag('--fleet') ?? '').split(':').map(Number);
    Object.assign(FLEET, { count, segments });
  }
  if (argv.includes('--big')) BIG.segments = Number(flag('--big'));
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
  });
  const results: Results = {};
  try {
    // The floor of the browser's memory: the same process tree with one blank page.
    const blank = await browser.newPage();
    await blank.goto('about:blank');
    results.browser_idle_process_tree_mb = childTreesRssMb(process.pid);
    await blank.close();
    const fleetSeconds = await fleetFigures(browser, results);
    const bigSeconds = await bigFigures(browser, results);
    // Start-up included: what an operator waits for after `npm start -- --generate…`.
    results.generate_segments_per_s = Math.round(
      (FLEET.count * FLEET.segments + BIG.segments) / (fleetSeconds + bigSeconds),
    );
  } finally {
    await browser.close();
  }
  reportResults(join(ROOT, 'bench', 'scale-results.json'), results, SCALE_TARGETS);
}
