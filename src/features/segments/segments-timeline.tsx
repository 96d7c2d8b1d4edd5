import { type KeyboardEvent, type PointerEvent, useId, useMemo, useRef, useState } from 'react';
import { formatBytes, formatCount, formatCountOf } from '../../components/format.ts';
import type { Interval } from '../../druid/interval.ts';
import { formatShortInstant } from './segment-columns.tsx';
import {
  bucketize,
  bucketTotal,
  type TimelineBucket,
  type TimelineItem,
  type TimelineMetric,
} from './timeline-buckets.ts';

interface SegmentsTimelineProps {
  records: readonly TimelineItem[];
  /** The interval filter (or the window shown), highlighted. */
  highlight: Interval | null;
  onPick: (interval: Interval) => void;
  /** What Enter (or a click) does with the bars, for screen readers. */
  pickHint?: string;
  /** Segments per state, shown in the legend; `complete` false marks them "so far". */
  totals?: { counts: Record<(typeof STATES)[number], number>; complete: boolean };
}

const HEIGHT = 48;
const STATES = ['used', 'overshadowed', 'unused'] as const;

function describe(bucket: TimelineBucket, metric: TimelineMetric): string {
  const value = (n: number) => (metric === 'count' ? formatCount(n) : formatBytes(n));
  const { used, overshadowed, unused } = bucket.values;
  return `${formatShortInstant(bucket.start)}: ${value(used)} used, ${value(overshadowed)} overshadowed, ${value(unused)} unused`;
}

/**
 * Segment count or size over time, used/overshadowed/unused stacked. Drag across bars (or Shift+arrows) to filter to
 * an interval; click a bar (or Enter) to filter to it.
 */
export function SegmentsTimeline({ records, highlight, onPick, pickHint, totals }: SegmentsTimelineProps) {
  const id = useId();
  const [metric, setMetric] = useState<TimelineMetric>('count');
  const { buckets, granularity } = useMemo(() => bucketize(records, metric), [records, metric]);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const [cursor, setCursor] = useState<{ from: number; to: number } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const max = Math.max(1, ...buckets.map(bucketTotal));
  const n = buckets.length;

  const indexAt = (event: PointerEvent) => {
    const box = svgRef.current?.getBoundingClientRect();
    if (!box || box.width === 0) return 0;
    return Math.min(n - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * n)));
  };
  const pick = (from: number, to: number) => {
    const lo = buckets[Math.min(from, to)];
    const hi = buckets[Math.max(from, to)];
    if (lo && hi) onPick({ start: lo.start, end: hi.end });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (n === 0) return;
    const current = cursor ?? { from: 0, to: 0 };
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step !== 0) {
      event.preventDefault();
      const to = Math.min(n - 1, Math.max(0, current.to + step));
      setCursor(event.shiftKey ? { from: current.from, to } : { from: to, to });
    } else if (event.key === 'Enter' && cursor) {
      event.preventDefault();
      pick(cursor.from, cursor.to);
    } else if (event.key === 'Escape') {
      setCursor(null);
    }
  };

  const marked = drag ?? cursor;
  const inMark = (i: number) =>
    marked !== null && i >= Math.min(marked.from, marked.to) && i <= Math.max(marked.from, marked.to);
  const highlighted = (bucket: TimelineBucket) =>
    highlight !== null && bucket.start < highlight.end && highlight.start < bucket.end;
  const focusBucket = cursor ? buckets[cursor.to] : undefined;

  return (
    <section className="segments-timeline card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Timeline
      </h2>
      {/* biome-ignore lint/a11y/useSemanticElements: a keyboard-operable chart has no native element. */}
      <div
        className="segments-timeline-plot"
        role="group"
        tabIndex={n > 0 ? 0 : -1}
        aria-label={`Segments over time. Arrow keys move between bars, Shift extends, Enter ${pickHint ?? 'filters to the bars'}.`}
        aria-describedby={`${id}-live`}
        onKeyDown={onKeyDown}
      >
        <svg
          ref={svgRef}
          viewBox={`0 0 ${Math.max(n, 1)} ${HEIGHT}`}
          preserveAspectRatio="none"
          height={HEIGHT}
          width="100%"
          aria-hidden="true"
          onPointerDown={(event) => {
            if (n === 0) return;
            event.currentTarget.setPointerCapture(event.pointerId);
            const at = indexAt(event);
            setDrag({ from: at, to: at });
          }}
          onPointerMove={(event) => drag && setDrag({ ...drag, to: indexAt(event) })}
          onPointerUp={() => {
            if (drag) pick(drag.from, drag.to);
            setDrag(null);
          }}
          onPointerCancel={() => setDrag(null)}
        >
          {buckets.map((bucket, i) => {
            let y = HEIGHT;
            return (
              <g key={bucket.start} className={inMark(i) ? 'marked' : highlighted(bucket) ? 'highlighted' : undefined}>
                <rect className="segments-timeline-slot" x={i} y={0} width={1} height={HEIGHT} />
                {STATES.map((state) => {
                  const h = (bucket.values[state] / max) * (HEIGHT - 4);
                  y -= h;
                  return h > 0 ? <rect key={state} className={state} x={i + 0.1} y={y} width={0.8} height={h} /> : null;
                })}
                <title>{describe(bucket, metric)}</title>
              </g>
            );
          })}
        </svg>
      </div>
      {/* One line under the plot: its first and last dates at the edges, the measure and the legend between. */}
      <div className="row segments-timeline-foot">
        <span className="muted" aria-hidden="true">
          {buckets[0] ? formatShortInstant(buckets[0].start, true) : ''}
        </span>
        <span className="muted">{granularity ? `Per ${granularity.name}, by start (UTC)` : 'No segments'}</span>
        <fieldset className="segments-timeline-metric">
          <legend className="visually-hidden">Timeline measure</legend>
          {(['count', 'size'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name={`${id}-metric`} checked={metric === m} onChange={() => setMetric(m)} />
              {m === 'count' ? 'Segment count' : 'Size'}
            </label>
          ))}
        </fieldset>
        {totals && (
          <span>
            {formatCountOf(totals.counts.used + totals.counts.overshadowed + totals.counts.unused, 'segment')}
            {totals.complete ? '' : ' so far'}:
          </span>
        )}
        <ul className="segments-timeline-legend" aria-label="Legend">
          {STATES.map((state) => (
            <li key={state}>
              <span className={`segments-timeline-swatch ${state}`} aria-hidden="true" />
              {totals ? `${formatCount(totals.counts[state])} ${state}` : state}
            </li>
          ))}
        </ul>
        <span className="muted segments-timeline-end" aria-hidden="true">
          {buckets[n - 1] ? formatShortInstant(buckets[n - 1]?.end ?? 0, true) : ''}
        </span>
      </div>
      <p id={`${id}-live`} className="visually-hidden" aria-live="polite">
        {focusBucket ? describe(focusBucket, metric) : ''}
      </p>
    </section>
  );
}
