/** Pure geometry of the history timeline: the visible time window, zooming, panning and axis ticks (all UTC). */

export interface TimeWindow {
  start: number;
  end: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Keep the window between a minute and a millennium: beyond either, marks and ticks stop meaning anything. */
export const MIN_SPAN = MINUTE;
export const MAX_SPAN = 1000 * 366 * DAY;

function clampSpan(span: number): number {
  return Math.min(MAX_SPAN, Math.max(MIN_SPAN, span));
}

/** Zooms by `factor` (< 1 zooms in) keeping the instant at `anchor` (0…1 across the window) in place. */
export function zoomWindow(window: TimeWindow, factor: number, anchor = 0.5): TimeWindow {
  const span = window.end - window.start;
  const nextSpan = clampSpan(span * factor);
  const pivot = window.start + span * anchor;
  const start = pivot - nextSpan * anchor;
  return { start, end: start + nextSpan };
}

/** Moves the window by `fraction` of its span (negative = earlier). */
export function panWindow(window: TimeWindow, fraction: number): TimeWindow {
  const shift = (window.end - window.start) * fraction;
  return { start: window.start + shift, end: window.end + shift };
}

/** The window moved just enough to show `time`, with a margin of 5 % of the span. */
export function revealTime(window: TimeWindow, time: number): TimeWindow {
  const span = window.end - window.start;
  const margin = span * 0.05;
  if (time < window.start + margin) return { start: time - margin, end: time - margin + span };
  if (time > window.end - margin) return { start: time + margin - span, end: time + margin };
  return window;
}

/** A window around `times` with some air on both sides; `fallback` when there is nothing to show. */
export function fitWindow(times: readonly number[], fallback: TimeWindow): TimeWindow {
  const finite = times.filter(Number.isFinite);
  if (finite.length === 0) return fallback;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = clampSpan(Math.max((max - min) * 1.1, HOUR));
  const middle = (min + max) / 2;
  return { start: middle - span / 2, end: middle + span / 2 };
}

/** Position of `time` across the window, 0…1 inside it. */
export function positionOf(window: TimeWindow, time: number): number {
  return (time - window.start) / (window.end - window.start);
}

type Step = { kind: 'fixed'; ms: number } | { kind: 'months'; months: number };

const STEPS: Step[] = [
  ...[1, 5, 15, 30].map((m): Step => ({ kind: 'fixed', ms: m * MINUTE })),
  ...[1, 3, 6, 12].map((h): Step => ({ kind: 'fixed', ms: h * HOUR })),
  ...[1, 2, 7].map((d): Step => ({ kind: 'fixed', ms: d * DAY })),
  ...[1, 3, 6, 12, 24, 60, 120, 300, 600, 1200, 3000, 6000, 12000].map((m): Step => ({ kind: 'months', months: m })),
];

function approximateMs(step: Step): number {
  return step.kind === 'fixed' ? step.ms : step.months * 30.44 * DAY;
}

const pad = (n: number) => String(n).padStart(2, '0');

function label(time: number, step: Step): string {
  const d = new Date(time);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (step.kind === 'months') return step.months % 12 === 0 ? String(d.getUTCFullYear()) : date.slice(0, 7);
  if (step.ms >= DAY) return date;
  return `${date.slice(5)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export interface Tick {
  time: number;
  label: string;
}

/** Round UTC instants across the window, about `target` of them, labelled at their own precision. */
export function axisTicks(window: TimeWindow, target = 8): Tick[] {
  const span = window.end - window.start;
  const step = STEPS.find((candidate) => approximateMs(candidate) >= span / target) ?? STEPS[STEPS.length - 1];
  if (!step) return [];
  const ticks: Tick[] = [];
  if (step.kind === 'fixed') {
    // Weeks start on Monday (the epoch was a Thursday).
    const offset = step.ms === 7 * DAY ? 4 * DAY : 0;
    for (let t = Math.ceil((window.start - offset) / step.ms) * step.ms + offset; t <= window.end; t += step.ms)
      ticks.push({ time: t, label: label(t, step) });
    return ticks;
  }
  const first = new Date(window.start);
  let monthIndex = first.getUTCFullYear() * 12 + first.getUTCMonth();
  monthIndex = Math.ceil(monthIndex / step.months) * step.months;
  for (;;) {
    const t = Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, 1);
    if (t > window.end || ticks.length > target * 3) break;
    if (t >= window.start) ticks.push({ time: t, label: label(t, step) });
    monthIndex += step.months;
  }
  return ticks;
}
