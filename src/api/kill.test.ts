import { afterEach, describe, expect, it, vi } from 'vitest';
import { iv } from '../druid/test-helpers.ts';
import { fetchUnusedRange, killUnusedSegments, unusedPageLoader } from './kill.ts';
import { submitKill } from './kill-run.ts';

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

function stubFetch(handler: Handler) {
  const calls: Array<{ method: string; url: URL; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit) => {
      const url = new URL(input, 'http://console.test');
      calls.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      return handler(url, init);
    }),
  );
  return calls;
}

const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

function plus(day: number, partitionNum = 0) {
  const d = String(day).padStart(2, '0');
  const e = String(day + 1).padStart(2, '0');
  return {
    dataSegment: {
      dataSource: 'sales_events',
      interval: `2024-02-${d}T00:00:00.000Z/2024-02-${e}T00:00:00.000Z`,
      version: '2024-04-01T00:00:00.000Z',
      shardSpec: { type: 'numbered', partitionNum, partitions: 3 },
      size: 10,
    },
    used: false,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('unusedPageLoader', () => {
  it('asks for one page fully inside the interval, in path form, after the last segment id, in the given order', async () => {
    const calls = stubFetch(() => json([plus(10), plus(10, 1)]));
    const load = unusedPageLoader('données été', iv('2024-02-01/2024-03-01'));
    const records = await load(
      {
        limit: 2,
        lastSegmentId: 'sales_events_2024-02-09T00:00:00.000Z_2024-02-10T00:00:00.000Z_v',
        sortOrder: 'DESC',
      },
      new AbortController().signal,
    );
    expect(records.map((r) => [r.id, r.size, r.partition])).toEqual([
      ['sales_events_2024-02-10T00:00:00.000Z_2024-02-11T00:00:00.000Z_2024-04-01T00:00:00.000Z', 10, 0],
      ['sales_events_2024-02-10T00:00:00.000Z_2024-02-11T00:00:00.000Z_2024-04-01T00:00:00.000Z_1', 10, 1],
    ]);
    const url = calls[0]?.url;
    expect(url?.pathname).toBe(
      `/druid/coordinator/v1/metadata/datasources/${encodeURIComponent('données été')}/unusedSegments`,
    );
    expect(url?.searchParams.get('interval')).toBe('2024-02-01T00:00:00.000Z_2024-03-01T00:00:00.000Z');
    expect(url?.searchParams.get('limit')).toBe('2');
    expect(url?.searchParams.get('sortOrder')).toBe('DESC');
    expect(url?.searchParams.get('lastSegmentId')).toBe(
      'sales_events_2024-02-09T00:00:00.000Z_2024-02-10T00:00:00.000Z_v',
    );
  });
});

describe('fetchUnusedRange', () => {
  it('spans the first and the last unused segment by id, or is null without any', async () => {
    stubFetch((url) => json(url.searchParams.get('sortOrder') === 'DESC' ? [plus(19, 2)] : [plus(10)]));
    const range = await fetchUnusedRange('sales_events');
    expect(range?.interval).toEqual(iv('2024-02-10/2024-02-20'));
    stubFetch(() => json([]));
    expect(await fetchUnusedRange('sales_events')).toBeNull();
  });
});

describe('killUnusedSegments', () => {
  it('DELETEs the interval on the Coordinator with an encoded datasource, accepting an empty 200', async () => {
    const calls = stubFetch(() => new Response('', { status: 200 }));
    await killUnusedSegments('a/b é', iv('2024-02-01/2024-03-01'));
    expect(calls[0]?.method).toBe('DELETE');
    expect(calls[0]?.url.pathname).toBe(
      `/druid/coordinator/v1/datasources/${encodeURIComponent('a/b é')}/intervals/2024-02-01T00:00:00.000Z_2024-03-01T00:00:00.000Z`,
    );
  });
});

describe('submitKill', () => {
  const FEB = iv('2024-02-01/2024-03-01');
  const taskOf = (id: string) => ({
    id,
    type: 'kill',
    dataSource: 'sales_events',
    createdTime: new Date().toISOString(),
  });
  const oldTask = taskOf(
    'api-issued_kill_sales_events_aaaaaaaa_2024-02-01T00:00:00.000Z_2024-03-01T00:00:00.000Z_2024-01-01T00:00:00.000Z',
  );
  const newTask = taskOf(
    'api-issued_kill_sales_events_bbbbbbbb_2024-02-01T00:00:00.000Z_2024-03-01T00:00:00.000Z_2024-06-01T00:00:00.000Z',
  );

  it('remembers the tasks before, sends the kill, then finds the new task once it is listed', async () => {
    let listings = 0;
    const accepted = vi.fn();
    const calls = stubFetch((_url, init) => {
      if (init.method === 'DELETE') return new Response('', { status: 200 });
      listings++;
      // Before the request, and on the first look after it, only the old task exists.
      return json(listings <= 2 ? [oldTask] : [newTask, oldTask]);
    });
    const result = await submitKill('sales_events', FEB, { delayMs: 0, onAccepted: accepted });
    expect(result.task?.id).toBe(newTask.id);
    expect(accepted).toHaveBeenCalledOnce();
    expect(calls.map((c) => c.method)).toEqual(['GET', 'DELETE', 'GET', 'GET']);
    expect(calls[0]?.url.search).toBe('?datasource=sales_events&type=kill');
  });

  it('still finds the task by its time when the tasks cannot be listed beforehand', async () => {
    let first = true;
    stubFetch((_url, init) => {
      if (init.method === 'DELETE') return new Response('', { status: 200 });
      if (first) {
        first = false;
        return json({ 'Access-Check-Result': 'Allowed:false' }, 403);
      }
      return json([newTask]);
    });
    expect((await submitKill('sales_events', FEB, { delayMs: 0 })).task?.id).toBe(newTask.id);
  });

  it('reports an accepted kill whose task never shows up as found nowhere', async () => {
    stubFetch((_url, init) => (init.method === 'DELETE' ? new Response('', { status: 200 }) : json([oldTask])));
    const result = await submitKill('sales_events', FEB, { delayMs: 0, attempts: 3 });
    expect(result.task).toBeNull();
    expect(result.requestedAt).toBeLessThanOrEqual(Date.now());
  });

  it('rejects without looking for a task when Druid refuses the kill', async () => {
    const calls = stubFetch((_url, init) =>
      init.method === 'DELETE'
        ? json({ error: 'Exception occurred. Are you sure you have an indexing service?' }, 500)
        : json([]),
    );
    await expect(submitKill('sales_events', FEB, { delayMs: 0 })).rejects.toThrow('indexing service');
    expect(calls.map((c) => c.method)).toEqual(['GET', 'DELETE']);
  });
});
