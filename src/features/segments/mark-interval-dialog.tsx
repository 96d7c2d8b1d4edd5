import { useId, useMemo, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatCountOf } from '../../components/format.ts';
import { IntervalPicker } from '../../components/interval-picker/interval-picker.tsx';
import { formatIntervalShort, readIntervalText } from '../../components/interval-picker/interval-text.ts';
import { markLabel, UNSIZED_BY_ID } from './mark-effect.ts';
import { MarkEffectSummary } from './mark-effect-summary.tsx';
import { EMPTY_FILTERS } from './segment-filters.ts';
import { useDataSourceMark } from './use-datasource-mark.ts';
import { useMarkPreview } from './use-mark-preview.ts';
import { useSegmentsView } from './use-segments-view.ts';

interface MarkIntervalDialogProps {
  dataSource: string;
  used: boolean;
  onClose: () => void;
}

/** Mark used or unused by interval, with a live count of the segments fully inside that will change. */
export function MarkIntervalDialog({ dataSource, used: initiallyUsed, onClose }: MarkIntervalDialogProps) {
  const id = useId();
  const [used, setUsed] = useState(initiallyUsed);
  const [text, setText] = useState('');
  const reading = useMemo(() => readIntervalText(text), [text]);
  const { preview, error, big, records, range } = useMarkPreview(
    dataSource,
    reading.ok ? reading.interval : null,
    used,
  );
  const view = useSegmentsView(records, EMPTY_FILTERS);
  // A big datasource is not loaded: its served range is the one preset known without paging.
  const presets =
    big && range ? [{ label: 'Whole datasource', interval: formatIntervalShort(range, 'utc') }] : view.presets;
  const mark = useDataSourceMark(dataSource, onClose);
  const target = used ? 'used' : 'unused';

  return (
    <ConfirmDialog
      open
      size="large"
      title={`Mark segments of ${dataSource} ${target} by interval`}
      confirmLabel={preview ? markLabel(preview.effect) : `Mark segments ${target}`}
      destructive={!used}
      typedConfirmation={preview?.leavesNoUsed ? dataSource : undefined}
      pending={mark.isPending}
      error={mark.error ?? error ?? undefined}
      confirmDisabled={!reading.ok || !preview || preview.willChange === 0}
      onCancel={onClose}
      onConfirm={() => reading.ok && preview && mark.mutate({ used, interval: reading.canonical, preview })}
    >
      <fieldset className="row mark-interval-action">
        <legend>Action</legend>
        <label>
          <input type="radio" name={`${id}-action`} checked={!used} onChange={() => setUsed(false)} />
          Mark unused
        </label>
        <label>
          <input type="radio" name={`${id}-action`} checked={used} onChange={() => setUsed(true)} />
          Mark used
        </label>
      </fieldset>
      <IntervalPicker label="Interval" value={text} onChange={setText} presets={presets} />
      <div className="alert info" aria-live="polite">
        {!reading.ok ? (
          <p>Choose an interval: only segments fully inside it change.</p>
        ) : !preview ? (
          <p aria-busy="true">Counting segments…</p>
        ) : (
          <>
            <p>
              <strong>{formatCountOf(preview.willChange, 'segment')}</strong> fully inside{' '}
              <code>{reading.canonical}</code> will be marked {target}.
            </p>
            <MarkEffectSummary effect={preview.effect} unsizedReason={UNSIZED_BY_ID} undoIds={preview.ids} />
            {preview.alreadyInState > 0 && (
              <p>
                {formatCountOf(preview.alreadyInState, 'segment')} inside {preview.alreadyInState === 1 ? 'is' : 'are'}{' '}
                already {target}.
              </p>
            )}
            {preview.overshadowed > 0 && (
              <p>
                {formatCountOf(preview.overshadowed, 'unused segment')} inside{' '}
                {preview.overshadowed === 1 ? 'stays' : 'stay'} unused: a newer version overshadows them.
              </p>
            )}
            {preview.partlyInside > 0 && (
              <p>
                {formatCountOf(preview.partlyInside, 'segment')} only partly inside the interval{' '}
                {preview.partlyInside === 1 ? 'is' : 'are'} left as {preview.partlyInside === 1 ? 'it is' : 'they are'}.
              </p>
            )}
            {preview.leavesNoUsed && (
              <p>
                <strong>This leaves {dataSource} without a used segment:</strong> Druid will serve nothing of it.
              </p>
            )}
          </>
        )}
      </div>
    </ConfirmDialog>
  );
}
