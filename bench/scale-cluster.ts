import { join } from 'node:path';
import Database from 'better-sqlite3';
import { round } from './cluster-bench.ts';
import { processTreeRssMb } from './process-memory.ts';
import { median } from './stats.ts';

/** Median wall time of a GET over five calls after one warm-up, with the size of its answer. */
export async function timeGet(url: string): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 6; run++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { Accept: 'application/json, text/plain' } });
    const body = await response.arrayBuffer();
    if (!response.ok && response.status !== 204) throw new Error(`GET ${url} answered ${response.status}`);
    if (run > 0) times.push(performance.now() - started);
    bytes = body.byteLength;
  }
  return { ms: round(median(times)), bytes };
}

/** The served-inventory endpoints Druid answers from memory, timed on the fleet cluster (3M segments). */
export async function benchFleetCluster(baseUrl: string, pid: number, sample: string) {
  const api = `${baseUrl}/druid/coordinator/v1`;
  const simple = await timeGet(`${api}/datasources?simple`);
  const names = await timeGet(`${api}/metadata/datasources?includeUnused`);
  const one = await timeGet(`${api}/datasources/${sample}`);
  const load = await timeGet(`${api}/datasources/${sample}/loadstatus?forceMetadataRefresh=false&simple`);
  return {
    cluster_simple_ms: simple.ms,
    cluster_simple_response_kb: round(simple.bytes / 1024),
    cluster_names_include_unused_ms: names.ms,
    cluster_datasource_ms: one.ms,
    cluster_loadstatus_ms: load.ms,
    cluster_rss_mb: processTreeRssMb(pid),
  };
}

/** intervals?simple of the 2M-segment datasource, and what its segments weigh as JSON. */
export async function benchBigCluster(baseUrl: string, dataDir: string, dataSource: string) {
  const ds = encodeURIComponent(dataSource);
  const intervals = await timeGet(`${baseUrl}/druid/coordinator/v1/datasources/${ds}/intervals?simple`);
  const summary = await timeGet(`${baseUrl}/druid/coordinator/v1/datasources/${ds}`);
  // Read-only beside the running server (WAL): the exact average over every segment, not a sample.
  const db = new Database(join(dataDir, 'metadata.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare<[string], { count: number; avg: number }>(
        'SELECT count(*) AS count, avg(length(payload)) AS avg FROM druid_segments WHERE dataSource = ?',
      )
      .get(dataSource);
    return {
      big_segments: row?.count ?? 0,
      big_avg_segment_json_bytes: Math.round(row?.avg ?? 0),
      cluster_intervals_simple_ms: intervals.ms,
      cluster_intervals_simple_kb: round(intervals.bytes / 1024),
      cluster_big_datasource_ms: summary.ms,
    };
  } finally {
    db.close();
  }
}
