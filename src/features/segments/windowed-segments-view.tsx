import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { IntervalSummaries } from '../../api/interval-summaries.ts';
import type { SegmentRecord } from '../../api/segments.ts';
import { SkipToTable } from '../../components/data-table/skip-to-table.tsx';
import { formatCount } from '../../components/format.ts';
import type { Interval } from '../../druid/interval.ts';
import { BulkDialog } from './bulk-dialog.tsx';
import { FilterSelectionBar } from './filter-selection-bar.tsx';
import { PredicateDialog } from './predicate-dialog.tsx';
import { ReadOnlyNote } from './read-only-note.tsx';
import { SegmentCounts } from './segment-counts.tsx';
import { SegmentDetailDialog } from './segment-detail-dialog.tsx';
import { SegmentFilterBar } from './segment-filter-bar.tsx';
import type { SegmentFilters } from './segment-filters.ts';
import { SEGMENTS_TABLE_ID, SegmentsTable } from './segments-table.tsx';
import { SegmentsTimeline } from './segments-timeline.tsx';
import { SelectionBar } from './selection-bar.tsx';
import type { TimelineItem } from './timeline-buckets.ts';
import { useBulkAction } from './use-bulk-action.ts';
import { usePredicateAction } from './use-predicate-action.ts';
import { useRowActions } from './use-row-actions.ts';
import { useSegmentSelection } from './use-segment-selection.ts';
import { useSegmentUrl } from './use-segment-url.ts';
import { useSegmentWindows } from './use-segment-windows.ts';
import { useSegmentsView } from './use-segments-view.ts';
import { describeWindow, WindowBar } from './window-bar.tsx';
import { FULL_LOAD_MAX_SERVED, groupByStart, splitByCount, WINDOW_ROWS } from './window-sizing.ts';

const NO_RECORDS: SegmentRecord[] = [];
const NO_IDS = new Map<string, SegmentRecord>();

/**
 * Big datasources: the timeline from interval summaries, the table one time window at a time, and "all matching"
 * held as filters that become Druid predicates.
 */
export function WindowedSegmentsView(props: {
  dataSource: string;
  summaries: IntervalSummaries;
  /** The unused segments once all are summarised, null until then. */
  onUnusedCount: (count: number | null) => void;
}) {
  const { dataSource, summaries, onUnusedCount } = props;
  const noteId = useId();
  const { filters, setFilters, openSegmentId, setOpenSegment } = useSegmentUrl();
  const windows = useSegmentWindows(dataSource, summaries);
  const { window, query } = windows;
  const records = query.data?.records ?? NO_RECORDS;
  const byId = query.data?.byId ?? NO_IDS;
  const view = useSegmentsView(records, filters);
  // A new window starts with nothing selected: IDs of another window would read as "no longer listed".
  const selectionScope = `${dataSource}\u0000${window.start}`;
  const select = useSegmentSelection(selectionScope, records, byId, view.order, view.compiled);
  const data = useMemo(() => ({ records, byId }), [records, byId]);
  const bulk = useBulkAction(dataSource, data);
  const usedGroups = useMemo(() => groupByStart(summaries.intervals), [summaries]);
  const partsOf = useCallback((interval: Interval) => splitByCount(usedGroups, interval), [usedGroups]);
  const predicate = usePredicateAction(dataSource, partsOf);
  const [heldFilters, setHeldFilters] = useState<SegmentFilters | null>(null);
  const visibleRange = useRef({ start: 0, end: 0 });

  const { actions, writable } = useRowActions(dataSource, select, setOpenSegment);

  const timeline = useMemo<TimelineItem[]>(() => {
    const items: TimelineItem[] = summaries.intervals.map((entry) => ({ ...entry, state: 'used' }));
    for (const entry of windows.unused.totals?.intervals ?? []) items.push({ ...entry, state: 'unused' });
    return items;
  }, [summaries, windows.unused.totals]);
  // Edges move on only from a loaded window: pushes while the next one loads must not skip past it.
  const ready = query.isSuccess && !query.isFetching;
  const unusedTotal = windows.unused.totals?.done ? windows.unused.totals.counted : null;
  useEffect(() => onUnusedCount(unusedTotal), [unusedTotal, onUnusedCount]);

  return (
    <>
      <SkipToTable tableId={SEGMENTS_TABLE_ID} label="Skip to the segments table" />
      <p>
        {formatCount(summaries.count)} served segments
        {unusedTotal === null ? '' : ` and ${formatCount(unusedTotal)} unused`}, more than the{' '}
        {formatCount(FULL_LOAD_MAX_SERVED)} loaded at once: the table shows a time window of about{' '}
        {formatCount(WINDOW_ROWS)} segments at a time.
      </p>
      {!writable && <ReadOnlyNote dataSource={dataSource} />}
      <SegmentsTimeline
        records={timeline}
        highlight={window}
        onPick={(interval) => windows.jump(interval.start)}
        pickHint="shows that time in the table"
      />
      <WindowBar
        window={window}
        query={query}
        unused={windows.unused}
        onPrevious={windows.previous}
        onNext={windows.next}
      />
      <SegmentFilterBar filters={filters} onChange={setFilters} versions={view.versions} presets={view.presets} />
      {heldFilters ? (
        <FilterSelectionBar
          dataSource={dataSource}
          filters={heldFilters}
          onMark={(plan) => predicate.prepare(plan.predicate)}
          onClear={() => setHeldFilters(null)}
          blockedReason={view.notApplied}
        />
      ) : (
        <SelectionBar
          dataSource={dataSource}
          summary={select.summary}
          selectedIds={select.selection.ids}
          byId={byId}
          onMarkUsed={() => bulk.prepare('markUsed', select.selection.ids)}
          onMarkUnused={() => bulk.prepare('markUnused', select.selection.ids)}
          onClear={select.clear}
          blockedReason={view.notApplied}
        />
      )}
      <div className="row segments-table-toolbar">
        <SegmentCounts
          shown={view.order.length}
          total={records.length}
          scope=" in this window"
          complete={query.isSuccess}
          failed={query.isError}
          stale={view.stale}
          notApplied={view.notApplied}
          noteId={noteId}
        />
        <button
          type="button"
          disabled={view.order.length === 0}
          onClick={() => select.selectWindow(visibleRange.current.start, visibleRange.current.end)}
        >
          Select all on screen
        </button>
        <button
          type="button"
          disabled={view.order.length === 0 || !query.isSuccess || view.notApplied !== null}
          onClick={select.selectAllMatching}
        >
          Select all {formatCount(view.order.length)} matching in this window
        </button>
        <button
          type="button"
          disabled={view.notApplied !== null}
          onClick={() => {
            select.clear();
            setHeldFilters(filters);
          }}
        >
          Select all matching in the datasource
        </button>
      </div>
      <SegmentsTable
        records={records}
        order={view.order}
        sort={filters.sort}
        onSortChange={(sort) => setFilters({ sort })}
        actions={actions}
        visibleRange={visibleRange}
        caption={`Segments of ${dataSource} from ${describeWindow(window)}`}
        describedBy={view.notApplied === null ? undefined : noteId}
        empty={
          query.isSuccess
            ? 'No segment in this window matches the filters.'
            : query.isError
              ? 'This window could not be loaded.'
              : 'Loading…'
        }
        onEdge={ready ? (edge) => (edge === 'end' ? windows.next() : windows.previous()) : undefined}
        scrollTo={query.isSuccess ? { key: `${window.start}/${window.end}`, edge: windows.arrivedFrom } : undefined}
      />
      <BulkDialog
        dataSource={dataSource}
        state={bulk.state}
        batchSize={bulk.batchSize}
        onBatchSize={bulk.setBatchSize}
        onRun={bulk.run}
        onCancel={bulk.cancel}
        onClose={bulk.close}
        onRetryFailed={bulk.retryFailed}
      />
      <PredicateDialog
        dataSource={dataSource}
        state={predicate.state}
        onRun={() => void predicate.run()}
        onClose={predicate.close}
      />
      {openSegmentId !== null && (
        <SegmentDetailDialog
          dataSource={dataSource}
          segmentId={openSegmentId}
          record={byId.get(openSegmentId)}
          listingLoaded={query.isSuccess}
          onClose={() => setOpenSegment(null)}
        />
      )}
    </>
  );
}
