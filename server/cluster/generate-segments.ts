import type { NewSegment } from './segment-records.ts';

const HOUR = 3_600_000;

/**
 * A large datasource for benchmarks: hourly segments going back from 2024-01-01 with 4 partitions each, in two
 * versions (the older one overshadowed and unused), and every fifth hour of the newer version unused.
 */
export function* generateSegments(dataSource: string, count: number): Generator<NewSegment> {
  const partitions = 4;
  const end = Date.UTC(2024, 0, 1);
  const perHour = partitions * 2;
  const hours = Math.ceil(count / perHour);
  let produced = 0;
  for (let h = 0; h < hours && produced < count; h++) {
    const start = end - (hours - h) * HOUR;
    for (const [version, used] of [
      ['2023-01-01T00:00:00.000Z', false],
      ['2024-02-01T00:00:00.000Z', h % 5 !== 0],
    ] as const) {
      for (let p = 0; p < partitions && produced < count; p++, produced++) {
        yield {
          dataSource,
          start,
          end: start + HOUR,
          version,
          partitionNum: p,
          partitions,
          size: 1_000_000 + ((h * 31 + p) % 997) * 1000,
          used,
        };
      }
    }
  }
}
