export interface Throttled<T> {
  /** Delivers `value` now if the last delivery is `intervalMs` old, else once that time is up (latest value wins). */
  push(value: T): void;
  /** Drops a value still waiting. */
  cancel(): void;
}

/** Leading and trailing throttle: the first value goes out at once, and the last one is never lost. */
export function throttled<T>(deliver: (value: T) => void, intervalMs: number): Throttled<T> {
  let lastDelivery = Number.NEGATIVE_INFINITY;
  let waiting: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (!waiting) return;
    const { value } = waiting;
    waiting = null;
    lastDelivery = performance.now();
    deliver(value);
  };
  return {
    push(value) {
      waiting = { value };
      if (timer !== undefined) return;
      const wait = lastDelivery + intervalMs - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      waiting = null;
    },
  };
}
