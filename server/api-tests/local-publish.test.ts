import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { call, ds, getJson, METADATA, OVERLORD, type SegmentPlus, unusedIds, usedIds } from './api-helpers.ts';

// POST /local-cluster/segments, the local stand-in for ingestion, and hostile names end to end.
let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster({ seed: 'none' });
});
afterAll(() => cluster.stop());

const publish = (body: unknown) => call(cluster, 'POST', '/local-cluster/segments', { body });

/** Every file under the data directory, relative to it. */
function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), base) : [relative(base, join(dir, entry.name))],
  );
}

describe('publishing', () => {
  it('publishes used and unused segments with their deep-storage files', async () => {
    const response = await publish([
      { dataSource: 'fresh', interval: '2021-01-01/2021-01-02', version: 'v1' },
      { dataSource: 'fresh', interval: '2021-01-02/2021-01-03', version: 'v1', used: false },
    ]);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ published: 2 });
    expect(await usedIds(cluster, 'fresh')).toEqual(['fresh_2021-01-01T00:00:00.000Z_2021-01-02T00:00:00.000Z_v1']);
    const [unused] = await getJson<SegmentPlus[]>(cluster, `${METADATA}/datasources/fresh/unusedSegments`);
    expect(existsSync(unused?.dataSegment.loadSpec.path ?? '')).toBe(true);
  });

  it.each([
    ['not a list', { dataSource: 'x' }],
    ['an empty datasource', [{ dataSource: '', interval: '2021/2022', version: 'v' }]],
    ['a bad interval', [{ dataSource: 'x', interval: '2022/2021', version: 'v' }]],
    ['an empty interval', [{ dataSource: 'x', interval: '2021/2021', version: 'v' }]],
    ['a negative partition', [{ dataSource: 'x', interval: '2021/2022', version: 'v', partitionNum: -1 }]],
  ])('rejects %s with 400 and publishes nothing', async (_label, body) => {
    const response = await publish(body);
    expect(response.status).toBe(400);
    expect(response.json<{ error: string }>().error).toEqual(expect.any(String));
    expect(await getJson(cluster, `${METADATA}/datasources?includeUnused`)).not.toContain('x');
  });

  it('refuses a batch with a segment that exists already, all or nothing', async () => {
    const segment = { dataSource: 'dup', interval: '2021/2022', version: 'v' };
    expect((await publish([segment])).status).toBe(200);
    const again = await publish([{ ...segment, version: 'w' }, segment]);
    expect(again.status).toBe(409);
    expect(again.json()).toEqual({
      error: 'Segment dup_2021-01-01T00:00:00.000Z_2022-01-01T00:00:00.000Z_v exists already',
    });
    // All or nothing: the second segment of the failed batch is not there either.
    expect(await usedIds(cluster, 'dup')).toHaveLength(1);
  });
});

describe('hostile names stay data', () => {
  it.each([
    ['HTML', '<img src=x onerror=alert(1)>'],
    ['right-to-left text', 'بيانات_المبيعات'],
    ['a very long name', `long_${'x'.repeat(300)}`],
  ])('%s round-trips through publish, listing, marking and kill', async (_label, name) => {
    const response = await publish([
      { dataSource: name, interval: '2021-01-01/2021-01-02', version: 'v1' },
      { dataSource: name, interval: '2021-01-02/2021-01-03', version: 'v1' },
    ]);
    expect(response.status).toBe(200);
    expect(await getJson(cluster, `${METADATA}/datasources`)).toContain(name);
    const ids = await usedIds(cluster, name);
    expect(ids).toHaveLength(2);
    const marked = await call(cluster, 'POST', `${OVERLORD}/${ds(name)}/markUnused`, { body: { segmentIds: ids } });
    expect(marked.json()).toMatchObject({ numChangedSegments: 2 });
    const paths = (await getJson<SegmentPlus[]>(cluster, `${METADATA}/datasources/${ds(name)}/unusedSegments`)).map(
      (row) => row.dataSegment.loadSpec.path,
    );
    for (const path of paths) expect(relative(join(cluster.dataDir, 'deep-storage'), path)).not.toMatch(/^\.\./);
    await call(cluster, 'DELETE', `/druid/coordinator/v1/datasources/${ds(name)}/intervals/2021_2022`);
    for (const path of paths) await vi.waitFor(() => expect(existsSync(path)).toBe(false));
    expect(await unusedIds(cluster, name)).toEqual([]);
  });

  it('neither a version nor a datasource name can place a file outside deep storage', async () => {
    // Joined naively, the version lands in <dataDir>/escaped and the datasource `..` in <dataDir>/<interval>.
    // (A datasource named `..` cannot be addressed in a URL path, so it is read back by query parameter.)
    const response = await publish([
      { dataSource: 'evil', interval: '2021/2022', version: '../../../escaped' },
      { dataSource: '..', interval: '2021/2022', version: 'v' },
      { dataSource: 'back\\slash', interval: '2021/2022', version: '..' },
    ]);
    expect(response.json()).toEqual({ published: 3 });
    const segments = await getJson<Array<{ loadSpec: { path: string } }>>(
      cluster,
      `${METADATA}/segments?datasources=evil&datasources=..&datasources=${encodeURIComponent('back\\slash')}`,
    );
    expect(segments).toHaveLength(3);
    const deepStorage = join(cluster.dataDir, 'deep-storage');
    for (const { loadSpec } of segments) {
      expect(relative(deepStorage, loadSpec.path)).not.toMatch(/^\.\./);
      expect(existsSync(loadSpec.path)).toBe(true);
    }
    expect(filesUnder(cluster.dataDir).filter((file) => !file.startsWith('deep-storage'))).not.toContainEqual(
      expect.stringContaining('index.zip'),
    );
  });
});
