import type { KillRow, UnusedCount } from '../../api/kill-count.ts';

/** A row of the list, or the one line standing for the counted segments no row was kept for. */
export type ListedRow = { row: KillRow } | { notListed: number };

export interface KillRowList {
  length: number;
  at(index: number): ListedRow | undefined;
}

export function rowList(rows: readonly KillRow[]): KillRowList {
  return {
    length: rows.length,
    at: (index) => {
      const row = rows[index];
      return row ? { row } : undefined;
    },
  };
}

/**
 * The rows a count kept, in segment ID order: the first ones (ascending end), then a line for those in between when
 * the cap left them out, then the last ones (kept descending, shown reversed).
 */
export function countedRowList(count: Pick<UnusedCount, 'count' | 'head' | 'headCount' | 'tail' | 'tailCount'>) {
  const { head, headCount, tail, tailCount } = count;
  const notListed = count.count - headCount - tailCount;
  const gap = notListed > 0 ? 1 : 0;
  return {
    length: headCount + gap + tailCount,
    at: (index: number): ListedRow | undefined => {
      if (index < headCount) {
        const row = head[index];
        return row ? { row } : undefined;
      }
      if (gap && index === headCount) return { notListed };
      const row = tail[tailCount - 1 - (index - headCount - gap)];
      return row ? { row } : undefined;
    },
  } satisfies KillRowList;
}
