import type { SegmentRecord } from '../../api/segments.ts';
import { useCanWrite } from '../../api/write-permissions.ts';
import { downloadFile } from '../../components/download-file.ts';
import { formatCount, formatCountOf } from '../../components/format.ts';
import { toast } from '../../components/toast.ts';
import { copyText, exportFileName, segmentsToCsv, segmentsToJson } from './export-segments.ts';
import type { SelectionSummary } from './selection.ts';

interface SelectionBarProps {
  dataSource: string;
  summary: SelectionSummary;
  selectedIds: ReadonlySet<string>;
  byId: ReadonlyMap<string, SegmentRecord>;
  onMarkUsed: () => void;
  onMarkUnused: () => void;
  onClear: () => void;
  /** Why nothing may be marked now (the filters on screen are not applied), or null. */
  blockedReason?: string | null;
}

function describe(summary: SelectionSummary): string {
  const parts = [
    `${formatCount(summary.byState.used)} used`,
    `${formatCount(summary.byState.overshadowed)} overshadowed`,
    `${formatCount(summary.byState.unused)} unused`,
  ];
  if (summary.hidden > 0) parts.push(`${formatCount(summary.hidden)} hidden by the filters`);
  if (summary.missing > 0) parts.push(`${formatCount(summary.missing)} no longer listed`);
  return parts.join(', ');
}

/** Why the mark buttons are off while the filters shown are not applied. */
export function BlockedNote({ reason }: { reason: string | null | undefined }) {
  return <p className="selection-bar-blocked">{reason}. Fix or clear the interval filter to mark segments.</p>;
}

/** What is selected (by state) and what can be done with it. */
export function SelectionBar(props: SelectionBarProps) {
  const { summary, selectedIds, byId, dataSource } = props;
  const writable = useCanWrite(dataSource);
  if (summary.total === 0) return null;
  const records = () => [...selectedIds].flatMap((id) => byId.get(id) ?? []);
  const copyIds = async () => {
    try {
      await copyText([...selectedIds].join('\n'));
      toast.success(`Copied ${formatCountOf(selectedIds.size, 'segment ID')}.`);
    } catch (error) {
      toast.error(`Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const blocked = Boolean(props.blockedReason);
  const canMarkUsed = writable && !blocked && (summary.byState.unused > 0 || summary.missing > 0);
  const canMarkUnused =
    writable && !blocked && (summary.byState.used + summary.byState.overshadowed > 0 || summary.missing > 0);
  return (
    <section className="selection-bar" aria-label="Selection">
      <p className="selection-bar-count" role="status">
        <strong>{formatCount(summary.total)} selected</strong> <span className="muted">({describe(summary)})</span>
      </p>
      <div className="row">
        <button type="button" className="primary" disabled={!canMarkUsed} onClick={props.onMarkUsed}>
          Mark used…
        </button>
        <button type="button" className="danger" disabled={!canMarkUnused} onClick={props.onMarkUnused}>
          Mark unused…
        </button>
        <button type="button" onClick={() => void copyIds()}>
          Copy IDs
        </button>
        <button
          type="button"
          onClick={() =>
            downloadFile(
              exportFileName(dataSource, summary.total, 'json'),
              segmentsToJson(records()),
              'application/json',
            )
          }
        >
          Export JSON
        </button>
        <button
          type="button"
          onClick={() =>
            downloadFile(exportFileName(dataSource, summary.total, 'csv'), segmentsToCsv(records()), 'text/csv')
          }
        >
          Export CSV
        </button>
        <button type="button" className="ghost" onClick={props.onClear}>
          Clear selection
        </button>
      </div>
      {blocked && <BlockedNote reason={props.blockedReason} />}
    </section>
  );
}
