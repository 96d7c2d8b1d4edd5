import { Dialog } from '../../components/dialog.tsx';
import { formatCount } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { formatInterval, isEternity } from '../../druid/interval.ts';
import type { SegmentPredicate } from './bulk-predicate.ts';
import type { PredicateState } from './use-predicate-action.ts';
import { useRestoreFocus } from './use-restore-focus.ts';

interface PredicateDialogProps {
  dataSource: string;
  state: PredicateState;
  onRun: () => void;
  onClose: () => void;
}

function target(predicate: SegmentPredicate): string {
  return predicate.action === 'markUsed' ? 'used' : 'unused';
}

/** The predicate in words: what Druid is asked to change. */
function Predicate({ predicate }: { predicate: SegmentPredicate }) {
  const source = predicate.action === 'markUsed' ? 'unused' : 'used (overshadowed included)';
  return (
    <p>
      Every {source} segment fully inside{' '}
      {isEternity(predicate.interval) ? 'all time' : <code>{formatInterval(predicate.interval)}</code>}
      {predicate.versions ? (
        <>
          {' '}
          of version <code>{predicate.versions.join(', ')}</code>
        </>
      ) : null}
      , as one request to Druid.
    </p>
  );
}

export function PredicateDialog(props: PredicateDialogProps) {
  return props.state.phase === 'idle' ? null : <OpenPredicateDialog {...props} />;
}

function OpenPredicateDialog({ dataSource, state, onRun, onClose }: PredicateDialogProps) {
  useRestoreFocus();
  if (state.phase === 'idle') return null;
  const { predicate } = state;
  const verb = target(predicate);
  let body = null;
  let footer = null;
  if (state.phase === 'counting') {
    body = (
      <p aria-busy="true" role="status">
        Counting the segments this changes: {formatCount(state.looked)} looked at…
      </p>
    );
    footer = (
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    );
  } else if (state.phase === 'count-failed') {
    body = <QueryErrorAlert title="Could not count the segments this changes" error={state.error} />;
    footer = (
      <button type="button" onClick={onClose}>
        Close
      </button>
    );
  } else if (state.phase === 'confirm' || state.phase === 'running') {
    const { willChange, overshadowed } = state.count;
    body = (
      <div className="stack">
        <p role="status">
          <strong>{formatCount(willChange)}</strong> segments of <strong>{dataSource}</strong> will be marked {verb}
          {predicate.action === 'markUnused' ? ': Druid stops serving them and they become eligible for kill.' : '.'}
        </p>
        {overshadowed > 0 && (
          <p className="alert warning">
            {formatCount(overshadowed)} unused segments inside stay unused: a newer version overshadows them.
          </p>
        )}
        {state.phase === 'running' && <p aria-busy="true">Sent; waiting for Druid…</p>}
      </div>
    );
    footer = (
      <>
        <button type="button" onClick={onClose} disabled={state.phase === 'running'}>
          Cancel
        </button>
        <button
          type="button"
          className={predicate.action === 'markUnused' ? 'danger' : 'primary'}
          disabled={willChange === 0 || state.phase === 'running'}
          onClick={onRun}
        >
          Mark {formatCount(willChange)} segments {verb}
        </button>
      </>
    );
  } else {
    body = (
      <div className="stack">
        {state.error ? (
          <QueryErrorAlert title="Druid refused the change; nothing was marked" error={state.error} />
        ) : (
          <p role="status">
            Done:{' '}
            {state.changed === null
              ? `Druid did not report how many changed (${formatCount(state.count.willChange)} expected).`
              : `${formatCount(state.changed)} segments marked ${verb}.`}
          </p>
        )}
      </div>
    );
    footer = (
      <button type="button" className="primary" onClick={onClose}>
        Done
      </button>
    );
  }
  return (
    <Dialog open onClose={onClose} title={`Mark all matching segments ${verb}`} footer={footer}>
      <div className="stack">
        <Predicate predicate={predicate} />
        {body}
      </div>
    </Dialog>
  );
}
