import { useMemo } from 'react';
import type { SegmentRecord } from '../../api/segments.ts';
import { useCanWrite } from '../../api/write-permissions.ts';
import type { SegmentRowActions } from './segment-row-context.ts';
import { useToggleSegment } from './use-toggle-segment.ts';

interface Selection {
  selection: { ids: ReadonlySet<string> };
  onCheck: SegmentRowActions['onCheck'];
}

/** What the rows of either view (full or windowed) act on: selection, the used/unused toggle, details. */
export function useRowActions(
  dataSource: string,
  select: Selection,
  setOpenSegment: (id: string | null) => void,
): { actions: SegmentRowActions; writable: boolean } {
  const toggle = useToggleSegment(dataSource);
  const writable = useCanWrite(dataSource);
  const actions = useMemo<SegmentRowActions>(
    () => ({
      selected: select.selection.ids,
      onCheck: select.onCheck,
      onToggleState: (record: SegmentRecord) => toggle.mutate({ record, used: record.state === 'unused' }),
      onDetails: (record: SegmentRecord) => setOpenSegment(record.id),
      pendingId: toggle.isPending ? (toggle.variables?.record.id ?? null) : null,
      dataSource,
      writable,
    }),
    [select.selection.ids, select.onCheck, toggle, setOpenSegment, dataSource, writable],
  );
  return { actions, writable };
}
