import type { ReactNode } from 'react';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { RetentionChangeSummary } from './retention-change-summary.tsx';
import { RetentionCounts } from './retention-counts.tsx';
import { RetentionTimeline } from './retention-timeline.tsx';
import type { EffectiveRetentionView } from './use-effective-retention.ts';

interface RetentionPanelProps {
  view: EffectiveRetentionView;
  isDefault: boolean;
  dirty: boolean;
  now: number;
  segmentsStatus: { isPending: boolean; error: unknown; refetch: () => void };
  /** For `_default`: what saving changes for every datasource that falls back to the defaults. */
  defaultsImpact?: ReactNode;
}

/** Effective retention, live as the rules are edited: where each rule applies, what happens, what saving changes. */
export function RetentionPanel({ view, isDefault, dirty, now, segmentsStatus, defaultsImpact }: RetentionPanelProps) {
  return (
    <section className="retention-panel card stack" aria-labelledby="retention-heading" aria-busy={view.stale}>
      <h2 id="retention-heading">Effective retention</h2>
      <p className="muted">
        {isDefault
          ? 'Where the default rules take effect (as of now), and what saving them changes for every datasource that falls back to them.'
          : 'Which rule Druid applies to each used, non-overshadowed segment (first match wins), as of now.'}
      </p>
      {view.invalid && (
        <p className="alert warning">Showing the last valid rules: fix the errors in the editor to update this.</p>
      )}
      {segmentsStatus.error ? (
        <QueryErrorAlert error={segmentsStatus.error} onRetry={segmentsStatus.refetch} title="Segments unavailable" />
      ) : null}
      {segmentsStatus.isPending && !isDefault && <p className="muted">Loading segments…</p>}
      <RetentionTimeline retention={view.edited} segments={view.segments} now={now} />
      {isDefault && (
        <div aria-live="polite">
          <h3>If you save</h3>
          {defaultsImpact}
        </div>
      )}
      {!isDefault && !segmentsStatus.isPending && !segmentsStatus.error && (
        <>
          <RetentionCounts retention={view.edited} total={view.segments.segments} />
          <p className="field-hint">
            Counted from the segments Druid serves now, per interval. Used segments not loaded yet (just published, or
            kept in deep storage only by a load rule with 0 replicas) are not in it, though the rules apply to them too;
            segments still being ingested are, though the rules wait until they are published. Overshadowed segments are
            left out, as the rules skip them.
          </p>
          <div aria-live="polite">
            <h3>If you save</h3>
            <RetentionChangeSummary change={view.change} dirty={dirty} />
          </div>
        </>
      )}
    </section>
  );
}
