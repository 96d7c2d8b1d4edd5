import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchAllRules, fetchRulesOf, readRuleList, saveRules } from './rules.ts';
import { buildRulesIndex } from './rules-index.ts';
import { fetchTiers } from './tiers.ts';

function respond(body: string, status = 200) {
  const fetchMock = vi.fn(
    async () => new Response(body, { status, headers: body ? { 'content-type': 'application/json' } : {} }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('reading rules', () => {
  it('applies Druid defaults and keeps the raw JSON', async () => {
    const fetchMock = respond('[{"type":"loadForever"},{"type":"dropByPeriod","period":"P1M"}]');
    const result = await fetchRulesOf('données/été');
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe(
      '/druid/coordinator/v1/rules/donn%C3%A9es%2F%C3%A9t%C3%A9',
    );
    expect(result.error).toBeNull();
    expect(result.rules).toEqual([
      { type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true },
      { type: 'dropByPeriod', period: 'P1M', includeFuture: true },
    ]);
    expect(result.raw).toEqual([{ type: 'loadForever' }, { type: 'dropByPeriod', period: 'P1M' }]);
  });

  it('reports an unreadable list with the rule position instead of failing', () => {
    const result = readRuleList([{ type: 'loadForever' }, { type: 'archiveForever' }]);
    expect(result.rules).toEqual([]);
    expect(result.error).toMatch(/^Rule 2: unknown type "archiveForever"/);
  });

  it('reads the map of all rules, an empty _default included', async () => {
    respond('{"_default":[],"kttm1":[{"type":"dropForever"}],"gone":null}');
    const all = await fetchAllRules();
    expect(all._default).toEqual({ rules: [], raw: [], error: null });
    expect(all.kttm1?.rules).toEqual([{ type: 'dropForever' }]);
    expect(all.gone?.rules).toEqual([]);
  });
});

describe('saveRules', () => {
  it('posts the whole list with the audit headers', async () => {
    const fetchMock = respond('');
    await saveRules({
      dataSource: 'wikipedia',
      rules: [{ type: 'dropByInterval', interval: '2015-09-12T00:00:00.000Z/2015-09-12T06:00:00.000Z' }],
      author: 'Ada',
      comment: 'drop the first hours',
    });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/druid/coordinator/v1/rules/wikipedia');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual([
      { type: 'dropByInterval', interval: '2015-09-12T00:00:00.000Z/2015-09-12T06:00:00.000Z' },
    ]);
    const headers = init.headers as Record<string, string>;
    expect(headers['X-Druid-Author']).toBe('Ada');
    expect(headers['X-Druid-Comment']).toBe('drop the first hours');
    expect(headers['Content-Type']).toBe('application/json');
  });

  it("surfaces Druid's error message", async () => {
    respond('{"error":"Cluster-level rules cannot be empty."}', 400);
    await expect(saveRules({ dataSource: '_default', rules: [], author: 'a', comment: 'c' })).rejects.toThrow(
      'Cluster-level rules cannot be empty.',
    );
  });
});

describe('tiers', () => {
  it('sorts and de-duplicates', async () => {
    respond('["hot","_default_tier","hot"]');
    expect(await fetchTiers()).toEqual(['_default_tier', 'hot']);
  });
});

describe('buildRulesIndex', () => {
  it('lists datasources with and without rules, and names that only have rules', () => {
    const rules = { _default: readRuleList([{ type: 'loadForever' }]), gone: readRuleList([{ type: 'dropForever' }]) };
    const index = buildRulesIndex(['b', 'a'], rules);
    expect(index.defaultRules?.rules[0]?.type).toBe('loadForever');
    expect(index.dataSources.map(({ name, hasSegments, rules }) => [name, hasSegments, rules !== null])).toEqual([
      ['a', true, false],
      ['b', true, false],
      ['gone', false, true],
    ]);
  });
});
