import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthConfig } from '../cluster/auth/permissions.ts';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { COORDINATOR, call, METADATA, OVERLORD, usedIds, waitFor, wikiHourId } from './api-helpers.ts';

// druid-basic-security semantics: 401 without valid credentials, 403 without permission, silent list filtering (§7).
const RULES = '/druid/coordinator/v1/rules';
const AUTH: AuthConfig = {
  users: {
    admin: {
      password: 'a',
      permissions: [
        { type: 'DATASOURCE', name: '.*', action: 'READ' },
        { type: 'DATASOURCE', name: '.*', action: 'WRITE' },
        { type: 'STATE', name: 'STATE', action: 'READ' },
      ],
    },
    // Reads only the wikipedia datasources.
    reader: {
      password: 'r',
      permissions: [
        { type: 'DATASOURCE', name: 'wikipedia_.*', action: 'READ' },
        { type: 'STATE', name: 'STATE', action: 'READ' },
      ],
    },
  },
};

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster({ auth: AUTH });
});
afterAll(() => cluster.stop());

const basic = (user: string, password: string) => ({
  Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});
const ADMIN = basic('admin', 'a');
const READER = basic('reader', 'r');

function as(headers: Record<string, string>, method: string, path: string, body?: unknown) {
  return call(cluster, method, path, { headers, body });
}
const admin = { fetch: (path: string, init?: RequestInit) => cluster.fetch(path, { ...init, headers: ADMIN }) };

describe('authentication', () => {
  it('no Authorization header: 401 with WWW-Authenticate Basic', async () => {
    const response = await call(cluster, 'GET', `${METADATA}/datasources`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it.each([
    ['a wrong password', basic('admin', 'b')],
    ['an unknown user', basic('mallory', 'a')],
    ['a header that is not Basic', { Authorization: 'Bearer abc' }],
    ['credentials without a colon', { Authorization: `Basic ${Buffer.from('admin').toString('base64')}` }],
  ])('%s: 401, nothing changes', async (_label, headers) => {
    const response = await as(headers, 'DELETE', `${OVERLORD}/kttm1`);
    expect(response.status).toBe(401);
    expect(await usedIds(admin, 'kttm1')).toHaveLength(14);
  });

  it('a path that does not percent-decode is a 400, not a crash', async () => {
    for (const path of [`${METADATA}/datasources/%E0%A4%A/segments`, `${RULES}/%ZZ`]) {
      expect((await as(ADMIN, 'GET', path)).status).toBe(400);
    }
  });

  it('/status/health needs no credentials', async () => {
    expect((await call(cluster, 'GET', '/status/health')).status).toBe(200);
  });

  it('valid credentials pass', async () => {
    expect((await as(ADMIN, 'GET', '/status')).status).toBe(200);
    expect((await as(READER, 'GET', `${METADATA}/datasources/wikipedia_hour/segments`)).status).toBe(200);
  });
});

describe('authorization: 403 {"Access-Check-Result": …}', () => {
  async function expectForbidden(method: string, path: string, body?: unknown) {
    const response = await as(READER, method, path, body);
    expect(response.status, `${method} ${path}`).toBe(403);
    expect(response.json()).toEqual({ 'Access-Check-Result': expect.stringMatching(/^Allowed:false/) });
  }

  it('a reader may not change rules', async () => {
    await expectForbidden('POST', `${RULES}/wikipedia_hour`, [{ type: 'dropForever' }]);
    await expectForbidden('POST', `${RULES}/_default`, [{ type: 'dropForever' }]);
    expect((await as(ADMIN, 'GET', `${RULES}/wikipedia_hour`)).json()).toEqual([]);
  });

  it('a reader may not mark or kill', async () => {
    await expectForbidden('DELETE', `${OVERLORD}/wikipedia_hour/segments/${wikiHourId(1)}`);
    await expectForbidden('POST', `${COORDINATOR}/wikipedia_hour/markUnused`, { interval: '2015/2016' });
    await expectForbidden('DELETE', `${COORDINATOR}/wikipedia_hour`);
    await expectForbidden('DELETE', `${COORDINATOR}/wikipedia_hour/intervals/2015-09-12_2015-09-13`);
    expect(await usedIds(admin, 'wikipedia_hour')).toHaveLength(24);
    expect((await as(ADMIN, 'GET', '/druid/indexer/v1/tasks')).json()).toEqual([]);
  });

  it('a reader may not read a datasource outside its pattern', async () => {
    await expectForbidden('GET', `${METADATA}/datasources/kttm1/segments`);
    await expectForbidden('GET', `${METADATA}/datasources/kttm1/unusedSegments`);
    await expectForbidden('GET', `${COORDINATOR}/kttm1`);
    await expectForbidden('GET', `${RULES}/kttm1`);
    await expectForbidden('GET', `${RULES}/kttm1/history`);
    // OverlordResource.getTasks answers this one with text.
    const tasks = await as(READER, 'GET', '/druid/indexer/v1/tasks?datasource=kttm1');
    expect(tasks.status).toBe(403);
    expect(tasks.headers.get('content-type')).toContain('text/plain');
    expect(tasks.text).toMatch(/^Access-Check-Result: Allowed:false/);
  });
});

describe('list endpoints filter silently', () => {
  it.each([`${METADATA}/datasources`, `${METADATA}/datasources?includeUnused`, COORDINATOR])('%s', async (path) => {
    expect((await as(READER, 'GET', path)).json()).toEqual(['wikipedia_api', 'wikipedia_hour']);
    expect((await as(ADMIN, 'GET', path)).json<string[]>()).toHaveLength(6);
  });

  it('datasource objects and segments', async () => {
    const simple = (await as(READER, 'GET', `${COORDINATOR}?simple`)).json<Array<{ name: string }>>();
    expect(simple.map((item) => item.name)).toEqual(['wikipedia_api', 'wikipedia_hour']);
    const segments = (await as(READER, 'GET', `${METADATA}/segments?includeOvershadowedStatus`)).json<
      Array<{ dataSource: string }>
    >();
    expect(new Set(segments.map((segment) => segment.dataSource))).toEqual(
      new Set(['wikipedia_api', 'wikipedia_hour']),
    );
    expect(segments).toHaveLength(31);
  });

  it('tasks, including one task looked up by ID', async () => {
    await as(ADMIN, 'DELETE', `${COORDINATOR}/kttm1/intervals/2019_2020`);
    await as(ADMIN, 'DELETE', `${COORDINATOR}/wikipedia_hour/intervals/2015_2016`);
    const all = (await as(ADMIN, 'GET', '/druid/indexer/v1/tasks')).json<Array<{ id: string; dataSource: string }>>();
    expect(all).toHaveLength(2);
    const visible = (await as(READER, 'GET', '/druid/indexer/v1/tasks')).json<Array<{ dataSource: string }>>();
    expect(visible.map((task) => task.dataSource)).toEqual(['wikipedia_hour']);

    const kttmTask = all.find((task) => task.dataSource === 'kttm1')?.id ?? '';
    const wikiTask = all.find((task) => task.dataSource === 'wikipedia_hour')?.id ?? '';
    expect((await as(ADMIN, 'GET', `/druid/indexer/v1/task/${kttmTask}/status`)).status).toBe(200);
    expect((await as(READER, 'GET', `/druid/indexer/v1/task/${wikiTask}/status`)).status).toBe(200);
    // TaskResourceFilter checks READ on the task's datasource.
    const denied = await as(READER, 'GET', `/druid/indexer/v1/task/${kttmTask}/status`);
    expect(denied.status).toBe(403);
    expect(denied.json()).toEqual({ 'Access-Check-Result': expect.stringMatching(/^Allowed:false/) });
    // POST /taskStatus has a StateResourceFilter: POST means WRITE on STATE, which neither user has.
    const statuses = await as(READER, 'POST', '/druid/indexer/v1/taskStatus', [kttmTask, wikiTask]);
    expect(statuses.status).toBe(403);
    await waitFor(
      async () => (await as(ADMIN, 'GET', '/druid/indexer/v1/tasks?state=running')).json<unknown[]>(),
      (running) => running.length === 0,
    );
    // The task's spec and its reports are guarded the same way.
    for (const suffix of ['', '/reports']) {
      expect((await as(READER, 'GET', `/druid/indexer/v1/task/${wikiTask}${suffix}`)).status, suffix).toBe(200);
      expect((await as(READER, 'GET', `/druid/indexer/v1/task/${kttmTask}${suffix}`)).status, suffix).toBe(403);
    }
  });
});

describe('audit identity', () => {
  it('records the authenticated user as identity next to the author header', async () => {
    const response = await as(ADMIN, 'POST', `${RULES}/wikipedia_api`, [{ type: 'loadForever' }]);
    expect(response.status).toBe(200);
    const headers = { ...ADMIN, 'X-Druid-Author': 'Alice', 'X-Druid-Comment': 'via console' };
    await call(cluster, 'POST', `${RULES}/wikipedia_api`, { headers, body: [{ type: 'dropForever' }] });
    const history = (await as(ADMIN, 'GET', `${RULES}/wikipedia_api/history?count=2`)).json<
      Array<{ auditInfo: { author: string; identity: string; comment: string } }>
    >();
    expect(history.map((entry) => entry.auditInfo)).toEqual([
      { author: 'Alice', identity: 'admin', comment: 'via console', ip: '127.0.0.1' },
      { author: '', identity: 'admin', comment: '', ip: '127.0.0.1' },
    ]);
  });
});
