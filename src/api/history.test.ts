import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AuditEntry, fetchRuleHistory, parseAuditRules, parseEntryId, toAuditEntries } from './history.ts';
import { fetchEntryById, fetchPreviousEntry, previousInList } from './history-previous.ts';

const raw = (key: string, auditTime: string, payload: unknown = '[]', author = 'console') => ({
  key,
  type: 'rules',
  auditInfo: { author, comment: 'test', ip: '127.0.0.1' },
  payload,
  auditTime,
});

/** Answers each request with `answer(url)` and records the URLs. */
function stubFetch(answer: (url: URL) => unknown) {
  const urls: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://console.test');
      urls.push(url);
      return new Response(JSON.stringify(answer(url)), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return urls;
}

afterEach(() => vi.unstubAllGlobals());

describe('toAuditEntries', () => {
  it('orders newest first whichever order Druid used, and fills what old Druids leave out', () => {
    const oldestFirst = [raw('a', '2023-07-13T18:05:33.066Z'), raw('b', '2023-07-18T18:10:44.519Z')];
    const entries = toAuditEntries(oldestFirst);
    expect(entries.map((e) => e.key)).toEqual(['b', 'a']);
    expect(toAuditEntries([...oldestFirst].reverse()).map((e) => e.key)).toEqual(['b', 'a']);
    expect(entries[0]).toMatchObject({ id: 'b@2023-07-18T18:10:44.519Z', identity: null, author: 'console' });
    const [bare] = toAuditEntries([
      { key: 'x', auditTime: '2023-07-13T00:00:00.000Z', payload: [{ type: 'dropForever' }] },
    ]);
    expect(bare).toMatchObject({ author: '', comment: '', ip: null, payload: '[{"type":"dropForever"}]' });
  });

  it('keeps ids unique for entries saved in the same millisecond', () => {
    const entries = toAuditEntries([raw('a', '2023-07-13T00:00:00.000Z'), raw('a', '2023-07-13T00:00:00.000Z')]);
    expect(entries.map((e) => e.id)).toEqual(['a@2023-07-13T00:00:00.000Z', 'a@2023-07-13T00:00:00.000Z#1']);
  });
});

describe('parseEntryId', () => {
  it('splits at the last @, so keys may contain one', () => {
    expect(parseEntryId('sales@eu@2023-07-13T00:00:00.000Z#1')).toEqual({
      key: 'sales@eu',
      auditTime: '2023-07-13T00:00:00.000Z',
    });
    expect(parseEntryId('no-time')).toBeNull();
  });
});

describe('fetchRuleHistory', () => {
  it('sends exactly one of interval and count, to the all-datasources or the encoded datasource path', async () => {
    const urls = stubFetch(() => []);
    await fetchRuleHistory({ dataSource: null, mode: 'interval', interval: '2023-07-13/2023-07-19' });
    await fetchRuleHistory({ dataSource: 'données été', mode: 'count', count: 50 });
    await fetchRuleHistory({ dataSource: null, mode: 'interval', interval: null });
    expect(urls[0]?.pathname).toBe('/druid/coordinator/v1/rules/history');
    expect(urls[0]?.searchParams.get('interval')).toBe('2023-07-13/2023-07-19');
    expect(urls[0]?.searchParams.has('count')).toBe(false);
    expect(urls[1]?.pathname).toBe(`/druid/coordinator/v1/rules/${encodeURIComponent('données été')}/history`);
    expect(urls[1]?.search).toBe('?count=50');
    expect(urls[2]?.search).toBe('');
  });
});

describe('parseAuditRules', () => {
  it('reads the payload string as rules, and explains what it cannot read', () => {
    const ok = parseAuditRules('[{"type":"dropByPeriod","period":"P1M"}]');
    expect(ok.ok && ok.rules[0]).toMatchObject({ type: 'dropByPeriod', includeFuture: true });
    expect(parseAuditRules('')).toMatchObject({ ok: false, error: expect.stringContaining('no payload') });
    expect(parseAuditRules('[{"type":"dropBy')).toMatchObject({
      ok: false,
      error: expect.stringContaining('truncated'),
    });
    expect(parseAuditRules('[{"type":"keepAll"}]')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Rule 1'),
    });
  });
});

describe('previous version of an entry', () => {
  const entries = toAuditEntries([
    raw('a', '2023-07-18T00:00:00.000Z', '[2]'),
    raw('b', '2023-07-17T00:00:00.000Z'),
    raw('a', '2023-07-16T00:00:00.000Z', '[1]'),
  ]);
  const [newestA, b, olderA] = entries as [AuditEntry, AuditEntry, AuditEntry];

  it('is the next older entry with the same key when the loaded list holds it', () => {
    expect(previousInList(entries, newestA)).toBe(olderA);
    expect(previousInList(entries, b)).toBeUndefined();
    expect(previousInList(entries, olderA)).toBeUndefined();
  });

  it('is fetched with ever wider windows ending at the entry, skipping the entry itself', async () => {
    const urls = stubFetch((url) => {
      const interval = url.searchParams.get('interval') ?? '';
      // Only the year-long window reaches the older version.
      return interval.startsWith('2022-07')
        ? [raw('b', '2022-08-01T00:00:00.000Z', '[]', 'alice'), raw('b', '2023-07-17T00:00:00.000Z')]
        : [raw('b', '2023-07-17T00:00:00.000Z')];
    });
    const previous = await fetchPreviousEntry(b);
    expect(previous).toMatchObject({ key: 'b', author: 'alice', auditTime: '2022-08-01T00:00:00.000Z' });
    expect(urls.map((u) => u.searchParams.get('interval'))).toEqual([
      '2023-06-16T00:00:00.000Z/2023-07-17T00:00:00.000Z',
      '2022-07-16T00:00:00.000Z/2023-07-17T00:00:00.000Z',
    ]);
    expect(urls[0]?.pathname).toBe('/druid/coordinator/v1/rules/b/history');
  });

  it('is null for the first recorded version', async () => {
    const urls = stubFetch(() => [raw('b', '2023-07-17T00:00:00.000Z')]);
    expect(await fetchPreviousEntry(b)).toBeNull();
    expect(urls.at(-1)?.searchParams.get('interval')).toBe('1000-01-01T00:00:00.000Z/2023-07-17T00:00:00.000Z');
  });
});

describe('fetchEntryById', () => {
  it('finds one entry with a one-millisecond window on its datasource', async () => {
    const urls = stubFetch(() => [raw('kttm1', '2023-07-10T09:00:00.000Z', '[]', 'doc intern')]);
    const entry = await fetchEntryById('kttm1@2023-07-10T09:00:00.000Z');
    expect(entry?.author).toBe('doc intern');
    expect(urls[0]?.searchParams.get('interval')).toBe('2023-07-10T09:00:00.000Z/2023-07-10T09:00:00.001Z');
    expect(await fetchEntryById('garbage')).toBeNull();
  });
});
