import type { SegmentRecord, SegmentState } from '../../api/segments.ts';
import { formatSegmentId } from '../../druid/segment-id.ts';

const HOUR = 3_600_000;
export const WIKI_START = Date.UTC(2015, 8, 12);

/** A record as the listings produce it, for tests. */
export function record(
  dataSource: string,
  start: number,
  end: number,
  overrides: Partial<Omit<SegmentRecord, 'id' | 'start' | 'end'>> = {},
): SegmentRecord {
  const version = overrides.version ?? '2023-08-10T04:12:03.860Z';
  const partition = overrides.partition ?? 0;
  return {
    id: formatSegmentId({ dataSource, start, end, version, partitionNum: partition }),
    start,
    end,
    version,
    partition,
    size: overrides.size ?? 1000,
    state: overrides.state ?? 'used',
    replication: overrides.replication ?? null,
    lastUpdated: overrides.lastUpdated ?? null,
  };
}

/** wikipedia_hour's 24 hourly segments, with the given hours in another state. */
export function wikipediaHour(states: Record<number, SegmentState> = {}): SegmentRecord[] {
  return Array.from({ length: 24 }, (_, hour) =>
    record('wikipedia_hour', WIKI_START + hour * HOUR, WIKI_START + (hour + 1) * HOUR, {
      state: states[hour] ?? 'used',
      size: 1000 + hour,
    }),
  );
}
