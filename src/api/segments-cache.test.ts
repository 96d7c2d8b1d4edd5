import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { druidKeys } from './query-keys.ts';
import { applyStateChange } from './segments-cache.ts';
import type { SegmentRecord } from './segments-records.ts';

function rec(id: string, state: SegmentRecord['state']): SegmentRecord {
  return { id, start: 0, end: 1, version: 'v', partition: 0, size: 1, state, replication: 2, lastUpdated: null };
}

function seeded() {
  const client = new QueryClient();
  client.setQueryData(druidKeys.usedSegments('ds'), [rec('a', 'used'), rec('b', 'overshadowed')]);
  client.setQueryData(druidKeys.unusedSegments('ds'), {
    pages: [{ records: [rec('c', 'unused')], nextAfter: null }],
    pageParams: [null],
  });
  return client;
}

const ids = (records: SegmentRecord[] | undefined) => records?.map((r) => `${r.id}:${r.state}`);

describe('applyStateChange', () => {
  it('moves records Druid marked unused into the unused listing', () => {
    const client = seeded();
    applyStateChange(client, 'ds', new Set(['b']), false, 42);
    expect(ids(client.getQueryData(druidKeys.usedSegments('ds')))).toEqual(['a:used']);
    const unused = client.getQueryData<{ pages: Array<{ records: SegmentRecord[] }> }>(druidKeys.unusedSegments('ds'));
    expect(unused?.pages[0]?.records).toEqual([
      rec('c', 'unused'),
      { ...rec('b', 'unused'), replication: null, lastUpdated: 42 },
    ]);
    expect(client.getQueryState(druidKeys.usedSegments('ds'))?.isInvalidated).toBe(true);
  });

  it('moves records Druid marked used into the used listing', () => {
    const client = seeded();
    applyStateChange(client, 'ds', new Set(['c']), true);
    expect(ids(client.getQueryData(druidKeys.usedSegments('ds')))).toEqual(['a:used', 'b:overshadowed', 'c:used']);
    const unused = client.getQueryData<{ pages: Array<{ records: SegmentRecord[] }> }>(druidKeys.unusedSegments('ds'));
    expect(unused?.pages[0]?.records).toEqual([]);
  });
});
