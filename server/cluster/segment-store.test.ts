import { describe, expect, it } from 'vitest';
import { unusedPageSql } from './segment-store.ts';

const interval = { start: Date.UTC(2024, 0, 1), end: Date.UTC(2025, 0, 1) };
const idConditions = (sql: string) => sql.match(/\bid [<>]=? (?:max\(\?, \?\)|min\(\?, \?\)|\?)/g) ?? [];

describe('unusedPageSql', () => {
  // Given two lower bounds on `id`, SQLite seeks to one and filters the other row by row: each keyset page then walked
  // again from the interval's first ID, ~4x slower 90 % of the way into 1.3M segments. One bound per side, always.
  it('bounds the ID index once per side when an interval and a keyset cursor meet, in both orders', () => {
    const last = 'ds_2024-06-01T00:00:00.000Z_2024-06-01T01:00:00.000Z_v1';
    const asc = unusedPageSql('ds', { interval, limit: 5000, lastSegmentId: last, sortOrder: 'ASC' });
    expect(idConditions(asc.sql)).toEqual(['id < ?', 'id > max(?, ?)']);
    expect(asc.params.slice(-3)).toEqual(['ds_2025-01-01T00:00:00.000Z`', 'ds_2024-01-01T00:00:00.000Z', last]);
    const desc = unusedPageSql('ds', { interval, limit: 5000, lastSegmentId: last, sortOrder: 'DESC' });
    expect(idConditions(desc.sql)).toEqual(['id > ?', 'id < min(?, ?)']);
    expect(desc.params.slice(-3)).toEqual(['ds_2024-01-01T00:00:00.000Z', 'ds_2025-01-01T00:00:00.000Z`', last]);
  });

  it('keeps a single bound without an interval, and the interval’s range without a cursor', () => {
    const cursor = unusedPageSql('ds', { interval: null, limit: 10, lastSegmentId: 'ds_x', sortOrder: 'ASC' });
    expect(idConditions(cursor.sql)).toEqual(['id > ?']);
    const first = unusedPageSql('ds', { interval, limit: 10, lastSegmentId: null, sortOrder: 'DESC' });
    expect(idConditions(first.sql)).toEqual(['id > ?', 'id < ?']);
  });
});
