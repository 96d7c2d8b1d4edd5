import { useQuery } from '@tanstack/react-query';
import { type SegmentRecord, segmentDetailQueryOptions } from '../../api/segments.ts';
import { Dialog } from '../../components/dialog.tsx';
import { formatBytes } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { toast } from '../../components/toast.ts';
import { formatInterval } from '../../druid/interval.ts';
import { copyText } from './export-segments.ts';
import { useRestoreFocus } from './use-restore-focus.ts';

interface SegmentDetailDialogProps {
  dataSource: string;
  /** The ID from the URL; the record when the listing has it. */
  segmentId: string;
  record: SegmentRecord | undefined;
  listingLoaded: boolean;
  onClose: () => void;
}

async function copy(text: string, what: string) {
  try {
    await copyText(text);
    toast.success(`Copied ${what}.`);
  } catch (error) {
    toast.error(`Could not copy ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function Detail({ dataSource, record }: { dataSource: string; record: SegmentRecord }) {
  const detail = useQuery(segmentDetailQueryOptions(dataSource, record));
  const json = detail.data === undefined ? null : JSON.stringify(detail.data, null, 2);
  return (
    <div className="stack">
      <dl className="key-values">
        <dt>ID</dt>
        <dd className="mono">{record.id}</dd>
        <dt>State</dt>
        <dd>
          <span className={`badge ${record.state}`}>{record.state}</span>
        </dd>
        <dt>Interval</dt>
        <dd className="mono">{formatInterval(record)}</dd>
        <dt>Version</dt>
        <dd className="mono">{record.version}</dd>
        <dt>Partition</dt>
        <dd>{record.partition}</dd>
        <dt>Size</dt>
        <dd>{formatBytes(record.size)}</dd>
      </dl>
      <div className="row">
        <button type="button" onClick={() => void copy(record.id, 'the segment ID')}>
          Copy ID
        </button>
        <button type="button" disabled={json === null} onClick={() => json && void copy(json, 'the segment JSON')}>
          Copy JSON
        </button>
        <button type="button" onClick={() => void copy(window.location.href, 'a link to this segment')}>
          Copy link
        </button>
      </div>
      {detail.isPending && <p aria-busy="true">Loading the segment’s JSON…</p>}
      {detail.isError && <QueryErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {json !== null && (
        <section aria-label="Segment JSON">
          <pre className="segment-json">{json}</pre>
        </section>
      )}
    </div>
  );
}

/** The segment named by `?segment=<id>`: its fields, full JSON, copy buttons and a shareable link. */
export function SegmentDetailDialog({
  dataSource,
  segmentId,
  record,
  listingLoaded,
  onClose,
}: SegmentDetailDialogProps) {
  useRestoreFocus();
  return (
    <Dialog open onClose={onClose} title="Segment details" size="large">
      {record ? (
        <Detail dataSource={dataSource} record={record} />
      ) : listingLoaded ? (
        <div className="alert warning" role="alert">
          <strong>Segment not found.</strong> <span className="mono">{segmentId}</span> is not among the used or unused
          segments of {dataSource}.
        </div>
      ) : (
        <p aria-busy="true">Looking for the segment…</p>
      )}
    </Dialog>
  );
}
