/**
 * The full load's used listing in parts, against the real local cluster over HTTP: it must hold exactly the used
 * segments, with exactly the overshadowed status, that Druid's one-response `includeOvershadowedStatus` listing does.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchIntervalSummaries } from './interval-summaries.ts';
import { fetchSegmentListing } from './listing-fetch.ts';
import { dataSourceMetadataPath, fetchUsedSegmentRecords, type SegmentRecord } from './segments.ts';
import { fetchUsedInParts } from './used-listing.ts';
import { usedListingParts } from './used-parts.ts';

interface TestCluster {
  baseUrl: string;
  stop(): Promise<void>;
}
// The local cluster lives in server/, outside this project's types (src never imports server/): loaded at run time.
const TEST_CLUSTER = '../../server/testing/test-cluster.ts';
const GENERATED = 'generated_ds';
let cluster: TestCluster;
const realFetch = globalThis.fetch;
beforeAll(async () => {
  const { startTestCluster } = (await import(/* @vite-ignore */ TEST_CLUSTER)) as {
    startTestCluster: (options: { generate: Array<{ dataSource: string; count: number }> }) => Promise<TestCluster>;
  };
  // Realistic segments: several versions, overshadowed ones, hour and day granularities.
  cluster = await startTestCluster({ generate: [{ dataSource: GENERATED, count: 4_000 }] });
}, 60_000);
afterAll(() => cluster.stop());
afterEach(() => vi.unstubAllGlobals());

/** Every request the console sends goes to the cluster; the bodies of POSTs are recorded. */
function toCluster() {
  const bodies: string[] = [];
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    if (init?.method === 'POST') bodies.push(String(init.body));
    return realFetch(`${cluster.baseUrl}${url}`, init);
  });
  return bodies;
}

async function druidsOwn(dataSource: string): Promise<string[]> {
  const query = { includeOvershadowedStatus: true, datasources: dataSource };
  const records = await fetchSegmentListing('used', '/druid/coordinator/v1/metadata/segments', query);
  return states(records);
}

const states = (records: readonly SegmentRecord[]) => records.map((r) => `${r.id} ${r.state}`).sort();

describe('the used listing in parts', () => {
  it.each(['sales_events', 'social_media', 'wikipedia_hour', GENERATED])(
    'of %s holds what Druid’s own listing holds, overshadowed status included',
    async (dataSource) => {
      toCluster();
      const expected = await druidsOwn(dataSource);
      expect(expected.length).toBeGreaterThan(0);
      expect(states(await fetchUsedSegmentRecords(dataSource))).toEqual(expected);
    },
  );

  it('cut into many small parts still holds every segment once, and the parts cover all time', async () => {
    const bodies = toCluster();
    const expected = await druidsOwn(GENERATED);
    expect(expected.some((line) => line.endsWith(' overshadowed'))).toBe(true);
    const { intervals } = await fetchIntervalSummaries(GENERATED);
    const parts = usedListingParts(intervals, 300);
    expect(parts.length).toBeGreaterThan(5);
    const path = `${dataSourceMetadataPath(GENERATED)}/segments`;
    const records = await fetchUsedInParts(path, parts);
    expect(states(records)).toEqual(expected);
    const sent = bodies.flatMap((body) => JSON.parse(body) as string[]);
    expect(sent).toHaveLength(parts.length);
    expect(sent[0]).toMatch(/^-146136543-09-08T08:23:32\.096Z\//);
    expect(sent.at(-1)).toMatch(/\/146140482-04-24T15:36:27\.903Z$/);
  });
});
