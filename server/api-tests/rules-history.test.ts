import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { call, getJson } from './api-helpers.ts';

// GET /rules/history and /rules/:ds/history: interval (oldest first), count (newest first), default week (§5.1).
const RULES = '/druid/coordinator/v1/rules';
const DAY = 86_400_000;
const NOW = Date.parse('2024-06-15T12:00:00.000Z');

let cluster: TestCluster;
/** The cluster's clock; each rule change below happens at a chosen time. */
let clock = NOW;

interface AuditEntry {
  key: string;
  type: string;
  auditInfo: { author: string; comment: string; ip: string };
  payload: string;
  auditTime: string;
}

async function postRulesAt(time: number, dataSource: string, comment: string) {
  clock = time;
  const response = await call(cluster, 'POST', `${RULES}/${dataSource}`, {
    body: [{ type: 'dropForever' }],
    headers: { 'X-Druid-Author': 'tester', 'X-Druid-Comment': comment },
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  cluster = await startTestCluster({ now: () => clock });
  await postRulesAt(NOW - 8 * DAY, 'wikipedia_hour', 'eight days ago');
  await postRulesAt(NOW - 7 * DAY, 'kttm1', 'exactly one week ago');
  await postRulesAt(NOW - 6 * DAY, 'wikipedia_hour', 'six days ago');
  await postRulesAt(NOW - 3_600_000, 'kttm1', 'an hour ago');
  clock = NOW;
});
afterAll(() => cluster.stop());

const comments = (entries: AuditEntry[]) => entries.map((entry) => entry.auditInfo.comment);
const history = (query: string, dataSource?: string) =>
  getJson<AuditEntry[]>(cluster, `${RULES}${dataSource ? `/${dataSource}` : ''}/history${query}`);

describe('default window: the last week, oldest first, both ends inclusive', () => {
  it('for all datasources', async () => {
    expect(comments(await history(''))).toEqual(['exactly one week ago', 'six days ago', 'an hour ago']);
  });

  it('for one datasource', async () => {
    expect(comments(await history('', 'wikipedia_hour'))).toEqual(['six days ago']);
  });

  it('moves with the clock', async () => {
    clock = NOW + 2 * DAY;
    expect(comments(await history(''))).toEqual(['an hour ago']);
    clock = NOW;
  });
});

describe('?interval', () => {
  it('gives the docs sample: 8 entries of 2023-07-13…19, oldest first', async () => {
    const entries = await history('?interval=2023-07-13%2F2023-07-19');
    expect(entries.map((entry) => entry.auditTime)).toEqual([
      '2023-07-13T18:05:33.066Z',
      '2023-07-18T18:10:21.203Z',
      '2023-07-18T18:10:44.519Z',
      '2023-07-18T18:11:02.110Z',
      '2023-07-18T18:32:50.060Z',
      '2023-07-18T18:34:09.657Z',
      '2023-07-18T18:38:37.223Z',
      '2023-07-18T18:49:43.964Z',
    ]);
    expect(entries[0]).toMatchObject({
      key: 'social_media',
      type: 'rules',
      auditInfo: { author: 'console', comment: 'test', ip: '127.0.0.1' },
      payload: '[{"interval":"2023-01-01T00:00:00.000Z/2023-02-01T00:00:00.000Z","type":"dropByInterval"}]',
    });
  });

  it('includes both ends', async () => {
    const entries = await history('?interval=2023-07-18T18:10:21.203Z/2023-07-18T18:11:02.110Z');
    expect(entries).toHaveLength(3);
  });

  it('filters by datasource', async () => {
    const entries = await history('?interval=2023-07-01/2023-08-01', 'social_media');
    expect(entries).toHaveLength(6);
    expect(entries.every((entry) => entry.key === 'social_media')).toBe(true);
    expect(comments(await history('?interval=2023-07-01/2023-08-01', 'kttm1'))).toEqual(['submitted via api']);
  });

  it('wins over count', async () => {
    expect(await history('?interval=2023-07-13/2023-07-19&count=2')).toHaveLength(8);
  });

  it('is not read with `_` in place of `/`; a bad one is an HTML 500', async () => {
    const response = await call(cluster, 'GET', `${RULES}/history?interval=2023-07-13_2023-07-19`);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.text).toMatch(/Bad interval\[2023-07-13_2023-07-19\]: \[Format requires a .*separator/);
    const reversed = await call(cluster, 'GET', `${RULES}/history?interval=2023-07-19/2023-07-13`);
    expect(reversed.status).toBe(500);
  });
});

describe('?count', () => {
  it('gives the last n entries, newest first', async () => {
    expect(comments(await history('?count=3'))).toEqual(['an hour ago', 'six days ago', 'exactly one week ago']);
    expect(comments(await history('?count=2', 'kttm1'))).toEqual(['an hour ago', 'exactly one week ago']);
  });

  it('has no upper bound', async () => {
    // 9 seeded entries plus the 4 above.
    expect(await history('?count=1000000')).toHaveLength(13);
  });

  it.each(['0', '-1'])('count=%s: 400 {"error":"Limit must be greater than zero!"}', async (count) => {
    const response = await call(cluster, 'GET', `${RULES}/history?count=${count}`);
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error: 'Limit must be greater than zero!' });
    const perDataSource = await call(cluster, 'GET', `${RULES}/kttm1/history?count=${count}`);
    expect(perDataSource.status).toBe(400);
  });

  it('a count that is not an integer fails JAX-RS conversion: 404', async () => {
    expect((await call(cluster, 'GET', `${RULES}/history?count=ten`)).status).toBe(404);
  });
});
