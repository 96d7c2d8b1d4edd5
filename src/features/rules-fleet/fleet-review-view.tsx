import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState } from 'react';
import { formatBytes, formatCount, formatCountOf } from '../../components/format.ts';
import { RulesDiffView } from '../../components/rules-diff/rules-diff-view.tsx';
import type { FleetDataSourceImpact, FleetTarget, OutcomeSummary } from '../../druid/fleet-impact.ts';
import type { RetentionChange } from '../../druid/retention-change.ts';
import type { RuleLint } from '../../druid/rule-lints.ts';
import type { FleetReview } from './fleet-plan.ts';

const ROW_HEIGHT = 32;

/** "drops 12 segments (3 MB) · hot +24 replicas (1 GB)": what the change does, in one line. */
export function changeText(change: RetentionChange): string {
  const parts: string[] = [];
  const totals = (t: { count: number; bytes: number }) =>
    `${formatCountOf(t.count, 'segment')} (${formatBytes(t.bytes)})`;
  if (change.newlyDropped.count > 0) parts.push(`drops ${totals(change.newlyDropped)}`);
  if (change.noLongerDropped.count > 0) parts.push(`keeps ${totals(change.noLongerDropped)} it dropped`);
  if (change.newlyBroadcast.count > 0) parts.push(`broadcasts ${totals(change.newlyBroadcast)}`);
  if (change.noLongerBroadcast.count > 0) parts.push(`stops broadcasting ${totals(change.noLongerBroadcast)}`);
  for (const [tier, delta] of Object.entries(change.tiers)) {
    const sign = delta.replicas > 0 ? '+' : '−';
    parts.push(
      `${tier} ${sign}${formatCount(Math.abs(delta.replicas))} replicas (${sign}${formatBytes(Math.abs(delta.bytes))})`,
    );
  }
  return parts.length > 0 ? parts.join(' · ') : 'no served segment changes';
}

/** "loaded 24 → 0 · dropped 0 → 24 · on _default_tier 2.0 MB → 0 B": before and after, in segments and bytes. */
export function outcomeText(before: OutcomeSummary, after: OutcomeSummary): string {
  const parts = (['load', 'drop', 'broadcast', 'none'] as const)
    .filter((key) => before[key] > 0 || after[key] > 0)
    .map((key) => `${OUTCOME_LABELS[key]} ${formatCount(before[key])} → ${formatCount(after[key])}`);
  const tiers = [...new Set([...Object.keys(before.tierBytes), ...Object.keys(after.tierBytes)])].sort();
  for (const tier of tiers)
    parts.push(`on ${tier} ${formatBytes(before.tierBytes[tier] ?? 0)} → ${formatBytes(after.tierBytes[tier] ?? 0)}`);
  return parts.join(' · ');
}

const OUTCOME_LABELS = { load: 'loaded', drop: 'dropped', broadcast: 'broadcast', none: 'matching no rule' };

function Detail({ impact, target, lints }: { impact: FleetDataSourceImpact; target: FleetTarget; lints: RuleLint[] }) {
  return (
    <section className="card stack" aria-label={`Changes of ${impact.name}`}>
      <h3>{impact.name}</h3>
      <p>
        {formatCountOf(impact.segments, 'served segment')} ({formatBytes(impact.bytes)}): {changeText(impact.change)}.
      </p>
      {impact.segments > 0 && <p className="muted">Segments {outcomeText(impact.before, impact.after)}.</p>}
      <RulesDiffView before={target.before} after={target.after} label={`Rule changes of ${impact.name}`} />
      {lints.length > 0 && (
        <ul className="alert warning" aria-label={`Lints of ${impact.name}`}>
          {lints.map((lint) => (
            <li key={`${lint.code}-${lint.ruleIndex}`}>{lint.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The totals, then one line per changed datasource (losing data first); one opens its diff and lints below. */
export function FleetReviewView({
  review,
  targets,
  unchanged,
}: {
  review: FleetReview;
  targets: ReadonlyMap<string, FleetTarget>;
  unchanged: number;
}) {
  const id = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<string | null>(review.impacts[0]?.name ?? null);
  const virtualizer = useVirtualizer({
    count: review.impacts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    initialRect: { width: 600, height: 300 },
  });
  const opened = review.impacts.find((impact) => impact.name === open);
  const openedTarget = open ? targets.get(open) : undefined;
  const lints = useMemo(() => (open ? review.lintsOf(open) : []), [review, open]);

  return (
    <div className="stack">
      <div className="stack">
        {review.impacts.length === 0 && (
          <p className="alert info">
            The change leaves every selected datasource’s rules as they are: nothing to save.
          </p>
        )}
        <p>
          Changing <strong>{formatCountOf(review.impacts.length, 'datasource')}</strong>
          {unchanged > 0 && ` (${formatCount(unchanged)} more stay as they are and are not sent)`}. In all:{' '}
          {changeText(review.total)}.
        </p>
        {review.losingData > 0 && (
          <p className="alert error" role="alert">
            {formatCountOf(review.losingData, 'datasource')} would lose data: the new rules drop{' '}
            {formatCountOf(review.total.newlyDropped.count, 'segment')} ({formatBytes(review.total.newlyDropped.bytes)})
            the current rules keep. Druid marks them unused.
          </p>
        )}
        {review.withErrors > 0 && (
          <p className="alert warning">
            {formatCountOf(review.withErrors, 'datasource')} get rules with errors (see lints).
          </p>
        )}
      </div>
      <div ref={scrollRef} className="fleet-list">
        <ul className="plain-list" aria-label="Changed datasources" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const impact = review.impacts[item.index] as FleetDataSourceImpact;
            return (
              <li key={impact.name} className="fleet-list-row" style={{ transform: `translateY(${item.start}px)` }}>
                <button
                  type="button"
                  className="ghost fleet-name"
                  aria-pressed={open === impact.name}
                  aria-controls={`${id}-detail`}
                  onClick={() => setOpen(impact.name)}
                >
                  {impact.name}
                </button>
                {impact.losesData && <span className="badge loses-data">loses data</span>}
                {review.hasErrors.has(impact.name) && <span className="badge loses-data">rule errors</span>}
                <span className="muted">{changeText(impact.change)}</span>
              </li>
            );
          })}
        </ul>
      </div>
      <div id={`${id}-detail`}>
        {opened && openedTarget && <Detail impact={opened} target={openedTarget} lints={lints} />}
      </div>
    </div>
  );
}
