import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import {
  COORDINATOR,
  call,
  changed,
  dailyId,
  OVERLORD,
  SALES_V1,
  SALES_V2,
  sorted,
  unusedIds,
  usedIds,
  WIKI_VERSION,
  wikiHourId,
} from './api-helpers.ts';

// markUnused / markUsed with an interval or segment IDs (druid-api.md §2.3 c, d). Starting a cluster costs a second
// or two (deep-storage files), so each block shares one and every test works on its own hours or days.
let cluster: TestCluster;
const post = (path: string, body: unknown) => call(cluster, 'POST', path, { body });
const hours = (from: number, to: number) =>
  `2015-09-12T${String(from).padStart(2, '0')}:00:00.000Z/${to === 24 ? '2015-09-13T00' : `2015-09-12T${String(to).padStart(2, '0')}`}:00:00.000Z`;
/** Unused wikipedia_hour segments fully inside hours [from, to). */
const unusedIn = (from: number, to: number) => unusedIds(cluster, 'wikipedia_hour', `?interval=${hours(from, to)}`);

describe.each([
  ['Coordinator', COORDINATOR],
  ['Overlord', OVERLORD],
])('%s path', (_name, base) => {
  beforeAll(async () => {
    cluster = await startTestCluster();
  });
  afterAll(() => cluster.stop());

  it('markUnused by interval changes only the segments fully inside it', async () => {
    const response = await post(`${base}/wikipedia_hour/markUnused`, {
      interval: '2015-09-12T03:30:00.000Z/2015-09-12T06:00:00.000Z',
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(changed(2));
    expect(sorted(await unusedIn(0, 24))).toEqual([wikiHourId(4), wikiHourId(5)]);
    expect(await usedIds(cluster, 'wikipedia_hour')).toContain(wikiHourId(3));
  });

  it('markUsed by interval brings back only the unused segments fully inside it', async () => {
    expect((await post(`${base}/wikipedia_hour/markUnused`, { interval: hours(8, 12) })).json()).toEqual(changed(4));
    const response = await post(`${base}/wikipedia_hour/markUsed`, {
      interval: '2015-09-12T08:30:00.000Z/2015-09-12T12:00:00.000Z',
    });
    expect(response.json()).toEqual(changed(3));
    expect(await unusedIn(8, 12)).toEqual([wikiHourId(8)]);
  });

  it('filters by exact versions; an empty versions list matches nothing', async () => {
    const day = '2015-09-12/2015-09-13';
    const mark = async (action: string, body: unknown) => (await post(`${base}/wikipedia_hour/${action}`, body)).json();
    expect(await mark('markUnused', { interval: day, versions: [] })).toEqual(changed(0));
    expect(await mark('markUnused', { interval: day, versions: ['2023'] })).toEqual(changed(0));
    expect(await mark('markUnused', { interval: hours(12, 18), versions: [WIKI_VERSION] })).toEqual(changed(6));
    expect(await mark('markUsed', { interval: day, versions: [] })).toEqual(changed(0));
    expect(await mark('markUsed', { interval: day, versions: ['x'] })).toEqual(changed(0));
    expect(await mark('markUsed', { interval: hours(12, 18), versions: [WIKI_VERSION] })).toEqual(changed(6));
  });

  it('markUnused by IDs ignores IDs that do not parse or belong to another datasource', async () => {
    const response = await post(`${base}/wikipedia_hour/markUnused`, {
      segmentIds: [
        wikiHourId(19),
        'garbage',
        wikiHourId(20),
        wikiHourId(20),
        dailyId('wikipedia_api', '2016-06-27', '2023-07-01T00:00:00.000Z'),
        dailyId('wikipedia_hour', '1999-01-01', WIKI_VERSION),
      ],
    });
    expect(response.json()).toEqual(changed(2));
    expect(sorted(await unusedIn(19, 21))).toEqual([wikiHourId(19), wikiHourId(20)]);
    expect(await usedIds(cluster, 'wikipedia_api')).toHaveLength(7);
  });

  it('markUsed by IDs brings back unused IDs and does not count used ones', async () => {
    await post(`${base}/wikipedia_hour/markUnused`, { segmentIds: [wikiHourId(21)] });
    const response = await post(`${base}/wikipedia_hour/markUsed`, { segmentIds: [wikiHourId(21), wikiHourId(22)] });
    expect(response.json()).toEqual(changed(1));
    expect(await unusedIn(21, 23)).toEqual([]);
  });

  it('markUsed by IDs answers a 400 ErrorResponse for an unparseable ID and changes nothing', async () => {
    await post(`${base}/wikipedia_hour/markUnused`, { segmentIds: [wikiHourId(22)] });
    const response = await post(`${base}/wikipedia_hour/markUsed`, { segmentIds: [wikiHourId(22), 'garbage'] });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.json()).toEqual({
      error: 'druidException',
      errorCode: 'invalidInput',
      persona: 'USER',
      category: 'INVALID_INPUT',
      errorMessage: 'Could not parse invalid segment IDs[[garbage]]',
      context: {},
    });
    expect(await unusedIn(22, 23)).toEqual([wikiHourId(22)]);
  });

  it('markUsed by IDs answers a 400 ErrorResponse for IDs missing from the metadata store', async () => {
    await post(`${base}/wikipedia_hour/markUnused`, { segmentIds: [wikiHourId(23)] });
    const missing = dailyId('wikipedia_hour', '1999-01-01', WIKI_VERSION);
    const response = await post(`${base}/wikipedia_hour/markUsed`, { segmentIds: [wikiHourId(23), missing] });
    expect(response.status).toBe(400);
    expect(response.json<{ errorMessage: string }>().errorMessage).toBe(
      `Could not find segment IDs[[${missing}]] for datasource[wikipedia_hour]`,
    );
    expect(await unusedIn(23, 24)).toEqual([wikiHourId(23)]);
  });

  it('markUsed by IDs refuses an ID of another datasource as unparseable', async () => {
    const other = dailyId('wikipedia_api', '2016-06-27', '2023-07-01T00:00:00.000Z');
    const response = await post(`${base}/wikipedia_hour/markUsed`, { segmentIds: [other] });
    expect(response.status).toBe(400);
    expect(response.json<{ errorMessage: string }>().errorMessage).toBe(
      `Could not parse invalid segment IDs[[${other}]]`,
    );
  });
});

describe('a datasource the metadata store has never seen', () => {
  beforeAll(async () => {
    cluster = await startTestCluster();
  });
  afterAll(() => cluster.stop());

  const bodies = [{ interval: '2015/2016' }, { segmentIds: [dailyId('nowhere', '2015-01-01', 'v')] }];

  it.each(['markUnused', 'markUsed'])('%s on the Coordinator path answers 204 with an empty body', async (action) => {
    for (const body of bodies) {
      const response = await post(`${COORDINATOR}/nowhere/${action}`, body);
      expect(response.status).toBe(204);
      expect(response.text).toBe('');
    }
  });

  it.each(['markUnused', 'markUsed'])('%s on the Overlord path answers 200 with no change', async (action) => {
    const response = await post(`${OVERLORD}/nowhere/${action}`, { interval: '2015/2016' });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual(changed(0));
  });
});

// In order: the first test needs January untouched.
describe('overshadowed segments (sales_events: v2 covers January, v1 is older)', () => {
  beforeAll(async () => {
    cluster = await startTestCluster();
  });
  afterAll(() => cluster.stop());

  const january = '2024-01-01T00:00:00.000Z/2024-02-01T00:00:00.000Z';

  it('markUsed by interval never revives an overshadowed segment', async () => {
    expect((await post(`${OVERLORD}/sales_events/markUsed`, { interval: january })).json()).toEqual(changed(0));
    expect(
      (await post(`${OVERLORD}/sales_events/markUsed`, { interval: january, versions: [SALES_V1] })).json(),
    ).toEqual(changed(0));
    expect(await unusedIds(cluster, 'sales_events', `?interval=${january}`)).toHaveLength(92);
  });

  it('markUsed by IDs does not revive an overshadowed segment either', async () => {
    const ids = [0, 1, 2].map((p) => dailyId('sales_events', '2024-01-02', SALES_V1, p));
    expect((await post(`${OVERLORD}/sales_events/markUsed`, { segmentIds: ids })).json()).toEqual(changed(0));
  });

  it('among several unused versions only the newest comes back', async () => {
    const v2 = dailyId('sales_events', '2024-01-05', SALES_V2);
    await post(`${OVERLORD}/sales_events/markUnused`, { segmentIds: [v2] });
    const response = await post(`${OVERLORD}/sales_events/markUsed`, { interval: '2024-01-05/2024-01-06' });
    expect(response.json()).toEqual(changed(1));
    expect((await usedIds(cluster, 'sales_events')).filter((id) => id.startsWith('sales_events_2024-01-05T'))).toEqual([
      v2,
    ]);
  });

  it('an older version comes back once the newer one is unused and not a candidate', async () => {
    await post(`${OVERLORD}/sales_events/markUnused`, {
      segmentIds: [dailyId('sales_events', '2024-01-06', SALES_V2)],
    });
    const ids = [0, 1, 2].map((p) => dailyId('sales_events', '2024-01-06', SALES_V1, p));
    expect((await post(`${OVERLORD}/sales_events/markUsed`, { segmentIds: ids })).json()).toEqual(changed(3));
  });

  it('February, which nothing overshadows, comes back by interval', async () => {
    const response = await post(`${COORDINATOR}/sales_events/markUsed`, { interval: '2024-02-01/2024-03-01' });
    expect(response.json()).toEqual(changed(30));
  });
});
