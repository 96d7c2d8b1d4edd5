import { type RefObject, useEffect, useState } from 'react';

/**
 * How long a row must stay on screen before it asks for its data: rows that only flash past during a flick or a
 * drag of the scrollbar never send a request.
 */
export const ROW_DWELL_MS = 120;

/** True once the calling row has been mounted (on screen) for `ms`; at once for 0. */
export function useDwell(ms: number): boolean {
  const [settled, setSettled] = useState(ms === 0);
  useEffect(() => {
    if (settled) return;
    const timer = setTimeout(() => setSettled(true), ms);
    return () => clearTimeout(timer);
  }, [ms, settled]);
  return settled;
}

/** The dwell the rows of a virtual list wait: none for the first screen, ROW_DWELL_MS once the list has scrolled. */
export function useListDwellMs(scrollRef: RefObject<HTMLElement | null>): number {
  const [scrolled, setScrolled] = useState(false);
  useEffect(() => {
    const box = scrollRef.current;
    if (scrolled || !box) return;
    const onScroll = () => setScrolled(true);
    box.addEventListener('scroll', onScroll, { once: true, passive: true });
    return () => box.removeEventListener('scroll', onScroll);
  }, [scrollRef, scrolled]);
  return scrolled ? ROW_DWELL_MS : 0;
}
