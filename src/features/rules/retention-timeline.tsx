import { type ReactNode, useId, useMemo } from 'react';
import type { RetentionIntervals } from '../../api/rules-segments.ts';
import type { EffectiveRetention } from '../../druid/effective-retention.ts';
import { segmentsAndBytes, shortInstant, slotLabel } from './retention-format.ts';
import { HISTOGRAM_OUTCOMES, segmentHistogram, timelineBands, timelineWindow } from './retention-timeline-model.ts';

const WIDTH = 1000;
const BAND_HEIGHT = 26;
const BARS_TOP = 32;
const BARS_HEIGHT = 44;
const BUCKETS = 200;

interface RetentionTimelineProps {
  retention: EffectiveRetention;
  segments: RetentionIntervals;
  now: number;
}

/**
 * Which rule takes effect where over the datasource's time range (top band, default rules hatched), with the
 * segments drawn underneath as a histogram coloured by what happens to them. The list below says the same in words.
 */
export function RetentionTimeline({ retention, segments, now }: RetentionTimelineProps) {
  const captionId = useId();
  const view = useMemo(() => timelineWindow(segments.range, now), [segments.range, now]);
  const bands = useMemo(() => timelineBands(retention, view), [retention, view]);
  const histogram = useMemo(() => segmentHistogram(retention, segments, view, BUCKETS), [retention, segments, view]);
  const x = (ms: number) => ((ms - view.start) / (view.end - view.start)) * WIDTH;
  const barWidth = WIDTH / BUCKETS;

  const bars: ReactNode[] = [];
  for (let b = 0; b < BUCKETS && histogram.max > 0; b++) {
    let y = BARS_TOP + BARS_HEIGHT;
    HISTOGRAM_OUTCOMES.forEach((outcome, o) => {
      const count = histogram.counts[b * HISTOGRAM_OUTCOMES.length + o] as number;
      if (!count) return;
      const height = Math.max(2, (count / histogram.max) * BARS_HEIGHT);
      y -= height;
      bars.push(
        <rect
          key={`${b}-${outcome}`}
          className={`fill-${outcome}`}
          x={b * barWidth}
          y={y}
          width={barWidth}
          height={height}
        />,
      );
    });
  }

  return (
    <figure className="retention-timeline">
      <svg viewBox={`0 0 ${WIDTH} ${BARS_TOP + BARS_HEIGHT}`} preserveAspectRatio="none" aria-hidden="true">
        {bands.map((band) => (
          <rect
            key={`${band.start}-${band.slot}`}
            className={`fill-${band.outcome}${retention.slots[band.slot]?.source === 'default' ? ' from-default' : ''}`}
            x={band.x * WIDTH}
            y={0}
            width={Math.max(band.width * WIDTH, 1)}
            height={BAND_HEIGHT}
          />
        ))}
        {bars}
        {now > view.start && now < view.end && (
          <line className="now-line" x1={x(now)} x2={x(now)} y1={0} y2={BARS_TOP + BARS_HEIGHT} />
        )}
      </svg>
      <div className="retention-axis muted">
        <span>{shortInstant(view.start)}</span>
        <span>{shortInstant(view.end)}</span>
      </div>
      <figcaption id={captionId} className="retention-legend">
        {(['load', 'drop', 'broadcast', 'none'] as const).map((outcome) => (
          <span key={outcome} className="row">
            <span className={`swatch fill-${outcome}`} aria-hidden="true" />
            {{ load: 'Load', drop: 'Drop', broadcast: 'Broadcast', none: 'No rule' }[outcome]}
          </span>
        ))}
        <span className="row">
          <span className="swatch fill-load from-default" aria-hidden="true" />
          Default rule
        </span>
      </figcaption>
      <ol className="retention-ranges plain-list" aria-label="Which rule applies where">
        {bands.map((band) => (
          <li key={`${band.start}-${band.slot}`} className={`range-${band.outcome}`}>
            <span className="mono">
              {shortInstant(band.start)} → {shortInstant(band.end)}
            </span>
            <span>{slotLabel(retention.slots[band.slot])}</span>
            {band.segmentCount > 0 && <span className="muted">{segmentsAndBytes(band.segmentCount, band.bytes)}</span>}
          </li>
        ))}
      </ol>
    </figure>
  );
}
