import { useCallback, useEffect, useRef, useState } from 'react';
import { unusedPageLoader } from '../../api/kill.ts';
import { type UnusedCount, UnusedCounter } from '../../api/kill-count.ts';
import { ETERNITY } from '../../druid/interval.ts';

/**
 * Counts every unused segment of the datasource (the kill's dry run over all time) in bounded memory, from both
 * ends by segment ID. A new `generation` counts afresh; Cancel and "go on" keep what was counted.
 */
export function useRetireCount(dataSource: string, enabled: boolean, generation: string) {
  const [count, setCount] = useState<UnusedCount | null>(null);
  const run = useRef<{ counter: UnusedCounter; controller: AbortController } | null>(null);

  const start = useCallback((counter: UnusedCounter) => {
    const controller = new AbortController();
    run.current = { counter, controller };
    void counter.run(controller.signal);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` asks for a fresh count.
  useEffect(() => {
    setCount(null);
    if (!enabled) return;
    const counter = new UnusedCounter({
      interval: ETERNITY,
      loadPage: unusedPageLoader(dataSource, ETERNITY),
      onProgress: (next) => {
        if (run.current?.counter === counter) setCount(next.snapshot());
      },
    });
    start(counter);
    return () => {
      run.current?.controller.abort();
      run.current = null;
    };
  }, [dataSource, enabled, generation, start]);

  const cancel = useCallback(() => run.current?.controller.abort(), []);
  const resume = useCallback(() => {
    if (run.current) start(run.current.counter);
  }, [start]);
  return { count, cancel, resume };
}
