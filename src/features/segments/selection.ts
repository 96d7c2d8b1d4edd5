/**
 * Row selection as a set of segment IDs, so it survives sorting, filtering and refetches. The anchor is the last
 * row clicked without Shift; a Shift-click applies the clicked row's new state to every row between the anchor and
 * it, in the order the table currently shows.
 */
import type { SegmentRecord, SegmentState } from '../../api/segments.ts';

export interface Selection {
  ids: ReadonlySet<string>;
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

/** The rows as the table shows them: how many, and the ID at a position. */
export interface RowOrder {
  length: number;
  idAt(position: number): string;
  positionOf(id: string): number;
}

export function toggleOne(selection: Selection, id: string, selected: boolean): Selection {
  const ids = new Set(selection.ids);
  if (selected) ids.add(id);
  else ids.delete(id);
  return { ids, anchor: id };
}

/**
 * A Shift-click on `id`: sets every row from the anchor to `id` (both included) to `selected`. Without an anchor on
 * screen (none yet, or filtered away) it is a plain toggle that becomes the new anchor.
 */
export function toggleRange(selection: Selection, order: RowOrder, id: string, selected: boolean): Selection {
  const to = order.positionOf(id);
  const from = selection.anchor === null ? -1 : order.positionOf(selection.anchor);
  if (from < 0 || to < 0) return toggleOne(selection, id, selected);
  const ids = new Set(selection.ids);
  const [low, high] = from <= to ? [from, to] : [to, from];
  for (let position = low; position <= high; position++) {
    const rowId = order.idAt(position);
    if (selected) ids.add(rowId);
    else ids.delete(rowId);
  }
  // The anchor stays put, so successive Shift-clicks re-span from the same row, as in file managers.
  return { ids, anchor: selection.anchor };
}

export function selectIds(selection: Selection, idsToAdd: Iterable<string>): Selection {
  const ids = new Set(selection.ids);
  for (const id of idsToAdd) ids.add(id);
  return { ids, anchor: selection.anchor };
}

export function deselectIds(selection: Selection, idsToRemove: Iterable<string>): Selection {
  const ids = new Set(selection.ids);
  for (const id of idsToRemove) ids.delete(id);
  return { ids, anchor: selection.anchor };
}

/** Every ID in positions [from, to). */
export function idsInRange(order: RowOrder, from: number, to: number): string[] {
  const ids: string[] = [];
  for (let position = Math.max(0, from); position < Math.min(order.length, to); position++)
    ids.push(order.idAt(position));
  return ids;
}

export interface SelectionSummary {
  total: number;
  byState: Record<SegmentState, number>;
  /** Selected IDs the current listing no longer has (killed, or changed by someone else). */
  missing: number;
  /** Selected and listed, but hidden by the current filters. */
  hidden: number;
}

export function summarizeSelection(
  selection: Selection,
  recordsById: ReadonlyMap<string, SegmentRecord>,
  isVisible: (record: SegmentRecord) => boolean,
): SelectionSummary {
  const summary: SelectionSummary = {
    total: selection.ids.size,
    byState: { used: 0, overshadowed: 0, unused: 0 },
    missing: 0,
    hidden: 0,
  };
  for (const id of selection.ids) {
    const record = recordsById.get(id);
    if (!record) {
      summary.missing++;
      continue;
    }
    summary.byState[record.state]++;
    if (!isVisible(record)) summary.hidden++;
  }
  return summary;
}
