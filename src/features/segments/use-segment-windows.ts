import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IntervalSummaries } from '../../api/interval-summaries.ts';
import { segmentWindowQueryOptions } from '../../api/segment-window.ts';
import { summarizeUnused, type UnusedTotals } from '../../api/unused-interval-totals.ts';
import { ETERNITY } from '../../druid/interval.ts';
import { groupByStart, type SegmentWindow, WINDOW_ROWS, windowAt, windowBefore, windowFrom } from './window-sizing.ts';

/** While unused totals stream in, the timeline and window sizes take a new copy at most this often. */
const TOTALS_INTERVAL_MS = 2000;
/**
 * Until every unused segment is counted, windows are sized from the served counts alone, leaving room for the unused
 * ones at the ratio the last window loaded showed; before any window, room for 3 unused per served segment (the
 * generated datasources hold 1.5), so the first window is small and quick.
 */
const FIRST_UNUSED_RATIO = 3;
const budgetFor = (unusedPerUsed: number) => Math.max(1, Math.floor(WINDOW_ROWS / (1 + unusedPerUsed)));
/** The first window holds half the rows (one unused page): it is what the first paint waits for. */
const FIRST_WINDOW_ROWS = WINDOW_ROWS / 2;

export interface UnusedTotalsState {
  totals: UnusedTotals | null;
  counted: number;
  error: unknown;
  retry: () => void;
}

interface Chosen {
  /** Unused rows after which it ends early. */
  cap: number;
  window: SegmentWindow;
  widenMs: number;
  from: 'start' | 'end';
}

/** Stands for the first window while the unused totals needed to size it are still being read. */
const SIZING: SegmentWindow = {
  start: ETERNITY.start,
  end: ETERNITY.end,
  estimate: 0,
  parts: [],
  hasPrevious: false,
  hasNext: false,
};

/** The unused segments summarised per interval in the background, from when `enabled` first turns true. */
function useUnusedTotals(dataSource: string, enabled: boolean, busy: boolean): UnusedTotalsState {
  const busyNow = useRef(busy);
  busyNow.current = busy;
  const [totals, setTotals] = useState<UnusedTotals | null>(null);
  const [counted, setCounted] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const started = useRef(false);
  if (enabled) started.current = true;
  const run = started.current;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` restarts the summary after a failure.
  useEffect(() => {
    if (!run) return;
    const controller = new AbortController();
    let shownAt = 0;
    setError(null);
    summarizeUnused(
      dataSource,
      (count, snapshot) => {
        setCounted(count);
        if (performance.now() - shownAt < TOTALS_INTERVAL_MS) return;
        shownAt = performance.now();
        setTotals(snapshot());
      },
      controller.signal,
      // While a window loads, the summary waits: on a small server the two would share its time.
      async () => {
        while (busyNow.current && !controller.signal.aborted) await new Promise((r) => setTimeout(r, 50));
      },
    ).then(setTotals, (failure: unknown) => {
      if (!controller.signal.aborted) setError(failure);
    });
    return () => controller.abort();
  }, [dataSource, run, attempt]);
  return { totals, counted, error, retry: () => setAttempt((n) => n + 1) };
}

function longestUsed(summaries: IntervalSummaries): number {
  let longest = 0;
  for (const entry of summaries.intervals) longest = Math.max(longest, entry.end - entry.start);
  return longest;
}

/**
 * Windowed mode's state: the window shown (chosen from the served summaries and the unused totals so far), its
 * records, and moves to the next, previous or any instant's window.
 */
export function useSegmentWindows(dataSource: string, summaries: IntervalSummaries) {
  // The first window comes from the served summaries alone (unused totals come later), and stays until moved.
  // Nothing served (all unused, or not loaded): windows can only be sized from the unused totals.
  const servedEmpty = summaries.intervals.length === 0;
  const [chosen, setChosen] = useState<Chosen | null>(() =>
    servedEmpty
      ? null
      : {
          window: windowFrom(groupByStart(summaries.intervals), ETERNITY.start, budgetFor(FIRST_UNUSED_RATIO) / 2),
          widenMs: longestUsed(summaries),
          from: 'start',
          cap: FIRST_WINDOW_ROWS,
        },
  );
  const [unusedStarted, setUnusedStarted] = useState(servedEmpty);
  const [windowBusy, setWindowBusy] = useState(false);
  const unused = useUnusedTotals(dataSource, unusedStarted, windowBusy);
  const done = unused.totals?.done === true;
  const [unusedPerUsed, setUnusedPerUsed] = useState(FIRST_UNUSED_RATIO);
  // Partial unused totals would count twice with the ratio: served counts alone until every unused one is known.
  // Pages come in ID order, which is start order, so partial totals are complete up to their latest start.
  const complete = done || servedEmpty;
  const groups = useMemo(
    () => groupByStart(complete ? [...summaries.intervals, ...(unused.totals?.intervals ?? [])] : summaries.intervals),
    [summaries, unused.totals, complete],
  );
  const budget = complete ? WINDOW_ROWS : budgetFor(unusedPerUsed);
  const widenMs = Math.max(longestUsed(summaries), unused.totals?.longestMs ?? 0);
  const enoughToSize = done || (unused.totals?.counted ?? 0) > WINDOW_ROWS;
  useEffect(() => {
    if (chosen === null && enoughToSize)
      setChosen({ window: windowFrom(groups, ETERNITY.start, budget), widenMs, from: 'start', cap: FIRST_WINDOW_ROWS });
  }, [chosen, enoughToSize, groups, budget, widenMs]);
  const current = chosen ?? { window: SIZING, widenMs: 0, from: 'start' as const, cap: 0 };
  const query = useQuery({
    ...segmentWindowQueryOptions(dataSource, current.window, current.widenMs, current.cap),
    enabled: chosen !== null,
  });

  // Summarise unused segments once the first window is on screen, so it does not compete with it.
  useEffect(() => {
    if (query.isSuccess) setUnusedStarted(true);
  }, [query.isSuccess]);
  useEffect(() => setWindowBusy(query.isFetching), [query.isFetching]);
  const loaded = query.data?.records;
  useEffect(() => {
    if (!loaded || loaded.length === 0) return;
    const unusedCount = loaded.reduce((n, record) => n + (record.state === 'unused' ? 1 : 0), 0);
    setUnusedPerUsed(unusedCount / Math.max(1, loaded.length - unusedCount));
  }, [loaded]);
  // Once every unused segment is known, a longer one than the window was widened for reloads it exactly.
  useEffect(() => {
    if (done && chosen && widenMs > chosen.widenMs) setChosen({ ...chosen, widenMs });
  }, [done, widenMs, chosen]);

  // Too many unused segments end a window early (see fetchUnusedInWindow): the window shown ends where it loaded to.
  const loadedEnd = query.data?.end;
  const shown = useMemo<SegmentWindow>(
    () =>
      loadedEnd === undefined || loadedEnd >= current.window.end
        ? current.window
        : { ...current.window, end: loadedEnd, hasNext: true },
    [current.window, loadedEnd],
  );
  const next = useCallback(() => {
    if (shown.hasNext)
      setChosen({ window: windowFrom(groups, shown.end, budget), widenMs, from: 'start', cap: WINDOW_ROWS });
  }, [shown, groups, widenMs, budget]);
  const previous = useCallback(() => {
    if (shown.hasPrevious)
      setChosen({ window: windowBefore(groups, shown, budget), widenMs, from: 'end', cap: WINDOW_ROWS });
  }, [shown, groups, widenMs, budget]);
  const jump = useCallback(
    (at: number) => setChosen({ window: windowAt(groups, at, budget), widenMs, from: 'start', cap: WINDOW_ROWS }),
    [groups, widenMs, budget],
  );

  return { window: shown, arrivedFrom: current.from, query, unused, next, previous, jump };
}
