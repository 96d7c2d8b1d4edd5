import type { Page } from '@playwright/test';

/**
 * Scrolls the segments table from top to bottom, one step per animation frame, and returns every frame's duration.
 * The step covers the whole table in about 600 frames, far faster than a person scrolls.
 */
export async function scrollWholeTable(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        let scroller: HTMLElement | null = document.querySelector('table')?.parentElement ?? null;
        while (scroller && scroller.scrollHeight <= scroller.clientHeight + 1) scroller = scroller.parentElement;
        if (!scroller) {
          reject(new Error('no scrollable table container'));
          return;
        }
        const target = scroller;
        const step = Math.max(1, (target.scrollHeight - target.clientHeight) / 600);
        const frames: number[] = [];
        let last = performance.now();
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          if (target.scrollTop + target.clientHeight >= target.scrollHeight - 1) {
            resolve(frames.slice(1));
            return;
          }
          target.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}
