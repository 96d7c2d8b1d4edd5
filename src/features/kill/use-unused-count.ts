import { useCallback, useEffect, useRef, useState } from 'react';
import { unusedPageLoader } from '../../api/kill.ts';
import { type UnusedCount, UnusedCounter } from '../../api/kill-count.ts';
import { throttled } from '../../components/throttled.ts';
import { formatInterval, type Interval } from '../../druid/interval.ts';

/** Progress is drawn ten times a second; the outcome of a run at once. */
const PROGRESS_MS = 100;

export interface CountOfInterval extends UnusedCount {
  /** The interval counted (formatted): a count of another interval is never shown as this one's. */
  key: string;
}

/**
 * Counts, in the background, the unused segments a kill of `interval` deletes, with progress, Cancel and
 * "go on" after a cancel or a failure. A new `generation` (after a kill) counts again from scratch.
 */
export function useUnusedCount(dataSource: string, interval: Interval | null, generation: number) {
  const key = interval === null ? null : `${dataSource} ${formatInterval(interval)} ${generation}`;
  const [count, setCount] = useState<CountOfInterval | null>(null);
  const run = useRef<{ counter: UnusedCounter; controller: AbortController; key: string } | null>(null);

  const start = useCallback((counter: UnusedCounter, runKey: string) => {
    const controller = new AbortController();
    run.current = { counter, controller, key: runKey };
    void counter.run(controller.signal);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for dataSource, interval and generation.
  useEffect(() => {
    if (interval === null || key === null) {
      setCount(null);
      return;
    }
    const progress = throttled((next: UnusedCounter) => setCount({ ...next.snapshot(), key }), PROGRESS_MS);
    const counter = new UnusedCounter({
      interval,
      loadPage: unusedPageLoader(dataSource, interval),
      onProgress: (next) => {
        // A run this effect's cleanup cancelled reports once more: never over its successor's count.
        if (run.current?.counter !== counter) return;
        if (next.status === 'counting') progress.push(next);
        else {
          progress.cancel();
          setCount({ ...next.snapshot(), key });
        }
      },
    });
    start(counter, key);
    return () => {
      progress.cancel();
      run.current?.controller.abort();
      run.current = null;
    };
  }, [key]);

  const cancel = useCallback(() => run.current?.controller.abort(), []);
  /** Counts on from where a cancelled or failed run stopped: nothing counted is counted twice. */
  const resume = useCallback(() => {
    const current = run.current;
    if (current) start(current.counter, current.key);
  }, [start]);

  return { count: count !== null && count.key === key ? count : null, cancel, resume };
}
