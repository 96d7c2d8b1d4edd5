import type { Page } from '@playwright/test';

/**
 * Scrolls the segments table one step per animation frame and returns every frame's duration. By default the step
 * covers the whole table in about 600 frames (every frame shows entirely new rows, far faster than a person
 * scrolls); with `pixelsPerFrame` it scrolls like a fast flick instead, for at most `maxFrames` frames.
 */
export async function scrollWholeTable(page: Page, pixelsPerFrame?: number, maxFrames = 100_000): Promise<number[]> {
  return page.evaluate(
    ({ perFrame, limit }) =>
      new Promise<number[]>((resolve, reject) => {
        let scroller: HTMLElement | null = document.querySelector('.data-table-scroll');
        while (scroller && scroller.scrollHeight <= scroller.clientHeight + 1) scroller = scroller.parentElement;
        if (!scroller) {
          reject(new Error('no scrollable table container'));
          return;
        }
        const target = scroller;
        const step = perFrame ?? Math.max(1, (target.scrollHeight - target.clientHeight) / 600);
        const frames: number[] = [];
        let last = performance.now();
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          if (frames.length > limit || target.scrollTop + target.clientHeight >= target.scrollHeight - 1) {
            resolve(frames.slice(1));
            return;
          }
          target.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { perFrame: pixelsPerFrame ?? null, limit: maxFrames },
  );
}
