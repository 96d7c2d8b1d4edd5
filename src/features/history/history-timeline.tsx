import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AuditEntry } from '../../api/history.ts';
import { formatAuditTime, formatUtcMinutes } from './format-time.ts';
import { TimelineMark } from './timeline-mark.tsx';
import { buildLanes, clusterEntries, type MarkCluster, MOVE_KEYS, moveMark, visibleEntries } from './timeline-marks.ts';
import {
  axisTicks,
  MIN_SPAN,
  panWindow,
  positionOf,
  revealTime,
  type TimeWindow,
  zoomWindow,
} from './timeline-scale.ts';
import { useTimelineGestures } from './use-timeline-gestures.ts';
import { useTrackWidth } from './use-track-width.ts';
import './history-timeline.css';

const LANE_LIMIT = 24;
/** Marks are 14 px wide: closer than this, changes are drawn as one mark with a count. */
const MARK_SPACING_PX = 28;

interface HistoryTimelineProps {
  entries: readonly AuditEntry[];
  /** The window shown first and restored by "Fit". */
  initialWindow: TimeWindow;
  selectedId: string | null;
  onSelect: (entry: AuditEntry) => void;
}

function TipContent({ cluster }: { cluster: MarkCluster }) {
  const [first] = cluster.entries;
  if (!first) return null;
  if (cluster.entries.length === 1)
    return (
      <>
        <strong>{first.key}</strong>
        <span>{formatAuditTime(first.time)}</span>
        <span>by {first.author || '(no author)'}</span>
        <span className="history-timeline-tip-comment">{first.comment || '(no comment)'}</span>
      </>
    );
  const authors = [...new Set(cluster.entries.map((entry) => entry.author || '(no author)'))];
  return (
    <>
      <strong>
        {cluster.entries.length} changes to {first.key}
      </strong>
      <span>
        {formatAuditTime(cluster.start)} – {formatAuditTime(cluster.end)}
      </span>
      <span>
        by {authors.slice(0, 3).join(', ')}
        {authors.length > 3 ? ` and ${authors.length - 3} more` : ''}
      </span>
      <span className="muted">Click or press Enter to zoom in.</span>
    </>
  );
}

/**
 * Changes on a time axis, one lane per datasource. Zoom and pan with the buttons, the wheel (Shift pans), dragging
 * or the keyboard on a mark (arrows move between changes, +/− zoom, PageUp/PageDown pan, Enter opens).
 */
export function HistoryTimeline({ entries, initialWindow, selectedId, onSelect }: HistoryTimelineProps) {
  const id = useId();
  const [view, setView] = useState(initialWindow);
  const [activeId, setActiveId] = useState<string | null>(selectedId);
  const [tip, setTip] = useState<{ cluster: MarkCluster; x: number; y: number } | null>(null);
  const [allLanes, setAllLanes] = useState(false);
  const plotRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const marks = useRef(new Map<string, HTMLButtonElement>());
  const focusNext = useRef<string | null>(null);

  const lanes = useMemo(() => buildLanes(entries), [entries]);
  const shownLanes = allLanes ? lanes : lanes.slice(0, LANE_LIMIT);
  const ticks = useMemo(() => axisTicks(view), [view]);
  const buckets = Math.max(8, Math.floor((useTrackWidth(trackRef) ?? 1080) / MARK_SPACING_PX));
  useTimelineGestures(plotRef, trackRef, setView);

  const { start, end } = initialWindow;
  useEffect(() => setView({ start, end }), [start, end]);

  // An entry opened elsewhere (the list, the URL) is brought into view and becomes the keyboard stop.
  useEffect(() => {
    const entry = selectedId ? entries.find((candidate) => candidate.id === selectedId) : undefined;
    if (!entry || !Number.isFinite(entry.time)) return;
    setActiveId(entry.id);
    setView((current) => revealTime(current, entry.time));
  }, [selectedId, entries]);

  useEffect(() => {
    if (focusNext.current === null) return;
    marks.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const rows = shownLanes.map((lane) => ({
    lane,
    clusters: clusterEntries(visibleEntries(lane, view), view, buckets),
  }));
  const shown = rows.flatMap((row) => row.clusters);
  const holds = (cluster: MarkCluster, entryId: string | null) =>
    entryId !== null && cluster.entries.some((entry) => entry.id === entryId);
  // Exactly one mark is in the Tab order: the one holding the active change if shown, else the newest shown.
  const tabStop =
    shown.find((cluster) => holds(cluster, activeId)) ??
    shown.reduce<MarkCluster | null>((a, b) => (!a || b.end > a.end ? b : a), null);

  const register = (cluster: MarkCluster, element: HTMLButtonElement | null) => {
    for (const entry of cluster.entries) {
      if (element) marks.current.set(entry.id, element);
      else marks.current.delete(entry.id);
    }
  };
  const showTip = (cluster: MarkCluster, element: HTMLElement) => {
    const plot = plotRef.current?.getBoundingClientRect();
    const mark = element.getBoundingClientRect();
    if (plot) setTip({ cluster, x: mark.left - plot.left + mark.width / 2, y: mark.bottom - plot.top + 4 });
  };
  const activate = (cluster: MarkCluster) => {
    const newest = cluster.entries[cluster.entries.length - 1];
    if (!newest) return;
    // A bundle opens up by zooming in; once the zoom cannot go further, its newest change opens.
    if (cluster.entries.length > 1 && view.end - view.start > MIN_SPAN) {
      const span = Math.max((cluster.end - cluster.start) * 1.6, MIN_SPAN);
      const middle = (cluster.start + cluster.end) / 2;
      setView({ start: middle - span / 2, end: middle + span / 2 });
      setActiveId(cluster.id);
      focusNext.current = cluster.id;
      return;
    }
    setActiveId(newest.id);
    onSelect(newest);
  };

  const onMarkKey = (event: KeyboardEvent<HTMLButtonElement>, cluster: MarkCluster) => {
    const move = MOVE_KEYS[event.key];
    const first = cluster.entries[0];
    const last = cluster.entries[cluster.entries.length - 1];
    if (!first || !last) return;
    if (move) {
      const from = move === 'next' || move === 'last' ? last : first;
      const target = moveMark(shownLanes, from.id, move);
      if (target) {
        setActiveId(target.id);
        setView((current) => revealTime(current, target.time));
        focusNext.current = target.id;
      }
    } else if (event.key === '+' || event.key === '=') {
      setView((current) => zoomWindow(current, 0.5, positionOf(current, cluster.time)));
    } else if (event.key === '-' || event.key === '_') {
      setView((current) => zoomWindow(current, 2, positionOf(current, cluster.time)));
    } else if (event.key === 'PageUp' || event.key === 'PageDown') {
      setView((current) => panWindow(current, event.key === 'PageUp' ? -0.5 : 0.5));
    } else if (event.key === 'Escape') {
      setTip(null);
      return;
    } else return;
    event.preventDefault();
    if (!move) focusNext.current = first.id;
  };

  return (
    <section className="card history-timeline" aria-labelledby={`${id}-title`}>
      <div className="row history-timeline-toolbar">
        <h2 id={`${id}-title`}>Timeline</h2>
        <button type="button" onClick={() => setView((w) => zoomWindow(w, 0.5))}>
          Zoom in
        </button>
        <button type="button" onClick={() => setView((w) => zoomWindow(w, 2))}>
          Zoom out
        </button>
        <button type="button" onClick={() => setView((w) => panWindow(w, -0.5))}>
          ← Earlier
        </button>
        <button type="button" onClick={() => setView((w) => panWindow(w, 0.5))}>
          Later →
        </button>
        <button type="button" onClick={() => setView({ start, end })}>
          Fit
        </button>
        <span className="muted" aria-live="polite" data-testid="timeline-view">
          {formatUtcMinutes(view.start)} – {formatUtcMinutes(view.end)}
        </span>
      </div>
      <div className="history-timeline-plot" ref={plotRef}>
        <div className="history-timeline-row history-timeline-axis" aria-hidden="true">
          <span />
          <div className="history-timeline-track" ref={trackRef}>
            {ticks.map((tick) => (
              <span
                key={tick.time}
                className="history-timeline-tick"
                style={{ left: `${positionOf(view, tick.time) * 100}%` }}
              >
                {tick.label}
              </span>
            ))}
          </div>
        </div>
        {rows.map(({ lane, clusters }) => (
          // biome-ignore lint/a11y/useSemanticElements: a lane of marks is a group of buttons, not a form fieldset.
          <div key={lane.key} className="history-timeline-row" role="group" aria-label={`Changes to ${lane.key}`}>
            <span className="history-timeline-lane-label" title={lane.key}>
              {lane.key}
            </span>
            <div className="history-timeline-track">
              {clusters.map((cluster) => (
                <TimelineMark
                  key={cluster.id}
                  cluster={cluster}
                  left={positionOf(view, cluster.time)}
                  tabbable={cluster === tabStop}
                  selected={holds(cluster, selectedId)}
                  describedBy={tip?.cluster.id === cluster.id ? `${id}-tip` : undefined}
                  register={register}
                  onActivate={activate}
                  onKey={onMarkKey}
                  onShowTip={showTip}
                  onHideTip={() => setTip(null)}
                />
              ))}
            </div>
          </div>
        ))}
        {tip && (
          <div id={`${id}-tip`} role="tooltip" className="history-timeline-tip" style={{ left: tip.x, top: tip.y }}>
            <TipContent cluster={tip.cluster} />
          </div>
        )}
      </div>
      {lanes.length > LANE_LIMIT && (
        <button type="button" className="ghost" onClick={() => setAllLanes((all) => !all)}>
          {allLanes ? `Show the first ${LANE_LIMIT} datasources` : `Show all ${lanes.length} datasources`}
        </button>
      )}
      <p className="field-hint">
        Wheel zooms, Shift+wheel or dragging pans. On a change: ←/→ previous/next, ↑/↓ other datasource, +/− zoom,
        PageUp/PageDown pan, Enter opens it (or zooms into a bundle of changes).
      </p>
    </section>
  );
}
