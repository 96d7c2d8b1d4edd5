import { useId, useMemo, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatCount } from '../../components/format.ts';
import { IntervalPicker } from '../../components/interval-picker/interval-picker.tsx';
import { formatIntervalShort, readIntervalText } from '../../components/interval-picker/interval-text.ts';
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
      confirmLabel={preview ? `Mark ${formatCount(preview.willChange)} segments ${target}` : `Mark segments ${target}`}
      destructive={!used}
      pending={mark.isPending}
      error={mark.error ?? error ?? undefined}
      confirmDisabled={!reading.ok || !preview || preview.willChange === 0}
      onCancel={onClose}
      onConfirm={() => reading.ok && mark.mutate({ used, interval: reading.canonical })}
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
              <strong>{formatCount(preview.willChange)}</strong> segments fully inside <code>{reading.canonical}</code>{' '}
              will be marked {target}.
            </p>
            {preview.alreadyInState > 0 && (
              <p>
                {formatCount(preview.alreadyInState)} segments inside are already {target}.
              </p>
            )}
            {preview.overshadowed > 0 && (
              <p>
                {formatCount(preview.overshadowed)} unused segments inside stay unused: a newer version overshadows
                them.
              </p>
            )}
            {preview.partlyInside > 0 && (
              <p>{formatCount(preview.partlyInside)} segments only partly inside the interval are left as they are.</p>
            )}
          </>
        )}
      </div>
    </ConfirmDialog>
  );
}
