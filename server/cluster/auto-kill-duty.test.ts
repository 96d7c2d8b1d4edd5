import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ELIGIBLE_INTERVALS_SQL } from './auto-kill-duty.ts';
import { openDatabase } from './db.ts';

// Auto-kill looks at every datasource each kill period: at 2M segments with few unused ones, walking the
// datasource's rows (~0.3 s) or sorting them would stall the server. The plan does not depend on the data.
it('finds eligible unused segments from the groups that have some, in key order, without a sort', () => {
  const dir = mkdtempSync(join(tmpdir(), 'auto-kill-'));
  const store = openDatabase(dir);
  try {
    const plan = store.db
      .prepare<[string, number, number, string, number], { detail: string }>(
        `EXPLAIN QUERY PLAN ${ELIGIBLE_INTERVALS_SQL}`,
      )
      .all('big', 0, 1, '2026-01-01T00:00:00.000Z', 100)
      .map((row) => row.detail);
    expect(plan).toEqual([
      expect.stringMatching(/^SEARCH g USING PRIMARY KEY \(dataSource=\? AND start_ms>\?\)/),
      expect.stringMatching(
        /^SEARCH r USING INDEX segment_rows_ds_start \(dataSource=\? AND start_ms=\? AND end_ms=\?\)/,
      ),
      expect.stringMatching(/^SEARCH s USING INTEGER PRIMARY KEY/),
    ]);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
