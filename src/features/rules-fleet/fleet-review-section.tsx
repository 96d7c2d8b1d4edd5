import { formatCount, formatCountOf } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import type { FleetTarget } from '../../druid/fleet-impact.ts';
import type { Rule } from '../../druid/rules.ts';
import type { FleetReview } from './fleet-plan.ts';
import { FleetReviewView } from './fleet-review-view.tsx';
import { useFleetReview } from './use-fleet-review.ts';

interface FleetReviewSectionProps {
  targets: readonly FleetTarget[];
  byName: ReadonlyMap<string, FleetTarget>;
  unchanged: number;
  defaults: readonly Rule[];
  now: number;
  onSave: (review: FleetReview) => void;
}

/** 3. Review: counting the impact (with progress and Cancel), then the totals, the list and the save button. */
export function FleetReviewSection({ targets, byName, unchanged, defaults, now, onSave }: FleetReviewSectionProps) {
  const state = useFleetReview(targets, defaults, now);
  return (
    <section className="card stack" aria-labelledby="fleet-review-heading">
      <h2 id="fleet-review-heading">3. Review</h2>
      {state.status === 'loading' && (
        <div className="row" aria-busy="true">
          <label htmlFor="fleet-impact-progress">
            Counting the impact
            {state.progress && state.progress.total > 0
              ? `: interval summaries of ${formatCount(state.progress.done)} of ${formatCount(state.progress.total)} datasources`
              : '…'}
          </label>
          {state.progress && state.progress.total > 0 && (
            <progress id="fleet-impact-progress" max={state.progress.total} value={state.progress.done} />
          )}
          <button type="button" onClick={state.cancel}>
            Cancel counting
          </button>
        </div>
      )}
      {state.status === 'cancelled' && (
        <p className="row">
          Counting cancelled: nothing can be saved without the impact.{' '}
          <button type="button" onClick={state.retry}>
            Count again
          </button>
        </p>
      )}
      {state.status === 'error' && <QueryErrorAlert error={state.error} onRetry={state.retry} />}
      {state.status === 'ready' && (
        <>
          <FleetReviewView review={state.review} targets={byName} unchanged={unchanged} />
          <div className="row">
            <button
              type="button"
              className={state.review.losingData > 0 ? 'danger' : 'primary'}
              disabled={state.review.impacts.length === 0}
              onClick={() => onSave(state.review)}
            >
              Save {formatCountOf(state.review.impacts.length, 'datasource')}…
            </button>
          </div>
        </>
      )}
    </section>
  );
}
