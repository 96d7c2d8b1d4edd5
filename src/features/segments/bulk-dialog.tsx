import { useEffect, useId, useRef, useState } from 'react';
import { Dialog } from '../../components/dialog.tsx';
import { formatCount, formatCountOf } from '../../components/format.ts';
import { type BulkPlan, outcomeHeadline, summarizeOutcome } from './bulk-runner.ts';
import { type MarkEffect, markLabel, markQuestion, targetState } from './mark-effect.ts';
import { MarkEffectSummary } from './mark-effect-summary.tsx';
import { WholeDataSourceConfirmation } from './whole-datasource-confirmation.tsx';
import './mark-effect.css';
import type { BulkState } from './use-bulk-action.ts';
import { useRestoreFocus } from './use-restore-focus.ts';

interface BulkDialogProps {
  dataSource: string;
  state: BulkState;
  batchSize: number;
  onBatchSize: (size: number) => void;
  onRun: () => void;
  onCancel: () => void;
  onClose: () => void;
  onRetryFailed: () => void;
}

function ConfirmBody({ plan, effect }: { plan: BulkPlan; effect: MarkEffect }) {
  const target = targetState(plan.action);
  return (
    <div className="stack">
      <p>
        <strong>{formatCountOf(effect.count, 'segment')}</strong> of <strong>{effect.dataSource}</strong> will be marked{' '}
        {target}
        {plan.action === 'markUnused' ? ': Druid stops serving them and they become eligible for kill.' : '.'}
      </p>
      <MarkEffectSummary effect={effect} unsizedReason="no longer listed: Druid decides what they do" />
      {plan.alreadyInState.length > 0 && (
        <p>
          {formatCountOf(plan.alreadyInState.length, 'selected segment')}{' '}
          {plan.alreadyInState.length === 1 ? 'is' : 'are'} already {target} and will not be sent.
        </p>
      )}
      {plan.unknown.length > 0 && (
        <p>
          {formatCountOf(plan.unknown.length, 'selected segment')} no longer listed; Druid decides what{' '}
          {plan.unknown.length === 1 ? 'it does' : 'they do'}.
        </p>
      )}
      {plan.overshadowed.length > 0 && (
        <div className="alert warning" role="note">
          <strong>{formatCount(plan.overshadowed.length)} will stay unused.</strong> A newer version covers their
          interval, and Druid only revives segments no newer version overshadows:
          <ul className="bulk-id-list mono">
            {plan.overshadowed.slice(0, 10).map((id) => (
              <li key={id}>{id}</li>
            ))}
            {plan.overshadowed.length > 10 && <li>… and {formatCount(plan.overshadowed.length - 10)} more</li>}
          </ul>
        </div>
      )}
    </div>
  );
}

export function BulkDialog(props: BulkDialogProps) {
  return props.state.phase === 'idle' ? null : <OpenBulkDialog {...props} />;
}

function OpenBulkDialog(props: BulkDialogProps) {
  const { state } = props;
  const batchId = useId();
  const [typed, setTyped] = useState('');
  useRestoreFocus();
  const phaseButton = useRef<HTMLButtonElement>(null);
  const typedRef = useRef<HTMLInputElement>(null);
  // Keep keyboard focus in the dialog as its buttons change: on Cancel while running, on Close when done; on the
  // typed confirmation when one is asked for.
  useEffect(() => {
    if (state.phase === 'confirm') typedRef.current?.focus();
    if (state.phase === 'running' || state.phase === 'done') phaseButton.current?.focus();
  }, [state.phase]);
  if (state.phase === 'idle') return null;
  const { plan, effect, dataSource } = { ...state, dataSource: props.dataSource };

  let title: string;
  let footer = null;
  let body = null;
  if (state.phase === 'confirm') {
    const typedOk = !state.whole || typed === dataSource;
    const canRun = effect.count > 0 && typedOk;
    title = markQuestion(effect);
    body = (
      <>
        <ConfirmBody plan={plan} effect={effect} />
        {state.whole && (
          <WholeDataSourceConfirmation
            dataSource={dataSource}
            typed={typed}
            onTyped={setTyped}
            onConfirm={() => canRun && props.onRun()}
            inputRef={typedRef}
          />
        )}
        <div className="field bulk-batch-size">
          <label htmlFor={batchId}>Batch size (segment IDs per request)</label>
          <input
            id={batchId}
            type="number"
            min={1}
            max={10_000}
            value={props.batchSize}
            onChange={(event) => props.onBatchSize(Math.min(10_000, Math.max(1, Number(event.target.value) || 1)))}
          />
        </div>
      </>
    );
    footer = (
      <>
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button
          type="button"
          className={plan.action === 'markUnused' ? 'danger' : 'primary'}
          disabled={!canRun}
          onClick={props.onRun}
        >
          {markLabel(effect)}
        </button>
      </>
    );
  } else if (state.phase === 'running') {
    const { sent, total, changed, failed } = state.progress;
    title = `Marking ${formatCountOf(total, 'segment')} of ${dataSource} ${targetState(plan.action)}…`;
    body = (
      <div className="stack">
        <label htmlFor={`${batchId}-progress`}>
          Sent {formatCount(sent)} of {formatCount(total)}
        </label>
        <progress id={`${batchId}-progress`} value={sent} max={Math.max(total, 1)} />
        <p aria-live="polite">
          {formatCount(changed)} changed so far{failed > 0 ? `, ${formatCount(failed)} failed` : ''}.
          {state.cancelling && ' Stopping after the request in flight…'}
        </p>
      </div>
    );
    footer = (
      <button ref={phaseButton} type="button" onClick={props.onCancel} disabled={state.cancelling}>
        {state.cancelling ? 'Stopping…' : 'Cancel'}
      </button>
    );
  } else {
    const lines = summarizeOutcome(plan, state.outcome);
    const headline = outcomeHeadline(plan, state.outcome);
    title = headline.title;
    body = (
      <div className="stack">
        <p role="status" className={`bulk-headline bulk-headline-${headline.tone}`}>
          {headline.title}.
        </p>
        <table className="bulk-summary">
          <caption className="visually-hidden">Summary</caption>
          <tbody>
            {lines.map((line) => (
              <tr key={line.label} className={`bulk-summary-${line.tone}`}>
                <th scope="row">{line.label}</th>
                <td>{formatCount(line.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {state.outcome.failed.length > 0 && (
          <div className="alert error" role="alert">
            <strong>Errors</strong>
            <ul>
              {state.outcome.failed.map((batch) => (
                <li key={batch.ids[0]}>
                  {formatCountOf(batch.ids.length, 'segment')}: {batch.error}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    );
    footer = (
      <>
        {state.outcome.failed.length > 0 && (
          <button type="button" onClick={props.onRetryFailed}>
            Retry failed
          </button>
        )}
        <button ref={phaseButton} type="button" onClick={props.onClose}>
          Done
        </button>
      </>
    );
  }

  return (
    <Dialog open onClose={props.onClose} title={title} footer={footer}>
      {body}
    </Dialog>
  );
}
