import { median } from './stats.ts';

interface ClusterFigures {
  mark_unused_10k_ids_ms: number;
  mark_unused_10k_ids_floor_ms: number;
  unused_paging_segments_per_s: number;
}

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/plain' },
    body: JSON.stringify(body),
  });
}

/**
 * The local cluster's own speed: marking 10k IDs unused (floor: the same request body sent to an endpoint that only
 * parses it and looks the IDs up) and keyset paging through every unused segment.
 */
export async function benchCluster(baseUrl: string, dataSource: string): Promise<ClusterFigures> {
  const ds = encodeURIComponent(dataSource);
  const used = (await (
    await fetch(`${baseUrl}/druid/coordinator/v1/metadata/datasources/${ds}/segments`)
  ).json()) as string[];
  const ids = used.slice(0, 10_000);
  const markTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    let started = performance.now();
    const response = await post(`${baseUrl}/druid/indexer/v1/datasources/${ds}/markUnused`, { segmentIds: ids });
    await response.json();
    markTimes.push(performance.now() - started);
    await (await post(`${baseUrl}/druid/indexer/v1/datasources/${ds}/markUsed`, { segmentIds: ids })).json();
    started = performance.now();
    await (await post(`${baseUrl}/druid/indexer/v1/taskStatus`, ids)).json();
    floorTimes.push(performance.now() - started);
  }

  const pageTimes: number[] = [];
  let total = 0;
  for (let run = 0; run < 3; run++) {
    let last: string | null = null;
    total = 0;
    const started = performance.now();
    for (;;) {
      const query = new URLSearchParams({ limit: '10000', sortOrder: 'ASC' });
      if (last) query.set('lastSegmentId', last);
      const page = (await (
        await fetch(`${baseUrl}/druid/coordinator/v1/metadata/datasources/${ds}/unusedSegments?${query}`)
      ).json()) as Array<{ dataSegment: { identifier: string } }>;
      total += page.length;
      if (page.length < 10_000) break;
      last = page[page.length - 1]?.dataSegment.identifier ?? null;
    }
    pageTimes.push(performance.now() - started);
  }
  return {
    mark_unused_10k_ids_ms: round(median(markTimes)),
    mark_unused_10k_ids_floor_ms: round(median(floorTimes)),
    unused_paging_segments_per_s: Math.round(total / (median(pageTimes) / 1000)),
  };
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
