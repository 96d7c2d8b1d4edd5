import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { SegmentRecord } from '../../api/segments.ts';
import { formatBytes, formatUtc } from '../../components/format.ts';
import { formatInstant } from '../../druid/instant.ts';
import { useSegmentRowActions } from './segment-row-context.ts';

// Sorting and filtering run over the full index (filter-segments.ts); the table only renders the rows on screen.
export const segmentTableFeatures = tableFeatures({ rowSortingFeature });

const helper = createColumnHelper<typeof segmentTableFeatures, SegmentRecord>();

/** `2015-09-12 05:00` (UTC), seconds and milliseconds only when present; `dateAtMidnight` writes `2015-09-12`. */
export function formatShortInstant(ms: number, dateAtMidnight = false): string {
  return formatUtc(ms, { dateAtMidnight });
}

/** `toMinute`: a state change's time to the minute (seconds are noise there; the full instant is in the title). */
function Instant({ ms, toMinute = false }: { ms: number | null; toMinute?: boolean }) {
  if (ms === null) return <span className="muted">—</span>;
  const full = formatInstant(ms);
  const short = formatShortInstant(ms);
  return (
    <time dateTime={full} title={full}>
      {toMinute ? short.slice(0, 'YYYY-MM-DD HH:MM'.length) : short}
    </time>
  );
}

function SelectCell({ record }: { record: SegmentRecord }) {
  const { selected, onCheck } = useSegmentRowActions();
  const checked = selected.has(record.id);
  return (
    <input
      type="checkbox"
      aria-label={`Select ${record.id}`}
      checked={checked}
      onChange={() => undefined}
      onClick={(event) => onCheck(record.id, event.currentTarget.checked, event.shiftKey)}
      onKeyDown={(event) => {
        // Shift+Space extends the range from the keyboard too.
        if (event.key === ' ' && event.shiftKey) {
          event.preventDefault();
          onCheck(record.id, !checked, true);
        }
      }}
    />
  );
}

function ActionsCell({ record }: { record: SegmentRecord }) {
  const { onToggleState, onDetails, pendingId, writable } = useSegmentRowActions();
  const makeUsed = record.state === 'unused';
  const pending = pendingId === record.id;
  return (
    <span className="segment-row-actions">
      <button
        type="button"
        className="compact"
        disabled={pending || !writable}
        aria-busy={pending}
        onClick={() => onToggleState(record)}
      >
        {makeUsed ? 'Mark used' : 'Mark unused'}
      </button>
      <button type="button" className="compact ghost" onClick={() => onDetails(record)}>
        Details
      </button>
    </span>
  );
}

/** Fitted to 1280 px wide screens (1198 in all): every date, version and button whole, nothing to scroll sideways. */
export const SEGMENT_COLUMN_WIDTHS: Record<string, number> = {
  select: 36,
  state: 118,
  start: 132,
  end: 132,
  version: 196,
  partition: 92,
  size: 80,
  replication: 90,
  lastUpdated: 132,
  actions: 190,
};

export const segmentColumns = helper.columns([
  helper.display({
    id: 'select',
    header: () => <span className="visually-hidden">Selected</span>,
    cell: (c) => <SelectCell record={c.row.original} />,
  }),
  helper.accessor('state', {
    header: 'State',
    cell: (c) => <span className={`badge ${c.getValue()}`}>{c.getValue()}</span>,
  }),
  helper.accessor('start', { header: 'Start (UTC)', cell: (c) => <Instant ms={c.getValue()} /> }),
  helper.accessor('end', { header: 'End (UTC)', cell: (c) => <Instant ms={c.getValue()} /> }),
  helper.accessor('version', { header: 'Version', cell: (c) => <span title={c.getValue()}>{c.getValue()}</span> }),
  helper.accessor('partition', { header: 'Partition', cell: (c) => c.getValue() }),
  helper.accessor('size', { header: 'Size', cell: (c) => formatBytes(c.getValue()) }),
  helper.accessor('replication', {
    header: 'Replicas',
    cell: (c) => c.getValue() ?? <span className="muted">—</span>,
  }),
  helper.accessor('lastUpdated', {
    header: 'Unused since',
    cell: (c) => <Instant ms={c.getValue()} toMinute />,
  }),
  helper.display({ id: 'actions', header: 'Actions', cell: (c) => <ActionsCell record={c.row.original} /> }),
]);
