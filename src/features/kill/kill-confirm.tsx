import { useState } from 'react';
import { useCanWrite } from '../../api/write-permissions.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatBytes, formatCount } from '../../components/format.ts';
import { formatInterval } from '../../druid/interval.ts';
import type { KillDryRun } from './dry-run.ts';

interface KillConfirmProps {
  dataSource: string;
  dryRun: KillDryRun;
  onKill: (dryRun: KillDryRun) => Promise<unknown>;
  pending: boolean;
  error: unknown;
}

export function killLabel(count: number): string {
  return `Kill ${formatCount(count)} segment${count === 1 ? '' : 's'}`;
}

/** The kill button and its confirmation, which asks for the datasource's name before anything is deleted. */
export function KillConfirm({ dataSource, dryRun, onKill, pending, error }: KillConfirmProps) {
  const [open, setOpen] = useState(false);
  const writable = useCanWrite(dataSource);
  const count = dryRun.toDelete.length;
  return (
    <>
      <div className="row">
        <button type="button" className="danger" onClick={() => setOpen(true)} disabled={!writable}>
          {killLabel(count)}…
        </button>
        <span className="muted">
          {writable
            ? 'You will be asked to type the datasource’s name.'
            : `You may read but not change ${dataSource}: Druid refused your last change there.`}
        </span>
      </div>
      <ConfirmDialog
        open={open}
        title={`Permanently delete ${formatCount(count)} unused segment${count === 1 ? '' : 's'} of ${dataSource}?`}
        confirmLabel={killLabel(count)}
        destructive
        typedConfirmation={dataSource}
        pending={pending}
        error={error}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          onKill(dryRun).then(
            () => setOpen(false),
            () => undefined,
          );
        }}
      >
        <p>
          A kill task deletes the {formatCount(count)} unused segments ({formatBytes(dryRun.deleteSize)}) lying fully
          inside <code>{formatInterval(dryRun.interval)}</code> from the metadata store <strong>and</strong> from deep
          storage. <strong>This cannot be undone.</strong>
        </p>
        <p className="muted">
          Used segments and segments only partly inside the interval are kept. Segments marked unused after the dry run
          inside the interval would be deleted too.
        </p>
      </ConfirmDialog>
    </>
  );
}
