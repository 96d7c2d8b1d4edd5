import { useEffect, useId, useRef } from 'react';
import { Dialog } from '../../components/dialog.tsx';
import { formatCount } from '../../components/format.ts';
import { type BulkPlan, summarizeOutcome } from './bulk-runner.ts';
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

function verb(plan: BulkPlan): string {
  return plan.action === 'markUsed' ? 'used' : 'unused';
}

function ConfirmBody({ plan, dataSource }: { plan: BulkPlan; dataSource: string }) {
  const target = verb(plan);
  return (
    <div className="stack">
      <p>
        <strong>{formatCount(plan.toSend.length)}</strong> segments of <strong>{dataSource}</strong> will be marked{' '}
        {target}
        {plan.action === 'markUnused' ? ': Druid stops serving them and they become eligible for kill.' : '.'}
      </p>
      {plan.alreadyInState.length > 0 && (
        <p>
          {formatCount(plan.alreadyInState.length)} selected segments are already {target} and will not be sent.
        </p>
      )}
      {plan.unknown.length > 0 && (
        <p>{formatCount(plan.unknown.length)} selected segments are no longer listed; Druid decides what they do.</p>
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
  const { state, dataSource } = props;
  const batchId = useId();
  useRestoreFocus();
  const phaseButton = useRef<HTMLButtonElement>(null);
  // Keep keyboard focus in the dialog as its buttons change: on Cancel while running, on Close when done.
  useEffect(() => {
    if (state.phase === 'running' || state.phase === 'done') phaseButton.current?.focus();
  }, [state.phase]);
  if (state.phase === 'idle') return null;
  const plan = state.plan;
  const title = `Mark ${formatCount(plan.toSend.length)} segments ${verb(plan)}`;

  let footer = null;
  let body = null;
  if (state.phase === 'confirm') {
    body = (
      <>
        <ConfirmBody plan={plan} dataSource={dataSource} />
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
          disabled={plan.toSend.length === 0}
          onClick={props.onRun}
        >
          {title}
        </button>
      </>
    );
  } else if (state.phase === 'running') {
    const { sent, total, changed, failed } = state.progress;
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
    body = (
      <div className="stack">
        <p role="status">{state.outcome.cancelled ? 'Cancelled. Summary:' : 'Done. Summary:'}</p>
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
                  {formatCount(batch.ids.length)} segments: {batch.error}
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
        <button ref={phaseButton} type="button" className="primary" onClick={props.onClose}>
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
