import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { call, DONNEES, ds, getJson, METADATA, SALES_V1, type SegmentPlus } from './api-helpers.ts';

// GET /metadata/datasources/:ds/unusedSegments: DataSegmentPlus, keyset paging, validation (druid-api.md §3.2).
let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster.stop());

const base = (dataSource: string) => `${METADATA}/datasources/${ds(dataSource)}/unusedSegments`;
const ids = (rows: SegmentPlus[]) => rows.map((row) => row.dataSegment.identifier);

async function page(query: string): Promise<string[]> {
  return ids(await getJson<SegmentPlus[]>(cluster, `${base('sales_events')}?${query}`));
}

/** Pages through every unused segment of sales_events, `limit` at a time. */
async function pageThrough(limit: number, sortOrder: 'ASC' | 'DESC'): Promise<{ all: string[]; pages: number }> {
  const all: string[] = [];
  let pages = 0;
  for (;;) {
    const last = all.at(-1);
    const query = `limit=${limit}&sortOrder=${sortOrder}${last ? `&lastSegmentId=${encodeURIComponent(last)}` : ''}`;
    const batch = await page(query);
    pages++;
    all.push(...batch);
    if (batch.length < limit) return { all, pages };
  }
}

describe('listing', () => {
  it('gives DataSegmentPlus objects of unused segments only', async () => {
    const rows = await getJson<SegmentPlus[]>(cluster, base('sales_events'));
    expect(rows).toHaveLength(122);
    expect(rows.every((row) => row.used === false)).toBe(true);
    expect(rows[0]).toEqual({
      dataSegment: expect.objectContaining({ dataSource: 'sales_events', version: SALES_V1 }),
      createdDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      usedStatusLastUpdatedDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      used: false,
    });
  });

  it('keeps only segments fully inside the interval (with `/` or `_`)', async () => {
    const february = await page('interval=2024-02-10T12:00:00.000Z/2024-02-20T00:00:00.000Z');
    // 2024-02-10 only overlaps the interval, so 9 days × 3 partitions.
    expect(february).toHaveLength(27);
    expect(await page('interval=2024-02-10T12:00:00.000Z_2024-02-20T00:00:00.000Z')).toEqual(february);
  });

  it('answers [] for a datasource it has never seen', async () => {
    expect(await getJson(cluster, base('nowhere'))).toEqual([]);
  });

  it('handles a non-ASCII datasource', async () => {
    expect(await getJson(cluster, base(DONNEES))).toHaveLength(3);
  });
});

describe('keyset paging', () => {
  it('pages through every unused segment in ascending order, matching one unpaged request', async () => {
    const single = await page('sortOrder=ASC');
    expect(single).toHaveLength(122);
    expect(single).toEqual([...single].sort());
    const { all, pages } = await pageThrough(25, 'ASC');
    expect(pages).toBe(5);
    expect(all).toEqual(single);
  });

  it('pages in descending order too', async () => {
    const single = await page('sortOrder=DESC');
    expect(single).toEqual([...single].sort().reverse());
    const { all } = await pageThrough(40, 'DESC');
    expect(all).toEqual(single);
  });

  it('limit caps a page and lastSegmentId is exclusive', async () => {
    const firstThree = await page('sortOrder=ASC&limit=3');
    expect(firstThree).toHaveLength(3);
    const next = await page(`sortOrder=ASC&limit=2&lastSegmentId=${encodeURIComponent(firstThree[0] ?? '')}`);
    expect(next).toEqual(firstThree.slice(1));
  });

  it('combines paging with an interval', async () => {
    const interval = 'interval=2024-02-01/2024-03-01';
    const all = await page(`${interval}&sortOrder=ASC`);
    expect(all).toHaveLength(30);
    const first = await page(`${interval}&sortOrder=ASC&limit=20`);
    const rest = await page(
      `${interval}&sortOrder=ASC&limit=20&lastSegmentId=${encodeURIComponent(first.at(-1) ?? '')}`,
    );
    expect([...first, ...rest]).toEqual(all);
  });
});

describe('validation: 400 ErrorResponse', () => {
  it.each([
    ['a negative limit', 'limit=-1', 'Invalid limit[-1] specified. Limit must be > 0.'],
    ['an unparseable lastSegmentId', 'lastSegmentId=invalid', 'Invalid lastSegmentId[invalid] specified.'],
    [
      'a lastSegmentId of another datasource',
      `lastSegmentId=kttm1_2019-08-25T00:00:00.000Z_2019-08-26T00:00:00.000Z_v`,
      'Invalid lastSegmentId[kttm1_2019-08-25T00:00:00.000Z_2019-08-26T00:00:00.000Z_v] specified.',
    ],
    ['a bad sortOrder', 'sortOrder=Ascd', 'Unexpected value[Ascd] for SortOrder. Possible values are: [ASC, DESC]'],
    [
      'an interval ending before it starts',
      'interval=2015/2014',
      'Bad interval[2015/2014]: [The end instant must be greater than the start instant]',
    ],
  ])('%s', async (_label, query, message) => {
    const response = await call(cluster, 'GET', `${base('sales_events')}?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.json()).toEqual({
      error: 'druidException',
      errorCode: 'invalidInput',
      persona: 'USER',
      category: 'INVALID_INPUT',
      errorMessage: message,
      context: {},
    });
  });

  it('an empty datasource name', async () => {
    const response = await call(cluster, 'GET', `${METADATA}/datasources/%20/unusedSegments`);
    expect(response.status).toBe(400);
    expect(response.json<{ errorMessage: string }>().errorMessage).toBe('dataSourceName must be non-empty.');
  });
});
