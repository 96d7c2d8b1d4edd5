import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatCount } from '../../components/format.ts';
import { ETERNITY } from '../../druid/interval.ts';
import { useDataSourceMark } from './use-datasource-mark.ts';
import { useMarkPreview } from './use-mark-preview.ts';

interface MarkAllDialogProps {
  dataSource: string;
  used: boolean;
  onClose: () => void;
}

/** Mark every segment used (never overshadowed ones) or unused, with the exact count first. */
export function MarkAllDialog({ dataSource, used, onClose }: MarkAllDialogProps) {
  const { preview, error } = useMarkPreview(dataSource, ETERNITY, used);
  const mark = useDataSourceMark(dataSource, onClose);
  const target = used ? 'used' : 'unused';
  const count = preview ? formatCount(preview.willChange) : '…';

  return (
    <ConfirmDialog
      open
      title={`Mark all segments of ${dataSource} ${target}?`}
      confirmLabel={`Mark ${count} segments ${target}`}
      destructive={!used}
      typedConfirmation={used ? undefined : dataSource}
      pending={mark.isPending}
      error={mark.error ?? error ?? undefined}
      confirmDisabled={!preview || preview.willChange === 0}
      onCancel={onClose}
      onConfirm={() => mark.mutate({ used, interval: null })}
    >
      {!preview ? (
        <p aria-busy="true">Counting the segments of {dataSource}…</p>
      ) : used ? (
        <>
          <p>
            <strong>{count}</strong> unused segments of <strong>{dataSource}</strong> will be marked used; the
            Coordinator then loads them per the retention rules.
          </p>
          {preview.overshadowed > 0 && (
            <p className="alert warning">
              {formatCount(preview.overshadowed)} unused segments stay unused: a newer version overshadows them.
            </p>
          )}
          {preview.willChange === 0 && <p>Nothing would change: no unused segment can be revived.</p>}
        </>
      ) : (
        <>
          <p>
            <strong>{count}</strong> used segments of <strong>{dataSource}</strong> will be marked unused. Druid stops
            serving them: queries over their time range return nothing until they are marked used again. Unused segments
            can be killed (deleted for good).
          </p>
          {preview.willChange === 0 && <p>Nothing would change: no segment is used.</p>}
        </>
      )}
    </ConfirmDialog>
  );
}
