import { createContext, useContext } from 'react';
import type { SegmentRecord } from '../../api/segments.ts';

/** What the cells of the segments table act on; a context keeps the column definitions static. */
export interface SegmentRowActions {
  selected: ReadonlySet<string>;
  /** `shift`: extend from the anchor row (Shift-click or Shift+Space). */
  onCheck: (id: string, checked: boolean, shift: boolean) => void;
  onToggleState: (record: SegmentRecord) => void;
  onDetails: (record: SegmentRecord) => void;
  pendingId: string | null;
  /** False once Druid refused this user a write on the datasource. */
  writable: boolean;
  dataSource: string;
}

export const SegmentRowContext = createContext<SegmentRowActions | null>(null);

export function useSegmentRowActions(): SegmentRowActions {
  const actions = useContext(SegmentRowContext);
  if (!actions) throw new Error('SegmentRowContext is missing');
  return actions;
}
