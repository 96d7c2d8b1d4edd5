import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import {
  COORDINATOR,
  call,
  changed,
  INVALID_PAYLOAD,
  OVERLORD,
  usedIds,
  WIKI_VERSION,
  wikiHourId,
} from './api-helpers.ts';

// Every row of the markUsed/markUnused payload truth table (druid-api.md §2.1), on both endpoints and both paths.
let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster.stop());

// An interval no wikipedia_hour segment lies in, so the valid rows change nothing and the table stays independent.
const EMPTY = '2000-01-01T00:00:00.000Z/2000-01-02T00:00:00.000Z';
const ID = wikiHourId(1);

const invalid: Array<[string, unknown]> = [
  ['nothing', {}],
  ['segmentIds: []', { segmentIds: [] }],
  ['versions only', { versions: ['v1'] }],
  ['versions: [] only', { versions: [] }],
  ['segmentIds with versions', { segmentIds: [ID], versions: [WIKI_VERSION] }],
  ['interval and segmentIds', { interval: EMPTY, segmentIds: [ID] }],
  ['interval, segmentIds and versions', { interval: EMPTY, segmentIds: [ID], versions: [WIKI_VERSION] }],
  ['interval, segmentIds and versions: []', { interval: EMPTY, segmentIds: [ID], versions: [] }],
  ['interval: null and segmentIds: null', { interval: null, segmentIds: null }],
  ['an empty body (null payload)', ''],
  ['the JSON literal null', 'null'],
];

const valid: Array<[string, unknown]> = [
  ['segmentIds', { segmentIds: [ID] }],
  ['segmentIds with versions: []', { segmentIds: [ID], versions: [] }],
  ['interval', { interval: EMPTY }],
  ['interval with segmentIds: []', { interval: EMPTY, segmentIds: [] }],
  ['interval with versions: []', { interval: EMPTY, versions: [] }],
  ['interval with versions', { interval: EMPTY, versions: ['v'] }],
  ['interval with segmentIds: null', { interval: EMPTY, segmentIds: null }],
];

describe.each([
  ['Coordinator', COORDINATOR],
  ['Overlord', OVERLORD],
])('%s path', (_path, base) => {
  describe.each(['markUnused', 'markUsed'])('%s', (action) => {
    it.each(invalid)('rejects %s with 400 and the exact text', async (_label, body) => {
      const response = await call(cluster, 'POST', `${base}/wikipedia_hour/${action}`, { body });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('text/plain');
      expect(response.text).toBe(INVALID_PAYLOAD);
    });

    it.each(valid)('accepts %s', async (_label, body) => {
      const response = await call(cluster, 'POST', `${base}/wikipedia_hour/${action}`, { body });
      expect(response.status).toBe(200);
      // markUsed of an already used segment and markUnused of an interval without segments both change nothing,
      // except markUnused by the ID, which the markUsed-by-ID row then restores.
      const body_ = response.json<{ numChangedSegments: number; segmentStateChanged: boolean }>();
      expect(Object.keys(body_).sort()).toEqual(['numChangedSegments', 'segmentStateChanged']);
      if (
        action === 'markUnused' &&
        typeof body === 'object' &&
        body &&
        'segmentIds' in body &&
        !('interval' in body)
      ) {
        expect([0, 1]).toContain(body_.numChangedSegments);
        await call(cluster, 'POST', `${OVERLORD}/wikipedia_hour/segments/${ID}`);
      } else {
        expect(body_).toEqual(changed(0));
      }
    });
  });
});

it('validates the payload before looking at the datasource', async () => {
  const response = await call(cluster, 'POST', `${COORDINATOR}/nowhere/markUnused`, { body: {} });
  expect(response.status).toBe(400);
  expect(response.text).toBe(INVALID_PAYLOAD);
});

it('rejects a bad interval and fields of the wrong type with a 400 JSON error, changing nothing', async () => {
  for (const body of [
    { interval: '2015-09-13/2015-09-12' },
    { interval: 'yesterday' },
    // Jackson reads the field with Intervals.of, which knows no `_` separator (unlike the path forms).
    { interval: '2015-09-12_2015-09-13' },
    { interval: 42 },
    { segmentIds: 'one' },
    { interval: EMPTY, versions: 'v' },
  ]) {
    const response = await call(cluster, 'POST', `${OVERLORD}/wikipedia_hour/markUnused`, { body });
    expect(response.status, JSON.stringify(body)).toBe(400);
    expect(response.json<{ error: string }>().error).toEqual(expect.any(String));
  }
  const bad = await call(cluster, 'POST', `${OVERLORD}/wikipedia_hour/markUnused`, {
    body: { interval: '2015-09-13/2015-09-12' },
  });
  expect(bad.json<{ error: string }>().error).toBe(
    'Bad interval[2015-09-13/2015-09-12]: [The end instant must be greater than the start instant]',
  );
  expect(await usedIds(cluster, 'wikipedia_hour')).toHaveLength(24);
});

it('rejects malformed JSON with 400', async () => {
  const response = await call(cluster, 'POST', `${OVERLORD}/wikipedia_hour/markUnused`, { body: '{"interval":' });
  expect(response.status).toBe(400);
  expect(await usedIds(cluster, 'wikipedia_hour')).toHaveLength(24);
});
