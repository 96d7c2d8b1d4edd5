import { useEffect, useId, useMemo, useRef } from 'react';
import type { SegmentRecord } from '../../api/segments.ts';
import { SkipToTable } from '../../components/data-table/skip-to-table.tsx';
import { formatCount } from '../../components/format.ts';
import { formatIntervalShort } from '../../components/interval-picker/interval-text.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { BulkDialog } from './bulk-dialog.tsx';
import { ReadOnlyNote } from './read-only-note.tsx';
import { SegmentCounts } from './segment-counts.tsx';
import { SegmentDetailDialog } from './segment-detail-dialog.tsx';
import { SegmentFilterBar } from './segment-filter-bar.tsx';
import { SEGMENTS_TABLE_ID, SegmentsTable } from './segments-table.tsx';
import { SegmentsTimeline } from './segments-timeline.tsx';
import { SelectionBar } from './selection-bar.tsx';
import { useBulkAction } from './use-bulk-action.ts';
import { useRowActions } from './use-row-actions.ts';
import { useSegmentRecords } from './use-segment-records.ts';
import { useSegmentSelection } from './use-segment-selection.ts';
import { useSegmentUrl } from './use-segment-url.ts';
import { useSegmentsView } from './use-segments-view.ts';

function LoadStatus({ data }: { data: ReturnType<typeof useSegmentRecords> }) {
  return (
    <div className="segments-load" aria-live="polite">
      {data.usedStatus === 'pending' && <p aria-busy="true">Loading used segments…</p>}
      {!data.unusedDone && !data.unusedError && (
        <div className="row">
          <label htmlFor="unused-progress">Loading unused segments: {formatCount(data.unusedLoaded)} so far</label>
          <progress id="unused-progress" />
        </div>
      )}
      {data.refreshing && <p className="muted">Refreshing…</p>}
      {data.usedError ? (
        <QueryErrorAlert title="Could not load the used segments" error={data.usedError} onRetry={data.retry} />
      ) : null}
      {data.unusedError ? (
        <QueryErrorAlert title="Could not load the unused segments" error={data.unusedError} onRetry={data.retry} />
      ) : null}
    </div>
  );
}

function countStates(records: readonly SegmentRecord[]) {
  const counts = { used: 0, overshadowed: 0, unused: 0 };
  for (const record of records) counts[record.state]++;
  return counts;
}

interface FullSegmentsViewProps {
  dataSource: string;
  onTooBig: () => void;
  /** The unused segments once all are loaded, null until then. */
  onUnusedCount: (count: number | null) => void;
}

/** Small datasources: every segment loaded, filters and sort over all of them at once. */
export function FullSegmentsView({ dataSource, onTooBig, onUnusedCount }: FullSegmentsViewProps) {
  const noteId = useId();
  const { filters, setFilters, openSegmentId, setOpenSegment } = useSegmentUrl();
  const data = useSegmentRecords(dataSource);
  useEffect(() => {
    if (data.overCap) onTooBig();
  }, [data.overCap, onTooBig]);
  const view = useSegmentsView(data.records, filters);
  const select = useSegmentSelection(dataSource, data.records, data.byId, view.order, view.compiled);
  const bulk = useBulkAction(dataSource, data);
  const visibleRange = useRef({ start: 0, end: 0 });

  const { actions, writable } = useRowActions(dataSource, select, setOpenSegment);

  const counts = useMemo(() => countStates(data.records), [data.records]);
  const loaded = data.usedStatus === 'success' && data.unusedDone;
  useEffect(() => onUnusedCount(loaded ? counts.unused : null), [loaded, counts.unused, onUnusedCount]);

  return (
    <>
      <SkipToTable tableId={SEGMENTS_TABLE_ID} label="Skip to the segments table" />
      {!writable && <ReadOnlyNote dataSource={dataSource} />}
      <LoadStatus data={data} />
      <SegmentsTimeline
        records={view.timelineRecords}
        highlight={view.compiled.interval}
        totals={data.records.length > 0 ? { counts, complete: loaded } : undefined}
        onPick={(interval) => setFilters({ interval: formatIntervalShort(interval, 'utc') })}
      />
      <SegmentFilterBar filters={filters} onChange={setFilters} versions={view.versions} presets={view.presets} />
      <SelectionBar
        dataSource={dataSource}
        summary={select.summary}
        selectedIds={select.selection.ids}
        byId={data.byId}
        onMarkUsed={() => bulk.prepare('markUsed', select.selection.ids)}
        onMarkUnused={() => bulk.prepare('markUnused', select.selection.ids)}
        onClear={select.clear}
        blockedReason={view.notApplied}
      />
      <div className="row segments-table-toolbar">
        <SegmentCounts
          shown={view.order.length}
          total={data.records.length}
          complete={loaded}
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
        {select.allMatchingSelected ? (
          <button type="button" onClick={select.deselectAllMatching}>
            Deselect all {formatCount(view.order.length)} matching
          </button>
        ) : (
          <button
            type="button"
            disabled={view.order.length === 0 || !loaded || view.notApplied !== null}
            onClick={select.selectAllMatching}
          >
            Select all {formatCount(view.order.length)} matching
          </button>
        )}
      </div>
      <SegmentsTable
        records={data.records}
        order={view.order}
        sort={filters.sort}
        onSortChange={(sort) => setFilters({ sort })}
        actions={actions}
        visibleRange={visibleRange}
        caption={`Segments of ${dataSource}`}
        describedBy={view.notApplied === null ? undefined : noteId}
        empty={
          data.records.length === 0
            ? loaded
              ? 'This datasource has no segments.'
              : 'Loading…'
            : 'No segment matches the filters.'
        }
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
      {openSegmentId !== null && (
        <SegmentDetailDialog
          dataSource={dataSource}
          segmentId={openSegmentId}
          record={data.byId.get(openSegmentId)}
          listingLoaded={loaded}
          onClose={() => setOpenSegment(null)}
        />
      )}
    </>
  );
}
