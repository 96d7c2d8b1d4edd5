import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../../components/dialog.tsx';
import { formatCount, formatCountOf } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { formatInterval, isEternity } from '../../druid/interval.ts';
import type { SegmentPredicate } from './bulk-predicate.ts';
import { markLabel, markQuestion, predicateHeadline, UNSIZED_BY_ID } from './mark-effect.ts';
import { MarkEffectSummary } from './mark-effect-summary.tsx';
import { WholeDataSourceConfirmation } from './whole-datasource-confirmation.tsx';
import './mark-effect.css';
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
  const [typed, setTyped] = useState('');
  const typedRef = useRef<HTMLInputElement>(null);
  const whole = state.phase === 'confirm' && state.whole;
  useEffect(() => {
    if (whole) typedRef.current?.focus();
  }, [whole]);
  if (state.phase === 'idle') return null;
  const { predicate } = state;
  const verb = target(predicate);
  let title = `Mark all matching segments ${verb}`;
  let body = null;
  let footer = null;
  if (state.phase === 'counting') {
    body = (
      <p aria-busy="true" role="status">
        Counting the segments this changes: {formatCount(state.looked)} looked at so far…
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
    const { effect, count } = state;
    const canRun = effect.count > 0 && state.phase === 'confirm' && (!state.whole || typed === dataSource);
    title = markQuestion(effect);
    body = (
      <div className="stack">
        <p role="status">
          <strong>{formatCountOf(count.willChange, 'segment')}</strong> of <strong>{dataSource}</strong> will be marked{' '}
          {verb}
          {predicate.action === 'markUnused' ? ': Druid stops serving them and they become eligible for kill.' : '.'}
        </p>
        <MarkEffectSummary effect={effect} unsizedReason={UNSIZED_BY_ID} undoIds={state.ids} />
        {count.overshadowed > 0 && (
          <p className="alert warning">
            {formatCountOf(count.overshadowed, 'unused segment')} inside {count.overshadowed === 1 ? 'stays' : 'stay'}{' '}
            unused: a newer version overshadows them.
          </p>
        )}
        {state.whole && (
          <WholeDataSourceConfirmation
            dataSource={dataSource}
            typed={typed}
            onTyped={setTyped}
            onConfirm={() => canRun && onRun()}
            disabled={state.phase === 'running'}
            inputRef={typedRef}
          />
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
          disabled={!canRun}
          onClick={onRun}
        >
          {markLabel(effect)}
        </button>
      </>
    );
  } else {
    const headline = predicateHeadline(
      predicate.action,
      state.error ? { failed: true } : { failed: false, changed: state.changed },
    );
    title = headline.title;
    body = (
      <div className="stack">
        {state.error ? (
          <QueryErrorAlert title="Druid refused the change; nothing was marked" error={state.error} />
        ) : (
          <p role="status" className={`bulk-headline bulk-headline-${headline.tone}`}>
            {headline.title}
            {state.changed === null ? ` (${formatCountOf(state.count.willChange, 'segment')} expected)` : ''}.
          </p>
        )}
      </div>
    );
    footer = (
      <button type="button" onClick={onClose}>
        Done
      </button>
    );
  }
  return (
    <Dialog open onClose={onClose} title={title} footer={footer}>
      <div className="stack">
        <Predicate predicate={predicate} />
        {body}
      </div>
    </Dialog>
  );
}
