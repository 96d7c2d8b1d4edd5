import { ConvergenceProgress } from './convergence-progress.tsx';
import { forgetChange, useTrackedChanges } from './convergence-store.ts';

/** On a datasource's rules page: its last saved change, followed until the historicals hold what the rules ask. */
export function RuleChangeConvergence({ dataSource }: { dataSource: string }) {
  const change = useTrackedChanges().find((tracked) => tracked.dataSource === dataSource);
  if (!change) return null;
  return (
    <section className="card stack" aria-labelledby="convergence-heading">
      <h2 id="convergence-heading">Applying the saved rules</h2>
      <ConvergenceProgress change={change} />
      {change.finishedAt !== null && (
        <div>
          <button type="button" className="compact" onClick={() => forgetChange(change.id)}>
            Dismiss
          </button>
        </div>
      )}
    </section>
  );
}
