import { describe, expect, it } from 'vitest';
import type { KillRow } from '../../api/kill-count.ts';
import { countedRowList } from './kill-row-list.ts';

const row = (id: string): KillRow => ({ id, start: 0, end: 1, version: 'v', partition: 0, size: 1 });

describe('countedRowList', () => {
  it('lists the first rows, then the last ones reversed, with one line for those left out between', () => {
    const list = countedRowList({
      count: 10,
      head: [row('a'), row('b')],
      headCount: 2,
      tail: [row('j'), row('i')],
      tailCount: 2,
    });
    expect(list.length).toBe(5);
    expect([0, 1, 2, 3, 4].map((i) => list.at(i))).toEqual([
      { row: row('a') },
      { row: row('b') },
      { notListed: 6 },
      { row: row('i') },
      { row: row('j') },
    ]);
    expect(list.at(5)).toBeUndefined();
  });

  it('has no gap line when every counted segment is listed, and ignores rows added after the snapshot', () => {
    const head = [row('a'), row('b'), row('c')];
    const list = countedRowList({ count: 3, head, headCount: 2, tail: [row('z')], tailCount: 1 });
    expect(list.length).toBe(3);
    expect(list.at(2)).toEqual({ row: row('z') });
  });
});
