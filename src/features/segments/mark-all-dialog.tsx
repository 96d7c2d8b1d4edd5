import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatCount, formatCountOf } from '../../components/format.ts';
import { ETERNITY } from '../../druid/interval.ts';
import { markLabel, UNSIZED_BY_ID } from './mark-effect.ts';
import { MarkEffectSummary } from './mark-effect-summary.tsx';
import { useDataSourceMark } from './use-datasource-mark.ts';
import { useMarkPreview } from './use-mark-preview.ts';

interface MarkAllDialogProps {
  dataSource: string;
  used: boolean;
  onClose: () => void;
}

/**
 * Mark every segment used (never overshadowed ones) or unused, with the exact effect first. Marking all unused
 * leaves the datasource without a used segment, so its name must be typed, as anywhere else with that reach.
 */
export function MarkAllDialog({ dataSource, used, onClose }: MarkAllDialogProps) {
  const { preview, error } = useMarkPreview(dataSource, ETERNITY, used);
  const mark = useDataSourceMark(dataSource, onClose);
  const target = used ? 'used' : 'unused';

  return (
    <ConfirmDialog
      open
      title={`Mark all segments of ${dataSource} ${target}?`}
      confirmLabel={preview ? markLabel(preview.effect) : `Mark segments ${target}`}
      destructive={!used}
      typedConfirmation={used ? undefined : dataSource}
      pending={mark.isPending}
      error={mark.error ?? error ?? undefined}
      confirmDisabled={!preview || preview.willChange === 0}
      onCancel={onClose}
      onConfirm={() => preview && mark.mutate({ used, interval: null, preview })}
    >
      {!preview ? (
        <p aria-busy="true">Counting the segments of {dataSource}…</p>
      ) : used ? (
        <>
          <p>
            <strong>{formatCountOf(preview.willChange, 'unused segment')}</strong> of <strong>{dataSource}</strong> will
            be marked used; the Coordinator then loads them per the retention rules.
          </p>
          <MarkEffectSummary effect={preview.effect} undoIds={preview.ids} />
          {preview.overshadowed > 0 && (
            <p className="alert warning">
              {formatCount(preview.overshadowed)} more unused stay unused: a newer version overshadows them.
            </p>
          )}
          {preview.willChange === 0 && <p>Nothing would change: no unused segment can be revived.</p>}
        </>
      ) : (
        <>
          <p>
            <strong>{formatCountOf(preview.willChange, 'used segment')}</strong> of <strong>{dataSource}</strong> will
            be marked unused. Druid stops serving them: queries over their time range return nothing until they are
            marked used again. Unused segments can be killed (deleted for good).
          </p>
          <MarkEffectSummary effect={preview.effect} unsizedReason={UNSIZED_BY_ID} undoIds={preview.ids} />
          {preview.willChange === 0 && <p>Nothing would change: no segment is used.</p>}
        </>
      )}
    </ConfirmDialog>
  );
}
