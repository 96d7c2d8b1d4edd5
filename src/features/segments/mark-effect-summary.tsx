import { formatCount, formatCountOf } from '../../components/format.ts';
import { formatEffectBytes, formatRange, type MarkEffect, UNDO_MAX_IDS } from './mark-effect.ts';

const SHOWN_VERSIONS = 3;

interface MarkEffectSummaryProps {
  effect: MarkEffect;
  /** Why sizes are unknown, when some are. */
  unsizedReason?: string;
  /** The IDs an Undo would mark back; null: too many to keep, so the mark has no Undo (and says so first). */
  undoIds?: readonly string[] | null;
}

/** The exact effect as a short list: datasource, segments, time range, versions, size. */
export function MarkEffectSummary({ effect, unsizedReason, undoIds }: MarkEffectSummaryProps) {
  const { versions } = effect;
  return (
    <>
      <dl className="key-values mark-effect">
        <dt>Datasource</dt>
        <dd>{effect.dataSource}</dd>
        <dt>Segments</dt>
        <dd>{formatCountOf(effect.count, 'segment')}</dd>
        {effect.range && (
          <>
            <dt>Time range</dt>
            <dd className="mono">{formatRange(effect.range)}</dd>
          </>
        )}
        {versions.length > 0 && (
          <>
            <dt>{versions.length === 1 ? 'Version' : `${formatCountOf(versions.length, 'version')}`}</dt>
            <dd className="mono">
              {versions.slice(0, SHOWN_VERSIONS).join(', ')}
              {versions.length > SHOWN_VERSIONS && ` and ${formatCount(versions.length - SHOWN_VERSIONS)} more`}
            </dd>
          </>
        )}
        <dt>Size</dt>
        <dd>
          {formatEffectBytes(effect)}
          {effect.unsized > 0 && unsizedReason && <span className="muted"> ({unsizedReason})</span>}
        </dd>
      </dl>
      {undoIds === null && (
        <p className="muted">
          No Undo: more than {formatCount(UNDO_MAX_IDS)} segments are too many to remember which ones changed.
        </p>
      )}
    </>
  );
}
