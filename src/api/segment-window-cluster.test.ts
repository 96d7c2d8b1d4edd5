/**
 * Windows and predicate counts against the real local cluster over HTTP: a window must hold exactly what the full
 * load holds in that time (states included), and a count must be exactly what the mark then changes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ETERNITY, formatInterval, type Interval, overlaps } from '../druid/interval.ts';
import { fetchSegmentListing } from './listing-fetch.ts';
import { countMarkUnused, countMarkUsed } from './predicate-count.ts';
import { markSegmentsByPredicate } from './segment-updates.ts';
import { fetchSegmentWindow } from './segment-window.ts';
import { fetchUnusedSegmentPage, type SegmentRecord } from './segments.ts';

interface TestCluster {
  baseUrl: string;
  stop(): Promise<void>;
}
// The local cluster lives in server/, outside this project's types (src never imports server/): loaded at run time.
const TEST_CLUSTER = '../../server/testing/test-cluster.ts';
let cluster: TestCluster;
const realFetch = globalThis.fetch;
beforeAll(async () => {
  const { startTestCluster } = (await import(/* @vite-ignore */ TEST_CLUSTER)) as {
    startTestCluster: () => Promise<TestCluster>;
  };
  cluster = await startTestCluster();
});
afterAll(() => cluster.stop());
// The console's requests are relative to its origin: send them to the cluster.
const toCluster = () =>
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => realFetch(`${cluster.baseUrl}${url}`, init));
afterEach(() => vi.unstubAllGlobals());

/** Every segment, used ones with the status Druid itself computes (the one-response listing the console no longer asks). */
async function everything(dataSource: string): Promise<SegmentRecord[]> {
  const query = { includeOvershadowedStatus: true, datasources: dataSource };
  const records = await fetchSegmentListing('used', '/druid/coordinator/v1/metadata/segments', query);
  let after: string | null = null;
  do {
    const page = await fetchUnusedSegmentPage(dataSource, after);
    records.push(...page.records);
    after = page.nextAfter;
  } while (after !== null);
  return records;
}

const at = (text: string) => Date.parse(text);
const summary = (records: readonly SegmentRecord[]) => records.map((r) => `${r.id} ${r.state}`).sort();

describe('a window', () => {
  it.each([
    ['sales_events', at('2024-01-01T00:00:00Z'), at('2024-01-03T00:00:00Z')],
    ['sales_events', at('2024-02-05T00:00:00Z'), at('2024-03-02T00:00:00Z')],
    // Monthly segments cut by the window's edges: they must not be lost by the CONTAINS unused listing.
    ['social_media', at('2020-03-15T00:00:00Z'), at('2021-06-15T00:00:00Z')],
    ['social_media', ETERNITY.start, at('2020-01-15T00:00:00Z')],
  ])('of %s holds what the full load holds there', async (dataSource, start, end) => {
    toCluster();
    const window = { start, end };
    const all = await everything(dataSource);
    const longest = Math.max(...all.map((r) => r.end - r.start));
    const parts: Interval[] = [
      { start, end: start === ETERNITY.start ? end - 1 : start + Math.floor((end - start) / 2) },
    ];
    parts.push({ start: (parts[0] as Interval).end, end });
    const { records } = await fetchSegmentWindow(dataSource, { ...window, parts }, longest);
    const expected = all.filter((record) => overlaps(record, window));
    expect(expected.length).toBeGreaterThan(0);
    expect(summary(records)).toEqual(summary(expected));
  });

  it('ends early where its unused segments pass the cap, holding exactly what is before that end', async () => {
    toCluster();
    const window = { start: at('2024-01-01T00:00:00Z'), end: at('2024-04-01T00:00:00Z') };
    const all = await everything('sales_events');
    const full = await fetchSegmentWindow('sales_events', { ...window, parts: [window] }, 86_400_000);
    const capped = await fetchSegmentWindow('sales_events', { ...window, parts: [window] }, 86_400_000, {
      cap: 10,
      pageSize: 10,
    });
    expect(full.end).toBe(window.end);
    expect(capped.end).toBeGreaterThan(window.start);
    expect(capped.end).toBeLessThan(window.end);
    const expected = all.filter((record) => overlaps(record, { start: window.start, end: capped.end }));
    expect(summary(capped.records)).toEqual(summary(expected));
  });
});

describe('predicate counts', () => {
  it.each([
    ['markUnused', 'sales_events', '2024-01-01T00:00:00.000Z/2024-02-10T00:00:00.000Z', null],
    ['markUnused', 'sales_events', '2024-01-01T00:00:00.000Z/2024-03-10T00:00:00.000Z', ['2024-04-01T00:00:00.000Z']],
    ['markUsed', 'sales_events', '2024-01-01T00:00:00.000Z/2024-02-20T00:00:00.000Z', null],
    ['markUsed', 'social_media', '2020-02-01T00:00:00.000Z/2021-02-01T00:00:00.000Z', ['2023-07-01T00:00:00.000Z']],
  ] as const)('%s of %s %s (versions %j) is what Druid then changes', async (action, dataSource, text, versions) => {
    toCluster();
    const [startText, endText] = text.split('/') as [string, string];
    const interval = { start: at(startText), end: at(endText) };
    const list = versions === null ? null : [...versions];
    const parts = [
      { start: interval.start, end: interval.start + 86_400_000 * 3 },
      { start: interval.start + 86_400_000 * 3, end: interval.end },
    ];
    const count =
      action === 'markUnused'
        ? await countMarkUnused(dataSource, interval, list, parts)
        : await countMarkUsed(dataSource, interval, list);
    expect(count.willChange).toBeGreaterThan(0);
    const result = await markSegmentsByPredicate(
      dataSource,
      { interval: formatInterval(interval), versions: list },
      action === 'markUsed',
    );
    expect(result.changed).toBe(count.willChange);
  });
});
