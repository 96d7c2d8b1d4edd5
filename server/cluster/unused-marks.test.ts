import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from './db.ts';
import { GROUP_MARKS_SQL, PAGE_KEYS_SQL } from './unused-marks.ts';

// Auto-kill looks at every datasource each kill period: walking a 2M-segment datasource's rows or sorting its groups
// would stall the server. Pages of groups come by key from the primary key, their rows by index, with no sort.
it('reads the marks of groups with unused segments a page at a time, in key order, without a sort', () => {
  const dir = mkdtempSync(join(tmpdir(), 'auto-kill-'));
  const store = openDatabase(dir);
  const plan = (sql: string, ...params: Array<string | number>) =>
    store.db
      .prepare<Array<string | number>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => row.detail);
  try {
    expect(plan(PAGE_KEYS_SQL, 'big', 0, 1, 'v1', 10, 0)).toEqual([
      'SEARCH segment_groups USING PRIMARY KEY (dataSource=? AND (start_ms,end_ms,version)>(?,?,?) AND start_ms<?)',
    ]);
    expect(plan(GROUP_MARKS_SQL, 'big', 0, 1, 'v1', 5, 6, 'v2', 0)).toEqual([
      expect.stringMatching(
        /^SEARCH g USING PRIMARY KEY \(dataSource=\? AND \(start_ms,end_ms,version\)>\(\?,\?,\?\) AND/,
      ),
      'SEARCH r USING INDEX segment_rows_ds_start (dataSource=? AND start_ms=? AND end_ms=?)',
      'SEARCH s USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
