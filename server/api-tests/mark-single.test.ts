import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import {
  COORDINATOR,
  call,
  changed,
  dailyId,
  OVERLORD,
  segmentPath,
  unusedIds,
  usedIds,
  WIKI_VERSION,
  wikiHourId,
} from './api-helpers.ts';

// Single-segment mark endpoints: DELETE = mark unused, POST = mark used (druid-api.md §2.3 a, b).
let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster.stop());

describe.each([
  ['Coordinator', COORDINATOR],
  ['Overlord', OVERLORD],
])('%s path', (_name, base) => {
  // Each path gets its own hour so the two runs do not see each other's changes.
  const hour = base === COORDINATOR ? 16 : 17;

  it('marks a used segment unused once, then reports no change', async () => {
    const id = wikiHourId(hour);
    const first = await call(cluster, 'DELETE', segmentPath(base, 'wikipedia_hour', id));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('application/json');
    expect(first.json()).toEqual(changed(1));
    expect(await unusedIds(cluster, 'wikipedia_hour')).toContain(id);
    expect(await usedIds(cluster, 'wikipedia_hour')).not.toContain(id);

    const again = await call(cluster, 'DELETE', segmentPath(base, 'wikipedia_hour', id));
    expect(again.json()).toEqual(changed(0));
  });

  it('marks it used again once, then reports no change', async () => {
    const id = wikiHourId(hour);
    const first = await call(cluster, 'POST', segmentPath(base, 'wikipedia_hour', id));
    expect(first.status).toBe(200);
    expect(first.json()).toEqual(changed(1));
    expect(await usedIds(cluster, 'wikipedia_hour')).toContain(id);
    expect(await unusedIds(cluster, 'wikipedia_hour')).not.toContain(id);

    const again = await call(cluster, 'POST', segmentPath(base, 'wikipedia_hour', id));
    expect(again.json()).toEqual(changed(0));
  });

  it('answers 200 with no change for a datasource it has never seen', async () => {
    const id = dailyId('nowhere', '2020-01-01', 'v1');
    expect((await call(cluster, 'DELETE', segmentPath(base, 'nowhere', id))).json()).toEqual(changed(0));
    expect((await call(cluster, 'POST', segmentPath(base, 'nowhere', id))).json()).toEqual(changed(0));
  });

  it('answers 200 with no change for a well-formed ID that is not in the metadata store', async () => {
    const id = dailyId('wikipedia_hour', '1999-01-01', WIKI_VERSION);
    expect((await call(cluster, 'DELETE', segmentPath(base, 'wikipedia_hour', id))).json()).toEqual(changed(0));
    expect((await call(cluster, 'POST', segmentPath(base, 'wikipedia_hour', id))).json()).toEqual(changed(0));
  });

  it('never parses the ID when marking one segment used (Druid sets the flag on the raw ID)', async () => {
    const response = await call(cluster, 'POST', segmentPath(base, 'wikipedia_hour', 'not-a-segment-id'));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(changed(0));
  });
});

describe('an ID that does not parse for the datasource', () => {
  const cases = [
    ['garbage', 'not-a-segment-id'],
    ['a date-only interval', 'wikipedia_hour_2015-09-12_2015-09-13_v1'],
    ['start after end', 'wikipedia_hour_2015-09-13T00:00:00.000Z_2015-09-12T00:00:00.000Z_v1'],
    ['an ID of another datasource', dailyId('wikipedia_api', '2016-06-27', '2023-07-01T00:00:00.000Z')],
    ['the datasource name alone', 'wikipedia_hour'],
  ];

  it.each(cases)('%s: the Overlord answers 400 with Druid text', async (_label, id) => {
    const response = await call(cluster, 'DELETE', segmentPath(OVERLORD, 'wikipedia_hour', id));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(response.text).toBe(`Could not parse Segment ID[${id}] for DataSource[wikipedia_hour]`);
  });

  it.each(cases)('%s: the Coordinator answers 200 without change, as documented', async (_label, id) => {
    const response = await call(cluster, 'DELETE', segmentPath(COORDINATOR, 'wikipedia_hour', id));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(changed(0));
  });

  it('leaves every segment used', async () => {
    expect(await usedIds(cluster, 'wikipedia_hour')).toHaveLength(24);
    expect(await usedIds(cluster, 'wikipedia_api')).toHaveLength(7);
  });
});

it('does not touch a segment of another datasource through a datasource whose name prefixes it', async () => {
  // `wikipedia` prefixes `wikipedia_hour`, but `hour` is no timestamp, so the ID does not parse for `wikipedia`.
  const id = wikiHourId(3);
  const overlord = await call(cluster, 'DELETE', segmentPath(OVERLORD, 'wikipedia', id));
  expect(overlord.status).toBe(400);
  const coordinatorUsed = await call(cluster, 'POST', segmentPath(COORDINATOR, 'wikipedia', id));
  expect(coordinatorUsed.json()).toEqual(changed(0));
  expect(await usedIds(cluster, 'wikipedia_hour')).toContain(id);
});
