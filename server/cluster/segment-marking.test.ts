import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from './db.ts';
import { ROWS_BY_IDS_SQL } from './segment-marking.ts';
import { OVERSHADOWED_IDS_SQL } from './segment-store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Regression: markUsed by 10k IDs in a 2M-segment datasource took 10-17 s, because SQLite walked the datasource's
// index (with a Bloom filter over the IDs) instead of looking each ID up; the plan does not depend on the data.
it('markUsed by IDs looks the IDs up by primary key, not by walking the datasource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segment-marking-'));
  dirs.push(dir);
  const store = openDatabase(dir);
  try {
    const plan = store.db
      .prepare<[string, string], { detail: string }>(`EXPLAIN QUERY PLAN ${ROWS_BY_IDS_SQL}`)
      .all('big', '[]')
      .map((row) => row.detail);
    expect(plan.join('\n')).toMatch(/SEARCH r USING INDEX sqlite_autoindex_segment_rows_1 \(id=\?\)/);
  } finally {
    store.close();
  }
});

// Same kind: the overshadowed IDs of a datasource were found by walking all its used segments (1M in a big one).
it('overshadowed IDs start from the overshadowed groups, found by their partial index', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segment-marking-'));
  dirs.push(dir);
  const store = openDatabase(dir);
  try {
    const plan = store.db
      .prepare<[string], { detail: string }>(`EXPLAIN QUERY PLAN ${OVERSHADOWED_IDS_SQL}`)
      .all('big')
      .map((row) => row.detail);
    expect(plan[0]).toMatch(/^SEARCH g USING INDEX segment_groups_overshadowed \(dataSource=\?\)/);
  } finally {
    store.close();
  }
});
