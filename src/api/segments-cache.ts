/**
 * Moves records between the cached used and unused listings after a change Druid confirmed, so a toggled row shows
 * its new state at once without refetching 200k segments. The listings are then marked stale, not refetched.
 */
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { druidKeys } from './query-keys.ts';
import type { UnusedPage } from './segments.ts';
import type { SegmentRecord } from './segments-records.ts';

export function applyStateChange(
  client: QueryClient,
  dataSource: string,
  ids: ReadonlySet<string>,
  toUsed: boolean,
  now = Date.now(),
): void {
  const usedKey = druidKeys.usedSegments(dataSource);
  const unusedKey = druidKeys.unusedSegments(dataSource);
  const used = client.getQueryData<SegmentRecord[]>(usedKey);
  const unused = client.getQueryData<InfiniteData<UnusedPage, string | null>>(unusedKey);
  if (!used || !unused) return;

  const moved: SegmentRecord[] = [];
  const keep = (record: SegmentRecord) => {
    if (!ids.has(record.id)) return true;
    moved.push(record);
    return false;
  };
  if (toUsed) {
    const pages = unused.pages.map((page) => ({ ...page, records: page.records.filter(keep) }));
    const revived = moved.map((r) => ({ ...r, state: 'used' as const, lastUpdated: null, replication: null }));
    client.setQueryData(unusedKey, { ...unused, pages });
    client.setQueryData(usedKey, [...used, ...revived]);
  } else {
    const stillUsed = used.filter(keep);
    const retired = moved.map((r) => ({ ...r, state: 'unused' as const, lastUpdated: now, replication: null }));
    const [first, ...rest] = unused.pages;
    const pages = first ? [{ ...first, records: [...first.records, ...retired] }, ...rest] : unused.pages;
    client.setQueryData(usedKey, stillUsed);
    client.setQueryData(unusedKey, { ...unused, pages });
  }
  // Later visits refetch; overshadowing and replication may have changed in ways only Druid knows.
  void client.invalidateQueries({ queryKey: druidKeys.segments(dataSource), refetchType: 'none' });
  void client.invalidateQueries({ queryKey: druidKeys.datasources() });
}
