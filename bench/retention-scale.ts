/**
 * Effective retention over a big datasource: `benchBigRetention` for the scale bench, or on its own
 * `npx tsx bench/retention-scale.ts [--segments 2000000]` (generates that many segments with `--generate`), or
 * `… --url http://127.0.0.1:8888 --datasource NAME` against a cluster already running.
 *
 * The preview reads the interval summaries (`intervals?simple`), so its work grows with the distinct intervals of the
 * served segments, not with the segments: both counts are reported next to the figures.
 */
import { parseArgs } from 'node:util';
import { type Browser, chromium } from '@playwright/test';
import { ensureChromium } from '../e2e/find-chromium.ts';
import { startLocalCluster } from '../e2e/local-cluster-process.ts';
import { buildConsole, isBuildStale } from '../scripts/build-freshness.ts';
import { round } from './cluster-bench.ts';
import { measureRetentionEdits } from './retention-bench.ts';
import { distinctIntervals, summaryColumns, timeEvaluation } from './retention-compute.ts';
import { median } from './stats.ts';

const ROOT = new URL('..', import.meta.url).pathname;

/** Served segments and distinct intervals of `ds` (what the preview evaluates), and their evaluation in Node. */
async function servedShape(baseUrl: string, ds: string) {
  const path = `/druid/coordinator/v1/datasources/${encodeURIComponent(ds)}/intervals?simple`;
  const text = await (await fetch(`${baseUrl}${path}`)).text();
  const columns = summaryColumns(text ? JSON.parse(text) : {});
  let segments = 0;
  for (const count of columns.count) segments += count;
  return {
    segments,
    intervals: columns.start.length,
    responseMb: round(text.length / 2 ** 20),
    compute: timeEvaluation(columns),
  };
}

/**
 * Opens the rules editor of `ds` (20 rules saved), then times five edits until the preview shows their figures,
 * with the longest main-thread task meanwhile; also the longest task while the page loaded its first preview.
 * The datasource's own rules are put back afterwards, so a later coordinator run drops nothing because of them.
 */
export async function benchBigRetention(browser: Browser, baseUrl: string, ds: string) {
  const rulesUrl = `${baseUrl}/druid/coordinator/v1/rules/${encodeURIComponent(ds)}`;
  const ownRules = (await (await fetch(rulesUrl)).json()) as unknown[];
  const shape = await servedShape(baseUrl, ds);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, baseURL: baseUrl });
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  // Long tasks from the navigation on, so the first load's parsing is seen too.
  await context.addInitScript(() => {
    const w = window as unknown as { __loadLongest: number };
    w.__loadLongest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__loadLongest = Math.max(w.__loadLongest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  try {
    const started = performance.now();
    const { times, blocks, evaluations, firstPreviewMs, loadLongest } = await measureRetentionEdits(
      page,
      baseUrl,
      ds,
      5,
    );
    console.info(
      `effective retention: ${shape.segments} served segments in ${shape.intervals} intervals; edits ${times
        .map((ms) => ms.toFixed(0))
        .join(
          ', ',
        )} ms; longest tasks ${blocks.map((ms) => ms.toFixed(0)).join(', ')} ms; evaluations ${evaluations.map((ms) => ms.toFixed(1)).join(', ')} ms; first preview ${firstPreviewMs.toFixed(0)} ms (${((performance.now() - started) / 1000).toFixed(1)} s in all)`,
    );
    return {
      big_effective_retention_ms: round(median(times)),
      big_effective_retention_best_ms: round(Math.min(...times)),
      big_effective_retention_longest_block_ms: round(Math.max(...blocks)),
      big_effective_retention_evaluation_ms: round(median(evaluations)),
      big_retention_first_preview_ms: round(firstPreviewMs),
      big_retention_load_longest_block_ms: round(loadLongest),
      big_retention_served_segments: shape.segments,
      big_retention_intervals: shape.intervals,
      big_retention_intervals_response_mb: shape.responseMb,
      big_retention_compute_ms: shape.compute.median,
      // The worst case summaries can meet: 2M segments, each in an interval of its own.
      retention_2m_distinct_intervals_compute_ms: timeEvaluation(distinctIntervals(2_000_000)).median,
    };
  } finally {
    await context.close();
    await fetch(rulesUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Druid-Author': 'bench', 'X-Druid-Comment': 'rules put back' },
      body: JSON.stringify(ownRules),
    });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      segments: { type: 'string', default: '2000000' },
      url: { type: 'string' },
      datasource: { type: 'string', default: 'retention_big' },
    },
  });
  const segments = Number(values.segments);
  if (!Number.isInteger(segments) || segments <= 0) throw new Error('--segments must be a positive integer');
  if (isBuildStale(ROOT)) buildConsole(ROOT);
  const executablePath = await ensureChromium();
  const ds = values.datasource;
  const cluster = values.url
    ? { baseURL: values.url, stop: async () => {} }
    : await startLocalCluster(['--seed', 'none', '--generate', `${ds}:${segments}`]);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    console.log(JSON.stringify(await benchBigRetention(browser, cluster.baseURL, ds), null, 2));
  } finally {
    await browser.close();
    await cluster.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
