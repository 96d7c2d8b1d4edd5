import { useState } from 'react';
import type { UnusedCount } from '../../api/kill-count.ts';
import { useCanWrite } from '../../api/write-permissions.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatBytes, formatCountOf, formatUtcRange } from '../../components/format.ts';
import { formatInterval, type Interval } from '../../druid/interval.ts';
import { KillVersionList } from './kill-version-list.tsx';

interface KillConfirmProps {
  dataSource: string;
  interval: Interval;
  /** A complete count of what the kill deletes. */
  count: UnusedCount;
  onKill: (interval: Interval) => Promise<unknown>;
  pending: boolean;
  error: unknown;
}

export function killLabel(count: number): string {
  return `Kill ${formatCountOf(count, 'segment')}`;
}

/** The kill button and its confirmation, which states the exact effect and asks for the datasource's name. */
export function KillConfirm({ dataSource, interval, count, onKill, pending, error }: KillConfirmProps) {
  const [open, setOpen] = useState(false);
  const writable = useCanWrite(dataSource);
  const total = count.count;
  return (
    <>
      <div className="row">
        <button type="button" className="danger" onClick={() => setOpen(true)} disabled={!writable}>
          {killLabel(total)}…
        </button>
        <span className="muted">
          {writable
            ? 'You will be asked to type the datasource’s name.'
            : `You may read but not change ${dataSource}: Druid refused your last change there.`}
        </span>
      </div>
      <ConfirmDialog
        open={open}
        title={`Permanently delete ${formatCountOf(total, 'unused segment')} of ${dataSource}?`}
        confirmLabel={killLabel(total)}
        destructive
        typedConfirmation={dataSource}
        pending={pending}
        error={error}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          onKill(interval).then(
            () => setOpen(false),
            () => undefined,
          );
        }}
      >
        <p>
          A kill task deletes the {formatCountOf(total, 'unused segment')} ({formatBytes(count.bytes)}) lying fully
          inside <code>{formatInterval(interval)}</code> from the metadata store <strong>and</strong> from deep storage.{' '}
          <strong>This cannot be undone.</strong>
        </p>
        {count.range && (
          <p>Segments from {formatUtcRange(count.range.start, count.range.end, { zone: true })}, in these versions:</p>
        )}
        <KillVersionList count={count} label="Versions the kill deletes" />
        <p className="muted">
          Used segments and segments only partly inside the interval are kept. Segments marked unused after the dry run
          inside the interval would be deleted too.
        </p>
      </ConfirmDialog>
    </>
  );
}
