import { formatCount, formatCountOf } from '../../components/format.ts';

interface SegmentCountsProps {
  shown: number;
  total: number;
  /** Appended to "segments", e.g. " in this window". */
  scope?: string;
  /** False while rows are still coming in: the figures are marked "so far", and never read "0 of 0". */
  complete: boolean;
  /** The rows are being refiltered in the background. */
  stale: boolean;
  /** Why the filters shown are not the ones applied (filtersNotApplied). */
  notApplied: string | null;
  /** The id of the not-applied note, so the table can point to it (aria-describedby). */
  noteId: string;
  /** The rows could not be loaded (the error is shown next to it): not "Loading" forever. */
  failed?: boolean;
}

/** "Showing 4 of 24 segments", and when the interval filter does not parse, that it is not applied. */
export function SegmentCounts(props: SegmentCountsProps) {
  const { shown, total, scope = '', complete, stale, notApplied, noteId, failed = false } = props;
  const text =
    failed && total === 0
      ? `No segments loaded${scope}`
      : !complete && total === 0
        ? 'Loading segments…'
        : `Showing ${formatCount(shown)} of ${formatCountOf(total, 'segment')}${scope}${complete ? '' : ' so far'}`;
  return (
    <span role="status" aria-busy={stale || (!complete && !failed)}>
      {text}
      {notApplied !== null && (
        <>
          {' · '}
          <strong id={noteId} className="field-error">
            {notApplied}
          </strong>
        </>
      )}
    </span>
  );
}
